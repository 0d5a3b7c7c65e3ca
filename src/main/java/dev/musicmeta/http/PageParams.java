package dev.musicmeta.http;

/**
 * {@code limit}, {@code offset} and {@code shape} of the lookups that list (an album's tracks,
 * an ISRC's tracks, an artist's albums and top tracks). Out of range or not an integer is a 400
 * that says what is accepted; nothing is silently clamped.
 *
 * <p>{@code shape} chooses the answer of the two lists that were plain arrays before they could
 * be paged ({@code /lookup/album/{id}/tracks}, {@code /lookup/isrc/{isrc}/tracks}): {@code list},
 * the default, keeps the array existing clients parse (the whole list, or the page that
 * {@code limit} and {@code offset} ask for); {@code page} answers a {@code Page} with
 * {@code total}. The shape is asked for by name rather than read from the presence of
 * {@code limit}, which those routes ignored before: a client that sent one all along must not
 * get another shape.
 *
 * @param limit {@code null} when not given
 */
record PageParams(Integer limit, int offset, boolean page) {

    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_OFFSET = 1_000_000;

    /** The effective limit: as given, else {@code absent}. */
    int limitOr(int absent) {
        return limit == null ? absent : limit;
    }

    /** Whether the request asks for the whole list as an array: no limit, no offset, no page. */
    boolean whole() {
        return limit == null && offset == 0 && !page;
    }

    /**
     * The limit of a paged list: as given; else {@value #DEFAULT_LIMIT} for a Page, and the rest
     * of the list from {@code offset} for an array.
     */
    int effectiveLimit() {
        return limit != null ? limit : page ? DEFAULT_LIMIT : Integer.MAX_VALUE;
    }

    /** Reads {@code limit}, {@code offset} and, if {@code withShape}, {@code shape}. */
    static PageParams parse(String rawQuery, boolean withShape, int maxOffset) {
        QueryString query = QueryString.parse(rawQuery);
        Integer limit = integer(query.single("limit"), "limit", 1, MAX_LIMIT);
        Integer offset = integer(query.single("offset"), "offset", 0, maxOffset);
        boolean page = false;
        if (withShape) {
            String shape = query.single("shape");
            if (shape != null && !shape.equals("list") && !shape.equals("page")) {
                throw invalid("shape must be list (an array, the default) or page (a Page with total)");
            }
            page = "page".equals(shape);
        }
        return new PageParams(limit, offset == null ? 0 : offset, page);
    }

    /** Reads {@code limit} alone (a list that is not paged further), {@code absent} when not given. */
    static int limit(String rawQuery, int absent) {
        Integer limit = integer(QueryString.parse(rawQuery).single("limit"), "limit", 1, MAX_LIMIT);
        return limit == null ? absent : limit;
    }

    private static Integer integer(String value, String name, int min, int max) {
        if (value == null) {
            return null;
        }
        String rule = name + " must be an integer from " + min + " to " + max;
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(rule);
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw invalid(rule + "; it is " + n);
        }
        return n;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, detail);
    }
}
