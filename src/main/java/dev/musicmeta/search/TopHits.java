package dev.musicmeta.search;

import dev.musicmeta.catalog.SearchKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The best {@code n} hits of a search in {@link Ranking} order (relevance, title coverage,
 * rank, rowid), filled by the tiers of a {@link QueryBuilder.Plan} one after the other. A
 * document already on the page is not taken again from a later tier.
 *
 * <p>Segments are sorted by rank, highest first, then rowid ({@link Ranking#INDEX_SORT}). So once
 * the page is full and a document sorts after the page's last hit, every later document of the
 * segment does too, and none of them can enter the page unless it is more relevant than that hit, or as
 * relevant and covering more of its title. When the tier allows neither, the segment is done. This
 * is what makes a common word cost about the same on 10 M tracks as on 1 M. (Lucene's own
 * block-max skipping would get there too, but walks the rest of the segment block by block to
 * find out.)
 */
final class TopHits {

    /**
     * One hit: its relevance, how many of its title's {@code titleLength} words the query covered
     * ({@code titleWords}, at most the length), its rank (popularity or followers, -1 for none)
     * and rowid; and where it is in the index (the segment's ord and the document in it).
     */
    record Hit(int relevance, int titleWords, int titleLength, long rank, long rowid, int leaf, int doc) {

        /** Whether this hit covers at least {@code num / den} of its title. */
        boolean covers(int num, int den) {
            return (long) titleWords * den >= (long) num * titleLength;
        }
    }

    /** Best first. */
    static final Comparator<Hit> ORDER = Comparator.comparingInt((Hit h) -> -h.relevance())
            .thenComparing((a, b) -> Long.compare((long) b.titleWords() * a.titleLength(),
                    (long) a.titleWords() * b.titleLength()))
            .thenComparingLong(h -> -h.rank())
            .thenComparingLong(Hit::rowid);

    private final int n;
    private final PriorityQueue<Hit> page;
    private final Set<Long> rowids = new HashSet<>();

    TopHits(int n) {
        this.n = n;
        this.page = new PriorityQueue<>(n + 1, ORDER.reversed());
    }

    boolean full() {
        return page.size() == n;
    }

    /** Whether no document of {@code tier} can enter the page any more. */
    boolean closedTo(QueryBuilder.Tier tier) {
        return full() && tier.maxRelevance() < page.peek().relevance();
    }

    /**
     * A manager for one tier's search on one thread, collecting into this page; {@code bonus} is
     * the weight of the tier's {@link QueryBuilder.Tier#bonus bonus}, or {@code null}.
     */
    CollectorManager<Collector, TopHits> manager(QueryBuilder.Tier tier, Weight bonus) {
        return new CollectorManager<>() {
            @Override
            public Collector newCollector() {
                return new Collector(tier, bonus);
            }

            @Override
            public TopHits reduce(Collection<Collector> collectors) {
                if (collectors.size() != 1) {
                    throw new IllegalStateException("one search, one thread");
                }
                return TopHits.this;
            }
        };
    }

    /**
     * A manager for one walk of the plan's {@linkplain QueryBuilder.Rests rests}, on one thread:
     * each document of the walk's query ({@code all}) into the strict rest when {@code strictQuery}
     * ({@code strict}, its weight, scored) matches it, else into the loose rest, by that tier's
     * rules; {@code strictBonus} and {@code looseBonus} are the weights of the tiers' bonuses or
     * {@code null}. Its result is the number of matches of the walk's query when it walked them all,
     * else -1.
     */
    CollectorManager<Rests, Long> rests(QueryBuilder.Tier strictRest, Weight strict, Weight strictBonus,
                                        QueryBuilder.Tier looseRest, Weight looseBonus) {
        return new CollectorManager<>() {
            @Override
            public Rests newCollector() {
                return new Rests(new Collector(strictRest, strictBonus), strict, new Collector(looseRest, looseBonus));
            }

            @Override
            public Long reduce(Collection<Rests> collectors) {
                if (collectors.size() != 1) {
                    throw new IllegalStateException("one search, one thread");
                }
                return collectors.iterator().next().walked();
            }
        };
    }

    /** The strict and the loose rests of a plan, collected in one walk: see {@link #rests}. */
    final class Rests extends SimpleCollector {

        private final Collector strict;
        private final Weight strictWeight;
        private final Collector loose;
        /** The strict query in this segment: its scorer, its approximation and its check, or null. */
        private Scorer strictScorer;
        private DocIdSetIterator strictDocs;
        private TwoPhaseIterator strictCheck;
        private boolean strictOpen;
        private boolean looseOpen;
        /** The matches walked, and whether a segment's walk was cut short (both tiers closed to the page). */
        private long walked;
        private boolean cut;

        private Rests(Collector strict, Weight strictWeight, Collector loose) {
            this.strict = strict;
            this.strictWeight = strictWeight;
            this.loose = loose;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            strict.getLeafCollector(context);
            loose.getLeafCollector(context);
            strictScorer = strictWeight.scorer(context);
            strictCheck = strictScorer == null ? null : strictScorer.twoPhaseIterator();
            strictDocs = strictScorer == null ? null
                    : strictCheck != null ? strictCheck.approximation() : strictScorer.iterator();
            if (strictScorer != null) {
                strict.setScorer(strictScorer);
            }
            strictOpen = strictScorer != null;
            looseOpen = true;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            loose.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
            walked++;
            if (isStrict(doc)) {
                if (strictOpen) {
                    try {
                        strict.collect(doc);
                    } catch (CollectionTerminatedException e) {
                        strictOpen = false; // no later strict document can enter the page
                    }
                }
            } else if (looseOpen) {
                try {
                    loose.collect(doc);
                } catch (CollectionTerminatedException e) {
                    looseOpen = false;
                }
            }
            if (!strictOpen && !looseOpen) {
                cut = true;
                throw new CollectionTerminatedException();
            }
        }

        private boolean isStrict(int doc) throws IOException {
            if (strictDocs == null) {
                return false;
            }
            int at = strictDocs.docID();
            if (at < doc) {
                at = strictDocs.advance(doc);
            }
            return at == doc && (strictCheck == null || strictCheck.matches());
        }

        private long walked() {
            return cut ? -1 : walked;
        }
    }

    /**
     * A manager for the documents of {@code tier} that have its bonus, collected first: its query
     * is the tier's with the bonus required and scored.
     */
    CollectorManager<Collector, TopHits> withBonus(QueryBuilder.Tier tier) {
        return new CollectorManager<>() {
            @Override
            public Collector newCollector() {
                return new Collector(tier, null);
            }

            @Override
            public TopHits reduce(Collection<Collector> collectors) {
                if (collectors.size() != 1) {
                    throw new IllegalStateException("one search, one thread");
                }
                return TopHits.this;
            }
        };
    }

    /** The hits, best first. */
    List<Hit> hits() {
        List<Hit> hits = new ArrayList<>(page);
        hits.sort(ORDER);
        return hits;
    }

    private void offer(Hit hit) {
        if (rowids.contains(hit.rowid())) {
            return; // on the page from a better tier
        }
        if (page.size() < n) {
            page.add(hit);
            rowids.add(hit.rowid());
        } else if (ORDER.compare(hit, page.peek()) < 0) {
            rowids.remove(page.poll().rowid());
            page.add(hit);
            rowids.add(hit.rowid());
        }
    }

    /** Collects one tier's matches into the page. */
    final class Collector extends SimpleCollector {

        private final QueryBuilder.Tier tier;
        /** The weight of the tier's bonus, looked up here; {@code null} when none or scored by the query. */
        private final Weight bonus;
        private Scorable scorer;
        /** The bonus in this segment: its scorer, its approximation and its check, or null. */
        private Scorer bonusScorer;
        private DocIdSetIterator bonusDocs;
        private TwoPhaseIterator bonusCheck;
        private NumericDocValues rank;
        private NumericDocValues rowid;
        private NumericDocValues titleLength;
        private int leaf;

        Collector(QueryBuilder.Tier tier, Weight bonus) {
            this.tier = tier;
            this.bonus = bonus;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            leaf = context.ord;
            rank = DocValues.getNumeric(context.reader(), Fields.RANK);
            rowid = DocValues.getNumeric(context.reader(), Fields.ROWID);
            NumericDocValues norms = tier.countsTitle() ? context.reader().getNormValues(Fields.NAME) : null;
            titleLength = norms == null ? DocValues.emptyNumeric() : norms;
            bonusScorer = bonus == null ? null : bonus.scorer(context);
            bonusCheck = bonusScorer == null ? null : bonusScorer.twoPhaseIterator();
            bonusDocs = bonusScorer == null ? null : bonusCheck != null ? bonusCheck.approximation() : bonusScorer.iterator();
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            Hit last = full() ? page.peek() : null;
            if (last != null && closes(last, tier.maxRelevance(), tier.coverNum(), tier.coverDen()) && after(doc, last)) {
                throw new CollectionTerminatedException(); // on to the next segment
            }
            float score;
            if (bonusScorer != null && last != null
                    && closes(last, tier.maxRelevance() - Ranking.IN_ORDER, tier.countsTitle() ? 1 : 0, 1)
                    && after(doc, last)) {
                // Only with the bonus can it enter: look the bonus up first, and score only a
                // document that has it (scoring moves every scored form of every word to it).
                float extra = bonus(doc);
                if (extra == 0) {
                    return;
                }
                score = scorer.score();
                if (tier.lacksTitleWord() && tier.allInTitle(score)) {
                    return; // the tier before's
                }
                score += extra;
            } else {
                score = scorer.score();
                if (tier.lacksTitleWord() && tier.allInTitle(score)) {
                    return; // the tier before's
                }
                if (bonusScorer != null) {
                    // The bonus adds a whole number, at most IN_ORDER: look it up only when it could matter.
                    long without = Math.round(score * (double) Ranking.TITLE_UNIT);
                    int most = tier.base() + (int) (without / Ranking.TITLE_UNIT) + Ranking.IN_ORDER
                            + (tier.titleWidth() > 0 && without % Ranking.TITLE_UNIT >= tier.titleWidth()
                            ? Ranking.ALL_IN_TITLE : 0);
                    if (last != null && most < last.relevance()) {
                        return; // cannot enter the page even with it
                    }
                    score += bonus(doc); // as Lucene sums an optional clause into a required one
                }
            }
            long units = Math.round(score * (double) Ranking.TITLE_UNIT);
            int titleUnits = (int) (units % Ranking.TITLE_UNIT);
            int relevance = tier.base() + (int) (units / Ranking.TITLE_UNIT)
                    + (tier.titleWidth() > 0 && titleUnits >= tier.titleWidth() ? Ranking.ALL_IN_TITLE : 0);
            if (last != null && relevance < last.relevance()) {
                return; // cannot enter the page: nothing more to read
            }
            int titleWords = 0;
            int length = 1;
            if (tier.countsTitle()) {
                length = (int) Math.max(0, value(titleLength, doc));
                titleWords = Math.min(titleUnits, length);
                length = Math.max(1, length);
            }
            if (tier.wholeTitle() && titleWords < length) {
                return; // not this tier's: a later one scores it
            }
            if (last != null && relevance == last.relevance()) {
                long mine = (long) titleWords * last.titleLength();
                long its = (long) last.titleWords() * length;
                if (mine < its || (mine == its && after(doc, last))) {
                    return; // sorts after the last hit
                }
            }
            offer(new Hit(relevance, titleWords, length, value(rank, doc), value(rowid, doc), leaf, doc));
        }

        /**
         * Whether no document of the tier at {@code max} relevance or less, covering at most
         * {@code coverNum / coverDen} of its title, sorts before {@code last} unless it comes
         * before it in rank order.
         */
        private static boolean closes(Hit last, int max, int coverNum, int coverDen) {
            return max < last.relevance() || (max == last.relevance() && last.covers(coverNum, coverDen));
        }

        /** What the bonus adds to {@code doc}'s score: 0 unless it matches. Documents come in order. */
        private float bonus(int doc) throws IOException {
            int at = bonusDocs.docID();
            if (at < doc) {
                at = bonusDocs.advance(doc);
            }
            if (at != doc || (bonusCheck != null && !bonusCheck.matches())) {
                return 0;
            }
            return bonusScorer.score();
        }

        /**
         * Whether {@code doc} of this segment sorts after {@code hit} by rank, then rowid. In the
         * hit's own segment the document order says it (the index sort), without reading a value:
         * reading the rank and rowid of every match costs a read of the index per few documents,
         * most of a common word's search. The builder merges the index into one segment, so the
         * values are read here only for an index of several.
         */
        private boolean after(int doc, Hit hit) throws IOException {
            if (hit.leaf() == leaf) {
                return doc > hit.doc();
            }
            long docRank = value(rank, doc);
            return docRank < hit.rank() || (docRank == hit.rank() && value(rowid, doc) > hit.rowid());
        }

        private static long value(NumericDocValues values, int doc) throws IOException {
            return values.advanceExact(doc) ? values.longValue() : -1;
        }
    }
}
