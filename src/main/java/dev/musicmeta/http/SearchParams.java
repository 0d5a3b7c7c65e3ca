package dev.musicmeta.http;

import dev.musicmeta.catalog.SearchRequest;

/**
 * Reads {@code q}, {@code limit} and {@code offset} of the search endpoints. Out of range or not
 * an integer is a 400 that says what is accepted; nothing is silently clamped.
 *
 * <p>The ranges and their wording belong to {@link SearchRequest}: a value out of range is
 * passed to it and its refusal is the problem's detail. A value that is no integer at all is
 * refused here, with the record's sentence for that parameter, so there is one wording of each rule.
 */
final class SearchParams {

    /** Digits beyond this are out of range whatever they say (leading zeros excepted). */
    private static final int MAX_DIGITS = 9;

    private static final String LIMIT_RULE = refusal(0, 0);
    private static final String OFFSET_RULE = refusal(SearchRequest.DEFAULT_LIMIT, -1);

    private SearchParams() {}

    static SearchRequest parse(String rawQuery) {
        QueryString query = QueryString.parse(rawQuery);
        String q = query.single("q");
        if (q == null) {
            throw invalid("q is required: the words to search for, " + SearchRequest.MIN_QUERY + " to "
                    + SearchRequest.MAX_QUERY + " characters");
        }
        int limit = integer(query.single("limit"), "limit", SearchRequest.DEFAULT_LIMIT, LIMIT_RULE);
        int offset = integer(query.single("offset"), "offset", 0, OFFSET_RULE);
        try {
            return new SearchRequest(q, limit, offset);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage()); // the record's own range checks, worded for the client
        }
    }

    /**
     * Decimal digits only (no sign, spaces or decimals); leading zeros are allowed, as in
     * {@code offset=007}. More than {@link #MAX_DIGITS} significant digits, or a minus sign
     * before digits, is out of range.
     */
    private static int integer(String value, String name, int absent, String rule) {
        if (value == null) {
            return absent;
        }
        boolean negative = value.length() > 1 && value.charAt(0) == '-';
        String digits = negative ? value.substring(1) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(name + " is not an integer: " + rule);
        }
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        String significant = digits.substring(first);
        if (negative || significant.length() > MAX_DIGITS) {
            throw invalid(name + " is out of range: " + rule);
        }
        return Integer.parseInt(significant);
    }

    /** How the record refuses a limit and offset it does not accept: its sentence for that parameter. */
    private static String refusal(int limit, int offset) {
        try {
            new SearchRequest("q".repeat(SearchRequest.MIN_QUERY), limit, offset);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new IllegalStateException("SearchRequest accepts limit " + limit + " with offset " + offset);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, detail);
    }
}
