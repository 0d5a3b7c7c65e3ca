package dev.musicmeta.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * ones. Expanding once against the whole index, rather than letting each segment expand a
 * PrefixQuery or FuzzyQuery, also gives every segment the same words and a lazy disjunction that
 * Lucene can skip through.
 *
 * <p>A typo is one edit anywhere in the word, the first letter included: a letter replaced,
 * dropped or added, or two neighbours swapped. Words of {@value #MIN_TYPO} or more letters may
 * have one; a word of one letter less matches only the longer words it misses a letter of
 * ("nigt" finds "night", not "nit"); shorter words must be typed right. Expansions are kept
 * in a bounded cache: the index does not change while it is served, and people type the same
 * prefixes over and over.
 */
interface TermExpander {

    int MAX_COMPLETIONS = 50;
    int MAX_TYPOS = 16;
    int MIN_TYPO = 5;

    /** The completions of {@code prefix} in {@code field} (may include the prefix itself). */
    List<String> completions(String field, String prefix);

    /** The words of {@code field} one typo from {@code word} (see above; may include it). */
    List<String> typos(String field, String word);

    /** Whether {@code field} holds {@code term}. */
    boolean has(String field, String term);

    /** Whether a word of {@code codePoints} may have a typo at all. */
    static boolean mayHaveTypo(int codePoints) {
        return codePoints >= MIN_TYPO - 1;
    }

    /** Expands against {@code reader}, caching up to {@code cacheSize} expansions. */
    static TermExpander of(IndexReader reader, int cacheSize) {
        record Expansion(String field, boolean prefix, String word) {}
        Cache<Expansion, List<String>> cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
        return new TermExpander() {
            @Override
            public List<String> completions(String field, String prefix) {
                return cache.get(new Expansion(field, true, prefix), k -> prefixed(reader, field, prefix));
            }

            @Override
            public List<String> typos(String field, String word) {
                return cache.get(new Expansion(field, false, word), k -> oneEdit(reader, field, word));
            }

            @Override
            public boolean has(String field, String term) {
                try {
                    Terms terms = MultiTerms.getTerms(reader, field);
                    return terms != null && terms.iterator().seekExact(new BytesRef(term));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
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
        int length = word.codePointCount(0, word.length());
        if (!mayHaveTypo(length)) {
            return List.of();
        }
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return List.of();
            }
            FuzzyQuery fuzzy = new FuzzyQuery(new Term(field, word), 1, 0, MAX_TYPOS, true);
            TermsEnum e = fuzzy.getTermsEnum(terms);
            TopTerms best = new TopTerms(MAX_TYPOS);
            for (BytesRef term = e.next(); term != null; term = e.next()) {
                if (length >= MIN_TYPO || codePoints(term) >= MIN_TYPO) {
                    best.offer(term, e.docFreq());
                }
            }
            return best.words();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int codePoints(BytesRef utf8) {
        int count = 0;
        for (int i = utf8.offset; i < utf8.offset + utf8.length; i++) {
            if ((utf8.bytes[i] & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
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

        /** Most frequent first. */
        List<String> words() {
            List<Candidate> sorted = new ArrayList<>(best);
            sorted.sort(Comparator.comparingInt(Candidate::docFreq).reversed());
            List<String> words = new ArrayList<>(sorted.size());
            for (Candidate c : sorted) {
                words.add(c.term().utf8ToString());
            }
            return List.copyOf(words);
        }
    }
}
