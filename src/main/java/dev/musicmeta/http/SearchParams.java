package dev.musicmeta.http;

import dev.musicmeta.catalog.SearchRequest;

/**
 * Reads {@code q}, {@code limit} and {@code offset} of the search endpoints. Out of range or not
 * an integer is a 400 that says what is accepted; nothing is silently clamped.
 */
final class SearchParams {

    private SearchParams() {}

    static SearchRequest parse(String rawQuery) {
        QueryString query = QueryString.parse(rawQuery);
        String q = query.single("q");
        if (q == null) {
            throw invalid("q is required: the words to search for, " + SearchRequest.MIN_QUERY + " to "
                    + SearchRequest.MAX_QUERY + " characters");
        }
        int limit = integer(query.single("limit"), "limit", SearchRequest.DEFAULT_LIMIT,
                "limit must be an integer from 1 to " + SearchRequest.MAX_LIMIT);
        int offset = integer(query.single("offset"), "offset", 0,
                "offset must be an integer of at least 0, with offset + limit at most " + SearchRequest.MAX_WINDOW);
        try {
            return new SearchRequest(q, limit, offset);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage()); // the record's own range checks, worded for the client
        }
    }

    /** Digits only (no sign, no spaces, no decimals); too many digits is out of range. */
    private static int integer(String value, String name, int absent, String accepted) {
        if (value == null) {
            return absent;
        }
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            boolean negative = value.length() > 1 && value.charAt(0) == '-'
                    && value.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
            boolean digits = !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
            String what = negative || digits ? "is out of range" : "is not an integer";
            throw invalid(name + " " + what + ": " + accepted);
        }
        return Integer.parseInt(value);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, detail);
    }
}
