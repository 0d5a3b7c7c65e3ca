package dev.musicmeta.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * One search's term lookups, shared by its tiers and its count. A plan names the same terms in
 * several tiers (a word whole, in the title, its typo fixes and completions) and Lucene looks each
 * term up in the terms dictionary again for every query it is in: through positional reads a
 * walk of the dictionary's index costs system calls, and the lookups were a quarter of a search's
 * CPU at 10 M tracks. Here a term is looked up at most once per search. Only the terms of
 * unscored clauses (under a {@link ConstantScoreQuery}, or filters) are shared: their lookups are
 * lazy and need no statistics, so a tier that is skipped looks nothing up.
 */
final class SharedTerms {

    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new HashMap<>();

    SharedTerms(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** {@code query} with the term queries of its unscored clauses sharing this search's lookups. */
    Query share(Query query) throws IOException {
        return share(query, true);
    }

    private Query share(Query query, boolean scored) throws IOException {
        if (query instanceof TermQuery term) {
            if (scored || term.getTermStates() != null) {
                return query;
            }
            TermStates known = states.get(term.getTerm());
            if (known == null) {
                known = TermStates.build(searcher, term.getTerm(), false);
                states.put(term.getTerm(), known);
            }
            return new TermQuery(term.getTerm(), known);
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
