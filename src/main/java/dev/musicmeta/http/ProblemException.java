package dev.musicmeta.http;

import java.util.Map;

/**
 * Ends a request with a problem document. Thrown by handlers for bad input and unknown items;
 * carries no stack trace because it is an answer, not a fault.
 *
 * @param headers extra response headers, e.g. {@code Allow} or {@code Retry-After}
 */
final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Map<String, String> headers;

    ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    ProblemException(ProblemType type, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.headers = Map.copyOf(headers);
    }

    ProblemType type() {
        return type;
    }

    String detail() {
        return getMessage();
    }

    Map<String, String> headers() {
        return headers;
    }
}
