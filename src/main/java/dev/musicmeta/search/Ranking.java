package dev.musicmeta.search;

import dev.musicmeta.catalog.SearchKind;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * How hits are ordered: relevance, then popularity (artists: followers), then rowid.
 *
 * <p>Relevance comes in tiers, searched one after the other (see {@link QueryBuilder.Plan}):
 * the whole name equals the query (folded); every word matched whole; some word matched only as
 * a prefix or with a typo. Inside a tier it is a whole number: each word adds a flat amount for
 * the best field it matches (strict tiers: the name or an artist name 4, the album name 3; loose
 * tier: whole 4, prefix 3, typo 2). Flat amounts, not BM25: the length of a name or the rarity of
 * a word says little about what someone searching a catalog means, and popularity says much
 * more. The rank then adds a fraction below 1 that grows with popularity, so one score orders by
 * (relevance, popularity); {@link TopHits} breaks the ties the fraction leaves (it is stored with
 * 9 bits of precision) by the exact rank, then rowid, so the order is exactly the contract's and
 * pages never overlap.
 */
final class Ranking {

    static final float NAME_WORD = 4;
    static final float ARTIST_WORD = 4;
    static final float ALBUM_WORD = 3;
    static final float PREFIX_PENALTY = 1;
    static final float TYPO_PENALTY = 2;

    /** Popularity 0..100 is stored as 1..101 (features must be positive); 101/128 < 1. */
    private static final float POPULARITY_WEIGHT = 1f / 128;
    /** Followers are capped so that ln(1 + cap) / 32 < 1. */
    private static final long FOLLOWERS_CAP = 1_000_000_000L;
    private static final float FOLLOWERS_WEIGHT = 1f / 32;

    /**
     * The order of documents inside each index segment: most popular first. A search then meets
     * the best candidates of a common word first and can stop a segment once the rest cannot
     * enter the page (see {@link TopHits}), instead of scoring every match.
     */
    static final Sort INDEX_SORT = new Sort(
            new SortField(Fields.RANK, SortField.Type.LONG, true),
            new SortField(Fields.ROWID, SortField.Type.LONG));

    private Ranking() {}

    /** The value of the rank feature for a popularity (tracks, albums) or follower count (artists). */
    static float featureValue(SearchKind kind, long rank) {
        long clamped = Math.max(0, rank);
        return kind == SearchKind.ARTISTS ? Math.min(clamped, FOLLOWERS_CAP) + 1f : Math.min(clamped, 100) + 1f;
    }

    /**
     * At least the score component of a document of this rank, as Lucene computes it from the
     * stored feature (which is rounded down); a hair more, to be safe from float rounding.
     */
    static double rankScoreBound(SearchKind kind, long rank) {
        double value = featureValue(kind, rank);
        double score = kind == SearchKind.ARTISTS ? FOLLOWERS_WEIGHT * Math.log(1 + value) : POPULARITY_WEIGHT * value;
        return score + 1e-4;
    }

    /** The score component that grows with the rank, always below 1. */
    static Query rankQuery(SearchKind kind) {
        return kind == SearchKind.ARTISTS
                ? FeatureField.newLogQuery(Fields.FEATURES, Fields.RANK_FEATURE, FOLLOWERS_WEIGHT, 1f)
                : FeatureField.newLinearQuery(Fields.FEATURES, Fields.RANK_FEATURE, POPULARITY_WEIGHT);
    }
}
