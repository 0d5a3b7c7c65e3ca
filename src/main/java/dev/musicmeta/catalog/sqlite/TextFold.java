package dev.musicmeta.catalog.sqlite;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case folding for the fallback search: NFC, then upper then lower case in the root locale, which
 * folds like Unicode full case folding for practical purposes ({@code ß} = {@code ss},
 * {@code ς} = {@code σ}, {@code K} (Kelvin) = {@code k}). ASCII takes a fast path.
 */
final class TextFold {

    /** Where a name matches a query; lower ranks first. */
    static final int NO_MATCH = 0;
    static final int EXACT = 1;
    static final int PREFIX = 2;
    static final int CONTAINS = 3;

    private TextFold() {}

    static String fold(String s) {
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return foldUnicode(s);
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        return upper ? s.toLowerCase(Locale.ROOT) : s;
    }

    private static String foldUnicode(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        // toLowerCase applies the final-sigma rule by context; fold both sigmas to one.
        return folded.indexOf('ς') >= 0 ? folded.replace('ς', 'σ') : folded;
    }

    /** How {@code name} matches {@code foldedQuery} (already folded and trimmed). */
    static int rank(String name, String foldedQuery) {
        String folded = fold(name.strip());
        if (folded.equals(foldedQuery)) {
            return EXACT;
        }
        if (folded.startsWith(foldedQuery)) {
            return PREFIX;
        }
        return folded.contains(foldedQuery) ? CONTAINS : NO_MATCH;
    }
}
