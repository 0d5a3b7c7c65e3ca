package dev.musicmeta.catalog;

import java.util.regex.Pattern;

/**
 * Normalizes ISRCs: case-insensitive, hyphens and spaces removed, then
 * {@code ^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$}.
 */
public final class Isrcs {

    private static final Pattern NORMALIZED = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");
    private static final String ACCEPTED = "an ISRC is 2 letters, 3 letters or digits and 7 digits"
            + " (e.g. USRC17607839); case, hyphens and spaces are ignored";

    private Isrcs() {}

    /**
     * Returns the normalized ISRC.
     *
     * @throws IllegalArgumentException with a message for the client that says what is accepted
     */
    public static String normalize(String input) {
        String normalized = tryNormalize(input);
        if (normalized == null) {
            String problem = input == null || input.isBlank() ? "missing ISRC: " : "malformed ISRC: ";
            throw new IllegalArgumentException(problem + ACCEPTED);
        }
        return normalized;
    }

    /** The normalized ISRC, or {@code null} when {@code input} is not one. */
    public static String tryNormalize(String input) {
        if (input == null || input.length() > 64) {
            return null;
        }
        StringBuilder out = new StringBuilder(12);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append((char) (c - 'a' + 'A')); // ASCII only: Unicode case rules map 'ı' to 'I' and 'ﬀ' to "FF"
            } else if (c != '-' && c != ' ') {
                out.append(c);
            }
        }
        String candidate = out.toString();
        return NORMALIZED.matcher(candidate).matches() ? candidate : null;
    }
}
