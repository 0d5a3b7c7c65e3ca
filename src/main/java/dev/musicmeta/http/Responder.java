package dev.musicmeta.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Sends every body the API writes: serialized into a {@link ResponseBuffer} first, then tagged
 * ({@link ETags}), checked against If-None-Match, given its Cache-Control, and gzip-compressed
 * when it is over {@link Gzip#MIN_SIZE} and the client accepts gzip.
 */
final class Responder {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    /** How a 200 may be cached. Errors are always {@code no-store}. */
    enum Caching {
        /** Shared caches may keep it for the configured max-age: the catalog is a static snapshot. */
        PUBLIC,
        /**
         * Only the client's own cache may keep it, for the configured max-age: an answer to a request
         * that needs credentials ({@code /v1}), which a shared cache must not hand to others.
         */
        PRIVATE,
        /** No Cache-Control (a POST answer, which caches do not reuse anyway). */
        NONE,
        /** Never stored ({@code /health}). */
        NO_STORE
    }

    private static final HttpField NEVER_STORED = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private final HttpField publicCacheControl;
    private final HttpField dataCacheControl;
    private final HttpField privateCacheControl;

    /** @param maxAgeSeconds the max-age of {@link Caching#PUBLIC} and {@link Caching#PRIVATE} answers */
    Responder(long maxAgeSeconds) {
        this(maxAgeSeconds, false);
    }

    /**
     * @param privateData whether data answers (lookups, searches) are {@code private}: with API keys
     *                    on, a shared cache must not hand an answer to a keyed request to clients
     *                    without a key (RFC 9111 lets it store even answers to requests with
     *                    Authorization when they are {@code public}). The docs stay {@code public}.
     */
    Responder(long maxAgeSeconds, boolean privateData) {
        this.publicCacheControl = cacheControl("public, max-age=" + maxAgeSeconds);
        this.dataCacheControl = cacheControl((privateData ? "private" : "public") + ", max-age=" + maxAgeSeconds);
        this.privateCacheControl = cacheControl("private, max-age=" + maxAgeSeconds);
    }

    private static HttpField cacheControl(String value) {
        return new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, value);
    }

    /** Serializes a 200 JSON answer with {@code body} and sends it. */
    void json(Context ctx, Caching caching, JsonWriter.ItemWriter<JsonWriter> body) throws IOException {
        json(Exchange.of(ctx), caching, body);
    }

    /** As {@link #json(Context, Caching, JsonWriter.ItemWriter)}, on either API ({@link CoreRoutes}). */
    void json(Exchange exchange, Caching caching, JsonWriter.ItemWriter<JsonWriter> body) throws IOException {
        ResponseBuffer buffer = ResponseBuffer.acquire();
        try {
            try (JsonWriter w = JsonWriter.to(buffer)) {
                body.write(w);
            }
            ok(exchange, JSON, buffer.array(), buffer.size(), null, caching);
        } finally {
            buffer.release();
        }
    }

    /** Sends a body prepared once ({@code /health}'s) with its tag, cached as {@code caching} says. */
    void prepared(Exchange exchange, StaticAsset body, Caching caching) throws IOException {
        ok(exchange, body.contentType(), body.bytes(), body.bytes().length, body, caching);
    }

    /** Sends a body of another type than JSON ({@code /metrics}), with its tag and, where accepted, gzip. */
    void body(Context ctx, String contentType, byte[] body, Caching caching) throws IOException {
        ok(Exchange.of(ctx), contentType, body, body.length, null, caching);
    }

    /** Sends a prepared body (docs, openapi.yaml) with its precomputed tag and gzip copy. */
    void asset(Context ctx, StaticAsset asset) throws IOException {
        ctx.res().setHeader("Content-Security-Policy", StaticAsset.SAME_ORIGIN_ONLY);
        ok(Exchange.of(ctx), asset.contentType(), asset.bytes(), asset.bytes().length, asset, Caching.PUBLIC);
    }

    /**
     * Sends an HTML page. Pages link relatively, so that they work under a proxy's path prefix;
     * their links resolve only at the page's own address, to which the address with a trailing
     * slash redirects (relatively too).
     */
    void page(Context ctx, StaticAsset page) throws IOException {
        String path = ctx.path();
        if (path.length() > 1 && path.endsWith("/")) {
            String name = path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
            String query = ctx.queryString();
            HttpServletResponse res = ctx.res();
            Cors.allowAnyOrigin(res);
            res.setHeader("Location", "../" + name + (query == null ? "" : "?" + query));
            res.setStatus(308);
            return;
        }
        asset(ctx, page);
    }

    private void ok(Exchange ex, String contentType, byte[] body, int length, StaticAsset asset, Caching caching)
            throws IOException {
        boolean compressible = Gzip.worthCompressing(length);
        boolean gzip = compressible && Gzip.accepted(ex.requestHeader("Accept-Encoding"));
        String identityTag = asset != null ? asset.etag() : ETags.of(body, length);
        String tag = gzip ? ETags.gzip(identityTag) : identityTag;
        boolean notModified = ETags.noneMatchMatches(ex.requestHeader("If-None-Match"), tag);
        if (notModified && !isSafe(ex.method())) { // RFC 9110 13.1.2: 412 for methods other than GET/HEAD
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-None-Match matched the current answer; send the request without it to get the answer");
        }
        Cors.allowAnyOrigin(ex);
        ex.header(new HttpField(HttpHeader.ETAG, tag));
        if (compressible) {
            ex.header(VARY);
        }
        switch (caching) {
            case PUBLIC -> ex.header(asset == null ? dataCacheControl : publicCacheControl);
            case PRIVATE -> ex.header(privateCacheControl);
            case NO_STORE -> ex.header(NEVER_STORED);
            case NONE -> { }
        }
        ex.status(notModified ? 304 : 200, notModified ? null : contentType); // a 304 has no body of its own
        if (!gzip) {
            ex.send(body, length, notModified);
        } else if (asset != null) {
            ex.header(GZIP);
            ex.send(asset.gzipped(), asset.gzipped().length, notModified);
        } else {
            ResponseBuffer compressed = ResponseBuffer.acquireForGzip();
            try {
                Gzip.compress(body, length, compressed); // also for a 304, whose Content-Length must be the 200's
                ex.header(GZIP);
                ex.send(compressed.array(), compressed.size(), notModified);
            } finally {
                compressed.release();
            }
        }
    }

    /** Sends a problem document (never cached), unless an answer is already on its way. */
    void problem(Context ctx, int status, byte[] body, Map<String, String> headers) throws IOException {
        error(ctx, status, PROBLEM_JSON, body, headers);
    }

    /** Sends an error body of another shape (the Spotify surface's), as {@link #problem} does. */
    void error(Context ctx, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        HttpServletResponse res = ctx.res();
        if (res.isCommitted()) {
            return;
        }
        res.reset();
        Cors.allowAnyOrigin(res);
        headers.forEach(res::setHeader);
        res.setHeader("Cache-Control", "no-store");
        res.setStatus(status);
        res.setContentType(contentType);
        write(res, body, body.length, false);
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    /**
     * Sets Content-Length and writes the body; for a 304 only the length, which RFC 9110 allows
     * only when it equals the 200's (Jetty would otherwise send 0).
     */
    private static void write(HttpServletResponse res, byte[] bytes, int length, boolean headersOnly)
            throws IOException {
        res.setContentLength(length);
        if (!headersOnly) {
            res.getOutputStream().write(bytes, 0, length);
        }
    }
}
