package dev.musicmeta.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a JSON request body under a size limit, checking first its media type (415) and then its
 * size (413): a declared Content-Length over the limit is refused before any byte is read, and a
 * body without one is read no further than one byte past the limit.
 *
 * <p>Before refusing a body, what is left of it is read and dropped (up to {@link #DRAIN_LIMIT}):
 * a socket closed with unread input makes the kernel answer with a reset, and the client would see
 * a broken connection instead of the problem document.
 */
final class RequestBody {

    static final int DRAIN_LIMIT = 1024 * 1024;

    private RequestBody() {}

    static byte[] json(Context ctx, int maxBytes) {
        if (!isJson(ctx.header("Content-Type"))) {
            drain(ctx);
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as JSON with Content-Type: application/json");
        }
        return read(ctx, maxBytes);
    }

    /** The body of any media type, at most {@code maxBytes} long (413 past it, as {@link #json}). */
    static byte[] read(Context ctx, int maxBytes) {
        String tooLarge = "the body may be at most " + maxBytes / 1024 + " KiB (" + maxBytes + " bytes)";
        if (ctx.req().getContentLengthLong() > maxBytes) {
            drain(ctx);
            throw new ProblemException(ProblemType.BODY_TOO_LARGE, tooLarge);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                drain(ctx);
                throw new ProblemException(ProblemType.BODY_TOO_LARGE, tooLarge);
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the request body could not be read completely");
        }
    }

    private static void drain(Context ctx) {
        if (ctx.req().getContentLengthLong() > DRAIN_LIMIT) {
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[8192];
            long total = 0;
            for (int n; total <= DRAIN_LIMIT && (n = in.read(sink)) >= 0; ) {
                total += n;
            }
        } catch (IOException ignored) {
            // the client went away; nothing left to protect
        }
    }

    /** {@code application/json} or {@code application/*+json}, parameters allowed. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json")
                || (type.startsWith("application/") && type.endsWith("+json")
                        && type.indexOf('/') == type.lastIndexOf('/')
                        && type.length() > "application/+json".length());
    }
}
