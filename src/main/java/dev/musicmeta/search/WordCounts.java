package dev.musicmeta.search;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Stores, as the norm of each field that keeps norms ({@link Fields#NAME}), the number of words
 * of the field: its positions, so the parts of a joined word ("don't": "don", "t") and the CJK
 * bigrams that overlap single characters do not count. {@link TopHits} reads it to prefer a title
 * that the query covers (shorter titles first at equal match). Nothing is scored by it: every
 * query of the index scores by constants.
 */
final class WordCounts extends Similarity {

    static final WordCounts INSTANCE = new WordCounts();

    /** Titles of more words count as this many: the difference past it says nothing. */
    static final int MAX = 127;

    private WordCounts() {
        super(false);
    }

    @Override
    public long computeNorm(FieldInvertState state) {
        return Math.min(MAX, state.getLength() - state.getNumOverlap());
    }

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collectionStats, TermStatistics... termStats) {
        return new SimScorer() {
            @Override
            public float score(float freq, long norm) {
                return boost;
            }
        };
    }
}
