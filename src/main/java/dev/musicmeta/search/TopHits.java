package dev.musicmeta.search;

import dev.musicmeta.catalog.SearchKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Collects the best {@code n} hits in {@link Ranking} order (score, then rank, then rowid), and
 * stops a segment as soon as no later document of it can enter the page.
 *
 * <p>Segments are sorted by rank, highest first ({@link Ranking#INDEX_SORT}), and a score is the
 * relevance (at most {@code maxRelevance}) plus a fraction that grows with the rank. So once a
 * hit's rank is so low that even the best relevance plus its fraction stays below the last hit
 * of the page, every later document of the segment does too: the segment is done. This is what
 * makes a common word cost about the same on 10 M tracks as on 1 M. (Lucene's own block-max
 * skipping would get there too, but walks the rest of the segment block by block to find out.)
 */
final class TopHits extends SimpleCollector {

    /** One hit: its score, rank (popularity or followers) and rowid. */
    record Hit(float score, long rank, long rowid) {}

    /** Best first. */
    static final Comparator<Hit> ORDER = Comparator.comparingDouble((Hit h) -> -h.score())
            .thenComparingLong(h -> -h.rank())
            .thenComparingLong(Hit::rowid);

    private final int n;
    private final SearchKind kind;
    private final float maxRelevance;
    private final PriorityQueue<Hit> best;
    private Scorable scorer;
    private NumericDocValues rank;
    private NumericDocValues rowid;

    /**
     * @param n            hits to keep
     * @param maxRelevance the highest relevance a document can reach for the query
     */
    TopHits(int n, SearchKind kind, float maxRelevance) {
        this.n = n;
        this.kind = kind;
        this.maxRelevance = maxRelevance;
        this.best = new PriorityQueue<>(n + 1, ORDER.reversed());
    }

    /** A manager for one search on one thread. */
    static CollectorManager<TopHits, TopHits> manager(int n, SearchKind kind, float maxRelevance) {
        return new CollectorManager<>() {
            @Override
            public TopHits newCollector() {
                return new TopHits(n, kind, maxRelevance);
            }

            @Override
            public TopHits reduce(Collection<TopHits> collectors) {
                if (collectors.size() != 1) {
                    throw new IllegalStateException("one search, one thread");
                }
                return collectors.iterator().next();
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        rank = DocValues.getNumeric(context.reader(), Fields.RANK);
        rowid = DocValues.getNumeric(context.reader(), Fields.ROWID);
    }

    @Override
    public void setScorer(Scorable scorer) {
        this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
        long docRank = value(rank, doc);
        if (best.size() == n && maxRelevance + Ranking.rankScoreBound(kind, docRank) < best.peek().score()) {
            throw new CollectionTerminatedException(); // on to the next segment
        }
        float score = scorer.score();
        if (best.size() == n && score < best.peek().score()) {
            return;
        }
        Hit hit = new Hit(score, docRank, value(rowid, doc));
        if (best.size() < n) {
            best.add(hit);
        } else if (ORDER.compare(hit, best.peek()) < 0) {
            best.poll();
            best.add(hit);
        }
    }

    private static long value(NumericDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.longValue() : -1;
    }

    /** The hits, best first. */
    List<Hit> hits() {
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(ORDER);
        return hits;
    }
}
