package dev.musicmeta.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpField;

/**
 * The part of a request and its answer that {@link Responder} uses to send a 200: the same
 * headers, tags and bodies whether the request came through Javalin ({@link #of(Context)}) or
 * was answered by {@link CoreRoutes} on Jetty's core API ({@link CoreExchange}).
 */
interface Exchange {

    /** The request's method, upper case as sent. */
    String method();

    /** The request header's first value, or null. */
    String requestHeader(String name);

    /** Sets a response header, replacing any value it had. */
    void header(String name, String value);

    /** As {@link #header(String, String)}; Jetty's core API sends a pre-encoded field as it is. */
    default void header(HttpField field) {
        header(field.getName(), field.getValue());
    }

    /** Sets the status and the content type (null: none, as for a 304). */
    void status(int status, String contentType);

    /**
     * Sets Content-Length to {@code length} and writes the body, all of it before returning (the
     * bytes belong to a buffer reused afterwards); with {@code headersOnly}, the length alone (a 304).
     */
    void send(byte[] bytes, int length, boolean headersOnly) throws IOException;

    /** A Javalin request's exchange, through the servlet API. */
    static Exchange of(Context ctx) {
        return new Exchange() {
            @Override
            public String method() {
                return ctx.method().name();
            }

            @Override
            public String requestHeader(String name) {
                return ctx.header(name);
            }

            @Override
            public void header(String name, String value) {
                ctx.res().setHeader(name, value);
            }

            @Override
            public void status(int status, String contentType) {
                HttpServletResponse res = ctx.res();
                res.setStatus(status);
                res.setContentType(contentType);
            }

            @Override
            public void send(byte[] bytes, int length, boolean headersOnly) throws IOException {
                HttpServletResponse res = ctx.res();
                res.setContentLength(length);
                if (!headersOnly) {
                    res.getOutputStream().write(bytes, 0, length);
                }
            }
        };
    }
}
