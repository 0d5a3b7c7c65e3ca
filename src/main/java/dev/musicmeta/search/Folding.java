package dev.musicmeta.search;

import java.text.Normalizer;

/**
 * Folds one word for matching: compatibility decomposition (full-width forms, ligatures), removal
 * of the diacritics of Latin, Greek, Cyrillic and Hebrew letters, case folding, then canonical
 * recomposition (so Hangul and kana with voicing marks come back whole).
 *
 * <p>This is the JDK's {@link Normalizer} rather than ICU's folding: it covers what names need
 * (Greek tonos and dialytika, Cyrillic breve, Latin accents, width) without a 14 MB dependency.
 * Letters that have no decomposition (ø, æ, ł, ß) are left to Lucene's ASCIIFoldingFilter, which
 * runs before this. Marks of other scripts (Devanagari vowel signs, kana voicing) are kept: there
 * they are part of the letter.
 */
final class Folding {

    private Folding() {}

    /** The folded form of {@code word}, lower case, diacritics removed. */
    static String fold(CharSequence word) {
        if (isAscii(word)) {
            return asciiLower(word);
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (!isFoldedMark(cp)) {
                // Upper then lower maps case variants to one form: final sigma, dotless i, long s.
                out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Whether {@code cp} joins the parts of one token, like the apostrophe of "don't" or the dots of "R.E.M". */
    static boolean isJoiner(int cp) {
        if (cp < 0x80) {
            return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
        }
        if (Character.isLetterOrDigit(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        return type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                && type != Character.ENCLOSING_MARK;
    }

    private static boolean isFoldedMark(int cp) {
        boolean inRange = (cp >= 0x0300 && cp <= 0x036F)   // combining diacritical marks
                || (cp >= 0x0483 && cp <= 0x0489)          // Cyrillic combining marks
                || (cp >= 0x0591 && cp <= 0x05C7)          // Hebrew points and accents
                || (cp >= 0x1AB0 && cp <= 0x1AFF)
                || (cp >= 0x1DC0 && cp <= 0x1DFF)
                || (cp >= 0x20D0 && cp <= 0x20FF)
                || (cp >= 0xFE20 && cp <= 0xFE2F);
        if (!inRange) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLower(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(out);
    }
}
