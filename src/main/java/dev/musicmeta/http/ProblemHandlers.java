package dev.musicmeta.http;

import dev.musicmeta.catalog.CatalogBusyException;
import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.InvalidSearchException;
import dev.musicmeta.catalog.SearchTimeoutException;
import dev.musicmeta.http.spotify.ErrorShape;
import dev.musicmeta.http.spotify.SpotifyException;
import io.javalin.config.RouterConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletApiResponse;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a handler throws into a problem document, or on the Spotify-compatible
 * surface into its own error object ({@link ErrorShape}) with the same words. Bad input arrives as
 * a {@link ProblemException} (a {@link SpotifyException} there); only a fault of the server ends in
 * the catch-all 500, which is logged here ({@link Faults}) and tells the client nothing about it.
 * An {@link Error} is answered the same way. A catalog that cannot answer is a 503: with
 * {@code Retry-After} when it is busy, without when a file cannot be read (no retry soon helps).
 */
final class ProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    private final Responder responder;
    private final RouteTable routes;
    private final Faults faults = new Faults(LOG);

    ProblemHandlers(Responder responder, RouteTable routes) {
        this.responder = responder;
        this.routes = routes;
    }

    void register(RoutesConfig config) {
        config.exception(ProblemException.class, (e, ctx) ->
                send(ctx, e.type(), e.detail(), e.headers()));
        config.exception(SpotifyException.class, (e, ctx) ->
                sendError(ctx, e.status(), e.getMessage(), e.oauthError(), e.headers()));
        config.exception(HttpResponseException.class, (e, ctx) -> routing(ctx, e.getStatus()));
        config.exception(InvalidSearchException.class, (e, ctx) ->
                send(ctx, ProblemType.INVALID_PARAMETER, e.getMessage(), Map.of()));
        config.exception(SearchTimeoutException.class, (e, ctx) -> send(ctx, ProblemType.SEARCH_TIMEOUT,
                "the search ran past its time budget; make the query more specific: more or longer words,"
                        + " or a filter such as artist:, album:, year:", Map.of()));
        config.exception(CatalogUnavailableException.class, (e, ctx) -> {
            if (e.unreadable()) {
                // Not a retry away: no Retry-After, and /ready says 503 so load balancers route elsewhere.
                faults.log("cannot answer " + ctx.method() + " " + AccessLog.printable(ctx.path(), 512) + " (request "
                        + ctx.req().getAttribute(RequestIds.ATTRIBUTE) + "): a catalog file cannot be read", e);
                send(ctx, ProblemType.UNAVAILABLE, "the catalog's files cannot be read on this instance (damaged or"
                        + " being replaced); retrying here will not help until they are repaired, another instance"
                        + " may answer", Map.of());
                return;
            }
            if (e instanceof CatalogBusyException busy) { // shedding load: each 503 is in the access log
                String retry = Long.toString(busy.retryAfterSeconds());
                LOG.debug("catalog busy for {} {}: {}", ctx.method(), AccessLog.printable(ctx.path(), 512), e.getMessage());
                send(ctx, ProblemType.UNAVAILABLE, "the catalog is busy with the requests queued before this one;"
                        + " retry after " + retry + " s", Map.of("Retry-After", retry));
                return;
            }
            LOG.warn("catalog unavailable for {} {}: {}", ctx.method(), AccessLog.printable(ctx.path(), 512),
                    e.getMessage(), e.getCause());
            send(ctx, ProblemType.UNAVAILABLE, "the catalog cannot answer right now; retry shortly",
                    Map.of("Retry-After", "1"));
        });
        config.exception(Exception.class, (e, ctx) -> {
            if (e instanceof HttpException http && http.getCode() < 500) {
                raw(ctx, http.getCode(), Map.of()); // Jetty refused the request's form, e.g. a bad query encoding
                return;
            }
            faults.log("failed to answer " + ctx.method() + " " + AccessLog.printable(ctx.path(), 512)
                    + " (request " + ctx.req().getAttribute(RequestIds.ATTRIBUTE) + ")", e);
            send(ctx, ProblemType.INTERNAL_ERROR, ProblemDocument.defaultDetail(500), Map.of());
        });
    }

    /** An {@link Error} thrown by a handler: Javalin hands it over without the request's context. */
    void registerErrors(RouterConfig router) {
        router.javaLangErrorHandler(this::error);
    }

    private void error(HttpServletResponse res, Error e) {
        Request request = request(res);
        String path = request == null ? null : request.getHttpURI().getPath();
        faults.log("failed to answer " + (request == null ? "a request" : request.getMethod() + " "
                + AccessLog.printable(path, 512) + " (request " + request.getAttribute(RequestIds.ATTRIBUTE) + ")"), e);
        if (res.isCommitted()) {
            return; // the status line is gone; Jetty closes the connection on the short body
        }
        String detail = ProblemDocument.defaultDetail(500);
        ErrorShape shape = ErrorShape.forPath(path);
        byte[] body = shape == null ? ProblemDocument.json(ProblemType.INTERNAL_ERROR, detail)
                : shape.json(500, detail, null);
        try {
            res.reset();
            Cors.allowAnyOrigin(res);
            res.setHeader("Cache-Control", "no-store");
            res.setStatus(500);
            res.setContentType(shape == null ? Responder.PROBLEM_JSON : ErrorShape.CONTENT_TYPE);
            res.setContentLength(body.length);
            res.getOutputStream().write(body);
        } catch (IOException | RuntimeException write) {
            LOG.debug("could not send the 500 for {}", new String(body, StandardCharsets.UTF_8), write);
        }
    }

    /** The request a bare servlet response answers (Jetty's knows it), or null. */
    private static Request request(HttpServletResponse res) {
        if (res instanceof ServletApiResponse api && api.getServletChannel() != null) {
            return api.getServletChannel().getServletContextRequest();
        }
        return null;
    }

    /** 404 and 405 of the router, and any other status Javalin raises itself. */
    private void routing(Context ctx, int status) {
        if (status == 405) {
            String allow = routes.allow(ctx.path());
            send(ctx, ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on this path; it accepts "
                    + allow, Map.of("Allow", allow));
        } else {
            raw(ctx, status, Map.of());
        }
    }

    /** A problem document, or on the Spotify surface its own error object with the same words. */
    private void send(Context ctx, ProblemType type, String detail, Map<String, String> headers) {
        if (ErrorShape.forPath(ctx.path()) != null) {
            sendError(ctx, type.status(), detail, null, headers);
        } else {
            sendBody(ctx, type.status(), Responder.PROBLEM_JSON, ProblemDocument.json(type, detail), headers);
        }
    }

    private void raw(Context ctx, int status, Map<String, String> headers) {
        if (ErrorShape.forPath(ctx.path()) != null) {
            sendError(ctx, status, ProblemDocument.defaultDetail(status), null, headers);
        } else {
            sendBody(ctx, status, Responder.PROBLEM_JSON, ProblemDocument.forStatus(status), headers);
        }
    }

    /** The Spotify surface's error object (a problem document should the path be another's). */
    private void sendError(Context ctx, int status, String message, String oauthError, Map<String, String> headers) {
        ErrorShape shape = ErrorShape.forPath(ctx.path());
        if (shape == null) {
            sendBody(ctx, status, Responder.PROBLEM_JSON, ProblemDocument.forStatus(status), headers);
        } else {
            sendBody(ctx, status, ErrorShape.CONTENT_TYPE, shape.json(status, message, oauthError), headers);
        }
    }

    private void sendBody(Context ctx, int status, String contentType, byte[] body, Map<String, String> headers) {
        try {
            responder.error(ctx, status, contentType, body, headers);
        } catch (IOException e) {
            LOG.debug("client went away before its {} was sent", status, e);
        }
    }
}
