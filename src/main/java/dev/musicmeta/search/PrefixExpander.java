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
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The words of a field that start with a prefix: at most {@value #MAX_EXPANSIONS}, the most
 * frequent first, as Elasticsearch's {@code max_expansions} does for prefix matching. A short
 * prefix ("lo") has tens of thousands of completions on a large catalog; matching all of them
 * would touch a large share of the index for every keystroke, while the ones that make a first
 * page are the frequent ones. Short prefixes are cached: the index never changes.
 */
interface PrefixExpander {

    int MAX_EXPANSIONS = 50;

    /** The completions of {@code prefix} in {@code field} (may include the prefix itself). */
    List<String> expand(String field, String prefix);

    /** Expands against {@code reader}, caching prefixes of up to 3 characters. */
    static PrefixExpander of(IndexReader reader) {
        Cache<String, List<String>> shortPrefixes = Caffeine.newBuilder().maximumSize(20_000).build();
        return (field, prefix) -> prefix.length() <= 3
                ? shortPrefixes.get(field + '\u0000' + prefix, k -> mostFrequent(reader, field, prefix))
                : mostFrequent(reader, field, prefix);
    }

    private static List<String> mostFrequent(IndexReader reader, String field, String prefix) {
        record Candidate(BytesRef term, int docFreq) {}
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
            PriorityQueue<Candidate> best = new PriorityQueue<>(MAX_EXPANSIONS + 1,
                    Comparator.comparingInt(Candidate::docFreq));
            for (BytesRef term = e.term(); term != null && StringHelper.startsWith(term, start); term = e.next()) {
                int docFreq = e.docFreq();
                if (best.size() < MAX_EXPANSIONS) {
                    best.add(new Candidate(BytesRef.deepCopyOf(term), docFreq));
                } else if (docFreq > best.peek().docFreq()) {
                    best.poll();
                    best.add(new Candidate(BytesRef.deepCopyOf(term), docFreq));
                }
            }
            List<String> words = new ArrayList<>(best.size());
            for (Candidate c : best) {
                words.add(c.term().utf8ToString());
            }
            return List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
