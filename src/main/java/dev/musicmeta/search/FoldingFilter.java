package dev.musicmeta.search;

import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Folds each token (see {@link Folding}) and removes the joiners inside it, so "Don't" becomes
 * "dont" and "R.E.M." becomes "rem": people type them both ways. When indexing, the parts are
 * also emitted at the same position ("don", "t"; "r", "e", "m"), so "amour" finds "L'amour".
 */
final class FoldingFilter extends TokenFilter {

    private final boolean emitParts;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final ArrayDeque<String> parts = new ArrayDeque<>();
    private State partState;

    FoldingFilter(TokenStream input, boolean emitParts) {
        super(input);
        this.emitParts = emitParts;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!parts.isEmpty()) {
            restoreState(partState);
            term.setEmpty().append(parts.poll());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (isAscii(term.buffer(), term.length())) {
            return foldAscii();
        }
        String folded = Folding.fold(term);
        StringBuilder joined = null;
        int partStart = 0;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Folding.isJoiner(cp)) {
                if (joined == null) {
                    joined = new StringBuilder(folded.length()).append(folded, 0, i);
                }
                addPart(folded, partStart, i);
                partStart = next;
            } else if (joined != null) {
                joined.appendCodePoint(cp);
            }
            i = next;
        }
        if (joined == null) {
            term.setEmpty().append(folded);
            return true;
        }
        addPart(folded, partStart, folded.length());
        if (joined.length() == 0) {
            // Only joiners: nothing to match on.
            parts.clear();
            return incrementToken();
        }
        term.setEmpty().append(joined);
        if (parts.size() < 2) {
            parts.clear(); // a single part equals the joined form
        }
        if (!parts.isEmpty()) {
            partState = captureState();
        }
        return true;
    }

    /**
     * As the general path does for a word of ASCII characters only (most words), in the term's own
     * buffer: lower case ({@link Folding#fold} of such a word), the joiners removed, the parts kept.
     */
    private boolean foldAscii() throws IOException {
        char[] buffer = term.buffer();
        int length = term.length();
        int kept = 0;
        int partStart = 0;
        boolean joiners = false;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (Folding.isJoiner(c)) {
                joiners = true;
                addPart(buffer, partStart, kept);
                partStart = kept;
            } else {
                buffer[kept++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
        }
        if (!joiners) {
            return true;
        }
        addPart(buffer, partStart, kept);
        if (kept == 0) {
            parts.clear();
            return incrementToken();
        }
        term.setLength(kept);
        if (parts.size() < 2) {
            parts.clear();
        }
        if (!parts.isEmpty()) {
            partState = captureState();
        }
        return true;
    }

    private static boolean isAscii(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void addPart(char[] kept, int start, int end) {
        if (emitParts && end > start) {
            parts.add(new String(kept, start, end - start));
        }
    }

    private void addPart(String folded, int start, int end) {
        if (emitParts && end > start) {
            parts.add(folded.substring(start, end));
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts.clear();
        partState = null;
    }
}
