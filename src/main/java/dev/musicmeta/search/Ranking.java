package dev.musicmeta.search;

import dev.musicmeta.catalog.SearchKind;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * How hits are ordered: by relevance, then by how much of the title the query covers (shorter
 * titles first at equal match), then popularity (artists: followers), then rowid. Popularity only
 * breaks ties: it never lifts a weaker match over a stronger one.
 *
 * <p>Relevance is a whole number (see {@link QueryBuilder.Plan} for the tiers it is searched in):
 * <ol>
 *   <li>{@value #EXACT_NAME}: the whole name equals the query (folded);</li>
 *   <li>{@value #EXACT_TITLE}: the title (the name without a version or featured artists) equals it;</li>
 *   <li>{@value #TITLE_AND_ARTIST}: the query is a title and one of its artists' whole name, in
 *       either order ("Night Jutrunu", "리사 바람");</li>
 *   <li>{@value #TITLE_LOOSELY_AND_ARTIST}: the same with a typo or a prefix in the title ("Nohce
 *       José");</li>
 *   <li>else the sum, over the query's words, of what each word matched at best: a word of the
 *       title {@value #TITLE_WORD}, of the version {@value #VERSION_WORD}, of an artist
 *       {@value #ARTIST_WORD}, of the album {@value #ALBUM_WORD}; as a prefix (the last word) or
 *       with a typo, {@value #PREFIX_PENALTY} or {@value #TYPO_PENALTY} less in the title and the
 *       artists, and {@value #LOOSE_ELSEWHERE_PREFIX} or {@value #LOOSE_ELSEWHERE_TYPO} elsewhere;
 *       plus {@value #IN_ORDER} when the title starts with the query or holds its words side by side
 *       in order (with their typos and the last as a prefix). So every
 *       word in the title ranks above a split across fields, and a title match above an album
 *       match.</li>
 * </ol>
 * Flat amounts, not BM25: the rarity of a word says little about what someone searching a
 * catalog means. The title coverage is counted alongside: each query word found in the title
 * adds its width in {@value #TITLE_UNIT}ths to the score (a CJK bigram's first two characters, one
 * character for the next ones), read back by {@link TopHits} and divided by the title's number of
 * words.
 */
final class Ranking {

    static final int EXACT_NAME = 9000;
    static final int EXACT_TITLE = 8000;
    static final int TITLE_AND_ARTIST = 7000;
    static final int ALL_IN_TITLE = 4000;
    static final int TITLE_LOOSELY_AND_ARTIST = 2000;

    static final int TITLE_WORD = 8;
    static final int VERSION_WORD = 7;
    static final int ARTIST_WORD = 6;
    static final int ALBUM_WORD = 4;
    static final int PREFIX_PENALTY = 2;
    static final int TYPO_PENALTY = 3;
    static final int LOOSE_ELSEWHERE_PREFIX = 2;
    static final int LOOSE_ELSEWHERE_TYPO = 1;
    static final int IN_ORDER = 4;

    /** The fraction of the score that counts title words: 1/1024 per unit of width. */
    static final int TITLE_UNIT = 1024;

    /**
     * The order of documents inside each index segment: most popular first. A search then meets
     * the best candidates of a common word first and can stop a segment once the rest cannot
     * enter the page (see {@link TopHits}), instead of scoring every match.
     */
    static final Sort INDEX_SORT = new Sort(
            new SortField(Fields.RANK, SortField.Type.LONG, true),
            new SortField(Fields.ROWID, SortField.Type.LONG));

    private Ranking() {}
}
