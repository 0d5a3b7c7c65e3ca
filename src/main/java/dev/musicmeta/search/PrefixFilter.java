package dev.musicmeta.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Replaces each word by its short prefixes: its first {@value #MIN} to {@value #MAX} characters
 * (code points), those shorter than the word. CJK words have none (they never match as
 * prefixes). Indexed in {@link Fields#PREFIXES}, they let a short last word match every word it
 * begins as one term, rather than as a disjunction of its completions.
 */
final class PrefixFilter extends TokenFilter {

    static final int MIN = 2;
    static final int MAX = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private String word;
    private int points;
    private int length;

    PrefixFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (word == null || length > MAX || length >= points) {
            if (!input.incrementToken()) {
                return false;
            }
            String t = type.type();
            points = Character.codePointCount(term.buffer(), 0, term.length());
            boolean cjk = CJKBigramFilter.DOUBLE_TYPE.equals(t) || CJKBigramFilter.SINGLE_TYPE.equals(t);
            word = cjk || points <= MIN ? null : term.toString();
            length = MIN;
        }
        term.setEmpty().append(word, 0, word.offsetByCodePoints(0, length));
        length++;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        word = null;
    }
}
