package dev.musicmeta.http;

import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Request;

/**
 * Request ids: the client's {@code X-Request-Id} when it is 1 to {@link #MAX_LENGTH} visible
 * ASCII characters (what proxies and tracing tools send: UUIDs, hex, base64), else one made here
 * (32 hex digits). The id is echoed on the answer and written to the access log, so a client,
 * a proxy and the server's log can name the same request.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    /** Request attribute holding the id, for the access log. */
    static final String ATTRIBUTE = "dev.musicmeta.requestId";
    static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /** The request's id, chosen once (the client's if acceptable) and kept as an attribute. */
    static String of(Request request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = accepted(request.getHeaders().get(HEADER));
        if (id == null) {
            id = generate();
        }
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** The id as sent when it is acceptable, else null. */
    static String accepted(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < '!' || c > '~') {
                return null;
            }
        }
        return header;
    }

    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong());
    }

    private static String hex(long value) {
        String s = Long.toHexString(value);
        return "0".repeat(16 - s.length()) + s;
    }
}
