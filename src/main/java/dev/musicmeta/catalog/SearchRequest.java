package dev.musicmeta.catalog;

/**
 * A validated search: {@code q} trimmed, 1 to 200 code points; {@code limit} 1 to 50;
 * {@code offset} at least 0 with {@code offset + limit} at most {@link #MAX_WINDOW}.
 */
public record SearchRequest(String q, int limit, int offset) {

    public static final int MIN_QUERY = 1;
    public static final int MAX_QUERY = 200;
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_WINDOW = 10_000;

    public SearchRequest {
        if (q == null) {
            throw new IllegalArgumentException("q is required");
        }
        q = trim(q);
        int points = q.codePointCount(0, q.length());
        if (points < MIN_QUERY || points > MAX_QUERY) {
            throw new IllegalArgumentException("q must be " + MIN_QUERY + " to " + MAX_QUERY
                    + " characters after trimming white space; it has " + points);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be an integer from 1 to " + MAX_LIMIT);
        }
        if (offset < 0 || offset + limit > MAX_WINDOW) {
            throw new IllegalArgumentException("offset must be an integer of at least 0, with offset + limit at most "
                    + MAX_WINDOW);
        }
    }

    /** {@code s} without leading and trailing white space, no-break spaces included. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** White space as a query reads it: {@link Character#isWhitespace} and no-break spaces (U+00A0, U+2007, U+202F). */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
