package dev.musicmeta.http.spotify;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;

/**
 * What the Spotify-compatible surface needs from the HTTP server it is mounted on: routes, and
 * the server's way of sending a body (entity tag, conditional requests, caching, compression)
 * and of reading one (size limits). The server implements it; this package imports nothing of it.
 */
public interface Mount {

    /** Registers a GET (and HEAD) route. */
    void get(String path, Handler handler);

    /** Registers a POST route. */
    void post(String path, Handler handler);

    /** Runs {@code handler} before every request whose path matches {@code pathPattern}. */
    void before(String pathPattern, Handler handler);

    /**
     * Sends a 200 JSON answer that a private cache (the client's) may keep, as the server sends
     * every answer: tagged, answered 304 when it matches If-None-Match, compressed when large.
     */
    void json(Context ctx, Body body) throws IOException;

    /** As {@link #json}, never stored by any cache (a token). */
    void jsonNoStore(Context ctx, Body body) throws IOException;

    /**
     * The request body, at most {@code maxBytes} long; a longer one is refused with 413 before it
     * is read whole.
     */
    byte[] body(Context ctx, int maxBytes);

    /** Writes one JSON answer. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }
}
