package dev.musicmeta.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;

/**
 * Counts matches when that is cheap, else gives up: past {@code limit} matches, or when the
 * postings to walk are more than {@code maxCost} documents by Lucene's estimate (the rarest word
 * of a conjunction, all the words of a disjunction). A sparse conjunction of common words can
 * have few matches and still take a long walk to find them. A segment whose count Lucene knows
 * without a pass (a single word: its document frequency) is counted so, whatever its cost.
 */
final class MatchCount extends SimpleCollector {

    private final long limit;
    private final long maxCost;
    private long count;
    private long cost;
    private Weight weight;

    private MatchCount(long limit, long maxCost) {
        this.limit = limit;
        this.maxCost = maxCost;
    }

    /** A manager for one search on one thread: the count, or {@code null} when given up. */
    static CollectorManager<MatchCount, Long> upTo(long limit, long maxCost) {
        return new CollectorManager<>() {
            @Override
            public MatchCount newCollector() {
                return new MatchCount(limit, maxCost);
            }

            @Override
            public Long reduce(Collection<MatchCount> collectors) {
                long total = 0;
                for (MatchCount c : collectors) {
                    if (c.gaveUp()) {
                        return null;
                    }
                    total += c.count;
                }
                return total;
            }
        };
    }

    private boolean gaveUp() {
        return count > limit || cost > maxCost;
    }

    @Override
    public void setWeight(Weight weight) {
        this.weight = weight;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        if (gaveUp()) {
            throw new CollectionTerminatedException(); // skips the segment
        }
        int known = weight == null ? -1 : weight.count(context);
        if (known >= 0) {
            count += known;
            throw new CollectionTerminatedException(); // counted without a pass
        }
        // The terms looked up here are kept by the weight for the pass that follows.
        ScorerSupplier supplier = weight == null ? null : weight.scorerSupplier(context);
        cost += supplier == null ? 0 : supplier.cost();
        if (gaveUp()) {
            throw new CollectionTerminatedException();
        }
    }

    @Override
    public void collect(int doc) {
        if (++count > limit) {
            throw new CollectionTerminatedException();
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
