package dev.musicmeta.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The words of the index a query word may stand for: completions of a prefix, and words one typo
 * away. Only the most frequent are kept ({@value #MAX_COMPLETIONS} completions,
 * {@value #MAX_TYPOS} typo fixes per field), as Elasticsearch's {@code max_expansions} does: a
 * prefix has up to thousands of completions on a large catalog, and a disjunction of them all
 * would be walked at every keystroke, while the ones that make a first page are the frequent
 * ones. The prefixes with the most completions, those of up to {@value PrefixFilter#MAX}
 * characters, are not expanded: they are indexed ({@link Fields#PREFIXES}) and match every
 * completion. Expanding once against the whole index, rather than letting each segment expand a
 * PrefixQuery or FuzzyQuery, also gives every segment the same words and a lazy disjunction that
 * Lucene can skip through.
 */
interface TermExpander {

    int MAX_COMPLETIONS = 50;
    int MAX_TYPOS = 16;

    /** The completions of {@code prefix} in {@code field} (may include the prefix itself). */
    List<String> completions(String field, String prefix);

    /** The words of {@code field} one edit from {@code word}, past its first letter (may include it). */
    List<String> typos(String field, String word);

    /** Expands against {@code reader}. */
    static TermExpander of(IndexReader reader) {
        return new TermExpander() {
            @Override
            public List<String> completions(String field, String prefix) {
                return prefixed(reader, field, prefix);
            }

            @Override
            public List<String> typos(String field, String word) {
                return oneEdit(reader, field, word);
            }
        };
    }

    private static List<String> prefixed(IndexReader reader, String field, String prefix) {
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return List.of();
            }
            BytesRef start = new BytesRef(prefix);
            TermsEnum e = terms.iterator();
            if (e.seekCeil(start) == TermsEnum.SeekStatus.END) {
                return List.of();
            }
            TopTerms best = new TopTerms(MAX_COMPLETIONS);
            for (BytesRef term = e.term(); term != null && StringHelper.startsWith(term, start); term = e.next()) {
                best.offer(term, e.docFreq());
            }
            return best.words();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> oneEdit(IndexReader reader, String field, String word) {
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return List.of();
            }
            FuzzyQuery fuzzy = new FuzzyQuery(new Term(field, word), 1, 1, MAX_TYPOS, true);
            TermsEnum e = fuzzy.getTermsEnum(terms);
            TopTerms best = new TopTerms(MAX_TYPOS);
            for (BytesRef term = e.next(); term != null; term = e.next()) {
                best.offer(term, e.docFreq());
            }
            return best.words();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most frequent terms offered. */
    final class TopTerms {
        private record Candidate(BytesRef term, int docFreq) {}

        private final int size;
        private final PriorityQueue<Candidate> best;

        TopTerms(int size) {
            this.size = size;
            this.best = new PriorityQueue<>(size + 1, Comparator.comparingInt(Candidate::docFreq));
        }

        void offer(BytesRef term, int docFreq) {
            if (best.size() < size) {
                best.add(new Candidate(BytesRef.deepCopyOf(term), docFreq));
            } else if (docFreq > best.peek().docFreq()) {
                best.poll();
                best.add(new Candidate(BytesRef.deepCopyOf(term), docFreq));
            }
        }

        List<String> words() {
            List<String> words = new ArrayList<>(best.size());
            for (Candidate c : best) {
                words.add(c.term().utf8ToString());
            }
            return List.copyOf(words);
        }
    }
}
