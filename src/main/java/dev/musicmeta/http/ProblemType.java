package dev.musicmeta.http;

/**
 * The kinds of problem the API answers (RFC 9457). Each has a stable {@code type}: a relative URI
 * {@code /problems/<slug>}, documented in openapi.yaml, that clients can switch on, and that the
 * server answers with a page about the problem ({@link ProblemPages}). Statuses the API itself
 * never chooses (raised by the HTTP layer below it) use {@code about:blank}.
 */
enum ProblemType {
    INVALID_ID(400, "invalid-id", "Invalid id"),
    INVALID_ISRC(400, "invalid-isrc", "Invalid ISRC"),
    INVALID_UPC(400, "invalid-upc", "Invalid UPC"),
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid query parameter"),
    INVALID_BODY(400, "invalid-body", "Invalid request body"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "API key required"),
    NOT_FOUND(404, "not-found", "Not found"),
    UNKNOWN_PATH(404, "unknown-path", "Unknown path"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    REQUEST_TIMEOUT(408, "request-timeout", "Request timeout"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal server error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable"),
    SEARCH_TIMEOUT(504, "search-timeout", "Search timed out");

    static final String PREFIX = "/problems/";

    private final int status;
    private final String slug;
    private final String uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.uri = PREFIX + slug;
        this.title = title;
    }

    int status() {
        return status;
    }

    String slug() {
        return slug;
    }

    String uri() {
        return uri;
    }

    String title() {
        return title;
    }

    /** The type for a status raised below the API (Jetty), or {@code null} for {@code about:blank}. */
    static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 404 -> UNKNOWN_PATH;
            case 405 -> METHOD_NOT_ALLOWED;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> BODY_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 431 -> HEADERS_TOO_LARGE;
            case 500 -> INTERNAL_ERROR;
            case 503 -> UNAVAILABLE;
            default -> null;
        };
    }
}
