package dev.musicmeta.search;

import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts matches, giving up past a limit: an exact count when it is cheap, else none. */
final class MatchCount extends SimpleCollector {

    private final long limit;
    private long count;

    private MatchCount(long limit) {
        this.limit = limit;
    }

    /** A manager for one search on one thread. */
    static CollectorManager<MatchCount, Long> upTo(long limit) {
        return new CollectorManager<>() {
            @Override
            public MatchCount newCollector() {
                return new MatchCount(limit);
            }

            @Override
            public Long reduce(Collection<MatchCount> collectors) {
                long total = 0;
                for (MatchCount c : collectors) {
                    if (c.count > c.limit) {
                        return null;
                    }
                    total += c.count;
                }
                return total;
            }
        };
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
        if (count > limit) {
            throw new CollectionTerminatedException(); // skips the segment
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
