package dev.musicmeta.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Cross-origin reads (the Fetch standard's CORS), as public read-only APIs such as Spotify's,
 * Deezer's and MusicBrainz's allow them: a page of any origin may call the API and read every
 * answer, errors included. No credentials: the API has no cookies or accounts, so
 * {@code Access-Control-Allow-Origin: *} is the whole policy, and as it never varies with the
 * request's Origin no {@code Vary: Origin} is needed and shared caches keep one copy per URL.
 *
 * <p>Every answer carries {@link #ALLOW_ORIGIN} and {@link #EXPOSE_HEADERS}, whoever writes it
 * (a route, the problem handlers, Jetty's error handler). A preflight ({@code OPTIONS}) on a
 * known path is answered 204 by {@link #preflight}, never rate limited.
 */
final class Cors {

    static final String ALLOW_ORIGIN = "*";

    /**
     * What a page may read beyond the headers every browser shows it: the tag to revalidate with,
     * the wait after a 429 or 503, a 405's methods, the request id to report a problem with.
     */
    static final String EXPOSE_HEADERS = "ETag, Retry-After, Allow, X-Request-Id, WWW-Authenticate";

    /**
     * Request headers a page may send: any ({@code *}, valid because no request carries
     * credentials in the Fetch sense: cookies), preceded by the ones the API reads for browsers that
     * predate the wildcard. Authorization must be named: the wildcard never covers it. Accept and
     * Accept-Language need no listing, and Accept-Encoding is the browser's own.
     */
    static final String ALLOW_HEADERS =
            "Content-Type, If-None-Match, Cache-Control, X-Requested-With, Authorization, X-Api-Key, *";

    /** A day, the longest any browser keeps a preflight (Chromium caps it at two hours). */
    static final String MAX_AGE_SECONDS = "86400";

    private static final HttpField ALLOW_ORIGIN_FIELD =
            new PreEncodedHttpField(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOW_ORIGIN);
    private static final HttpField EXPOSE_HEADERS_FIELD =
            new PreEncodedHttpField(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);

    private Cors() {}

    /** Lets any origin read this answer; call after any reset of the response. */
    static void allowAnyOrigin(HttpServletResponse res) {
        res.setHeader("Access-Control-Allow-Origin", ALLOW_ORIGIN);
        res.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }

    /** As {@link #allowAnyOrigin(HttpServletResponse)}, on either API. */
    static void allowAnyOrigin(Exchange exchange) {
        exchange.header(ALLOW_ORIGIN_FIELD);
        exchange.header(EXPOSE_HEADERS_FIELD);
    }

    /** As {@link #allowAnyOrigin(HttpServletResponse)}, for answers Jetty writes itself. */
    static void allowAnyOrigin(HttpFields.Mutable headers) {
        headers.put("Access-Control-Allow-Origin", ALLOW_ORIGIN);
        headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }

    /**
     * Answers an {@code OPTIONS} request (a preflight or a plain one) with no body.
     *
     * @param methods the methods the path accepts, OPTIONS aside (e.g. {@code GET, HEAD})
     * @param allow   the same with OPTIONS, for the Allow header
     */
    static void preflight(Context ctx, String methods, String allow) {
        HttpServletResponse res = ctx.res();
        allowAnyOrigin(res);
        res.setHeader("Access-Control-Allow-Methods", methods);
        res.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
        res.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
        res.setHeader("Allow", allow);
        res.setContentType(null); // Javalin presets text/plain; a 204 has no content to type
        res.setStatus(204);
    }
}
