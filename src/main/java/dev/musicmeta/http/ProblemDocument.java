package dev.musicmeta.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpStatus;

/** RFC 9457 problem documents: {@code {"type","title","status","detail"}}. */
final class ProblemDocument {

    static final String ABOUT_BLANK = "about:blank";

    private ProblemDocument() {}

    static byte[] json(ProblemType type, String detail) {
        return json(type.uri(), type.title(), type.status(), detail);
    }

    /** A problem for any status: its {@link ProblemType} when there is one, else {@code about:blank}. */
    static byte[] forStatus(int status) {
        return forStatus(status, defaultDetail(status));
    }

    /** As {@link #forStatus(int)}, saying {@code detail}. */
    static byte[] forStatus(int status, String detail) {
        ProblemType type = ProblemType.forStatus(status);
        return type != null
                ? json(type, detail)
                : json(ABOUT_BLANK, HttpStatus.getMessage(status), status, detail);
    }

    /** What a client should know about a status raised below the API; never echoes the request. */
    static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "the request could not be parsed: check the request line, the percent-encoding of the URL"
                    + " and the headers";
            case 404 -> "no such path; the API is described at /docs and /openapi.yaml";
            case 408 -> "the request was not sent in time: its line and headers, and then its body, must each"
                    + " arrive within the server's deadline (10 s by default)";
            case 413 -> "the request body is too large";
            case 414 -> "the URL is too long";
            case 431 -> "the request headers are too large";
            case 500 -> "the server failed to answer this request; the failure is logged";
            case 503 -> "the server is shutting down or cannot answer right now; retry shortly";
            default -> HttpStatus.getMessage(status);
        };
    }

    private static byte[] json(String type, String title, int status, String detail) {
        ResponseBuffer buffer = new ResponseBuffer(256);
        try (JsonWriter w = JsonWriter.to(buffer)) {
            w.problem(type, title, status, detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
