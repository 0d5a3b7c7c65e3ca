package dev.musicmeta.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Collects the best {@code n} hits in {@link Ranking} order (score, then rank, then rowid) and
 * counts matches exactly until {@code countUpTo}; from then on it tells the scorer the lowest
 * score that can still enter the page, every time that score rises, so Lucene skips the rest.
 *
 * <p>Lucene's TopFieldCollector does the same but stops raising the bar once its hit threshold
 * is passed and no better hit arrives, which on an index sorted by popularity means scanning the
 * rest of the segment: here a non-competitive hit raises it too.
 */
final class TopHits extends SimpleCollector {

    /** One hit: its score, rank (popularity or followers) and rowid. */
    record Hit(float score, long rank, long rowid) {}

    /** Best first. */
    static final Comparator<Hit> ORDER = Comparator.comparingDouble((Hit h) -> -h.score())
            .thenComparingLong(h -> -h.rank())
            .thenComparingLong(Hit::rowid);

    private final int n;
    private final long countUpTo;
    private final PriorityQueue<Hit> best;
    private long total;
    private float minScore;
    private boolean skipping;
    private Scorable scorer;
    private NumericDocValues rank;
    private NumericDocValues rowid;

    TopHits(int n, long countUpTo) {
        this.n = n;
        this.countUpTo = countUpTo;
        this.best = new PriorityQueue<>(n + 1, ORDER.reversed());
    }

    /** A manager for one search on one thread. */
    static CollectorManager<TopHits, TopHits> manager(int n, long countUpTo) {
        return new CollectorManager<>() {
            @Override
            public TopHits newCollector() {
                return new TopHits(n, countUpTo);
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
        return ScoreMode.TOP_SCORES;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        rank = DocValues.getNumeric(context.reader(), Fields.RANK);
        rowid = DocValues.getNumeric(context.reader(), Fields.ROWID);
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
        this.scorer = scorer;
        if (skipping) {
            scorer.setMinCompetitiveScore(minScore);
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        float score = scorer.score();
        if (best.size() == n && score < best.peek().score()) {
            raiseBar();
            return;
        }
        Hit hit = new Hit(score, value(rank, doc), value(rowid, doc));
        if (best.size() < n) {
            best.add(hit);
        } else if (ORDER.compare(hit, best.peek()) < 0) {
            best.poll();
            best.add(hit);
        }
        raiseBar();
    }

    private void raiseBar() throws IOException {
        if (best.size() == n && total >= countUpTo) {
            float bottom = best.peek().score();
            if (!skipping || bottom > minScore) {
                skipping = true;
                minScore = bottom;
                scorer.setMinCompetitiveScore(bottom);
            }
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

    /** The number of matches, or {@code null} once skipping may have left some uncounted. */
    Long total() {
        return skipping ? null : total;
    }
}
