package dev.musicmeta.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Barcodes of albums (UPC-A, EAN-13 and the like), compared as MusicBrainz compares them: by
 * their digits without leading zeros, so a 12-digit UPC-A and the 13-digit EAN-13 it is part of
 * ({@code 0} and the same 12 digits) are one barcode, whichever the catalog stored.
 */
public final class Upcs {

    /** The longest barcode: a GTIN-14. */
    public static final int MAX_DIGITS = 14;
    /** The shortest: an EAN-8 or a UPC-E. */
    public static final int MIN_DIGITS = 8;

    static final String RULE = MIN_DIGITS + " to " + MAX_DIGITS + " digits (UPC-A, EAN-13, EAN-8, UPC-E, GTIN-14;"
            + " spaces and hyphens are ignored), not all zeros";

    private Upcs() {}

    /**
     * The barcode's digits without leading zeros.
     *
     * @throws IllegalArgumentException naming what is accepted, when {@code input} is no barcode
     */
    public static String normalize(String input) {
        String core = input == null ? null : core(input, MIN_DIGITS);
        if (core == null) {
            throw new IllegalArgumentException("a UPC is " + RULE);
        }
        return core;
    }

    /**
     * A stored UPC as {@link #normalize} reads a barcode, but of any length; {@code null} when it
     * holds anything but digits, spaces and hyphens, or no digit other than zero.
     */
    public static String tryNormalize(String stored) {
        return stored == null ? null : core(stored, 1);
    }

    /**
     * Every spelling of a normalized barcode a catalog may hold: its digits, and the same with
     * leading zeros up to {@value #MAX_DIGITS} digits. An index on the stored text finds each.
     */
    public static List<String> forms(String normalized) {
        List<String> forms = new ArrayList<>(MAX_DIGITS);
        StringBuilder form = new StringBuilder(normalized);
        forms.add(form.toString());
        while (form.length() < MAX_DIGITS) {
            form.insert(0, '0');
            forms.add(form.toString());
        }
        return forms;
    }

    private static String core(String input, int minDigits) {
        StringBuilder digits = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        if (digits.length() < minDigits || digits.length() > MAX_DIGITS) {
            return null;
        }
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == '0') {
            start++;
        }
        return start == digits.length() ? null : digits.substring(start);
    }
}
