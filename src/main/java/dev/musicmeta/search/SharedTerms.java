package dev.musicmeta.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Term lookups shared by a search's tiers and its count, and by the searches after it. A plan
 * names the same terms in several tiers (a word whole, in the title, its typo fixes and
 * completions) and Lucene looks each term up in the terms dictionary again for every query it is
 * in: a walk of the dictionary's index and a block of the dictionary, a tenth of a search's CPU at
 * 10 M tracks. Here a term is looked up once while {@code known} holds it: the lookups of one
 * index, bounded in number, each looked up whole (every segment, with the statistics scoring
 * needs) before it is shared, so that a shared lookup is never written to again.
 */
final class SharedTerms {

    private final IndexSearcher searcher;
    private final Cache<Term, TermStates> known;

    /** Lookups for searches by {@code searcher}, kept in {@code known} (one per index reader). */
    SharedTerms(IndexSearcher searcher, Cache<Term, TermStates> known) {
        this.searcher = searcher;
        this.known = known;
    }

    /** A store of looked-up terms for one index reader, of at most {@code size} terms. */
    static Cache<Term, TermStates> cache(int size) {
        return Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    /** {@code query} with the term queries of its unscored clauses sharing this search's lookups. */
    Query share(Query query) throws IOException {
        return share(query, true);
    }

    private Query share(Query query, boolean scored) throws IOException {
        if (query instanceof TermQuery term) {
            if (term.getTermStates() != null) {
                return query;
            }
            TermStates states = known.getIfPresent(term.getTerm());
            if (states == null) {
                states = TermStates.build(searcher, term.getTerm(), true);
                known.put(term.getTerm(), states);
            }
            return new TermQuery(term.getTerm(), states);
        }
        if (query instanceof ConstantScoreQuery constant) {
            return new ConstantScoreQuery(share(constant.getQuery(), false));
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(share(boost.getQuery(), scored), boost.getBoost());
        }
        if (query instanceof DisjunctionMaxQuery max) {
            List<Query> disjuncts = new ArrayList<>(max.getDisjuncts().size());
            for (Query q : max.getDisjuncts()) {
                disjuncts.add(share(q, scored));
            }
            return new DisjunctionMaxQuery(disjuncts, max.getTieBreakerMultiplier());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                b.add(share(clause.getQuery(), scored && clause.isScoring()), clause.getOccur());
            }
            return b.build();
        }
        return query; // phrases, prefixes, ranges: looked up by their own weights
    }
}
