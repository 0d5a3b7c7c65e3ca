package dev.musicmeta.http;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.SearchTimeoutException;
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
 * Turns every exception a handler throws into a problem document. Bad input arrives as a
 * {@link ProblemException}; only a fault of the server ends in the catch-all 500, which is logged
 * here ({@link Faults}) and tells the client nothing about it. An {@link Error} (a damaged memory
 * mapped file surfaces as {@link InternalError}) is answered the same way.
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
        config.exception(HttpResponseException.class, (e, ctx) -> routing(ctx, e.getStatus()));
        config.exception(SearchTimeoutException.class, (e, ctx) -> send(ctx, ProblemType.SEARCH_TIMEOUT,
                "the search ran past its time budget; make the query more specific: more or longer words,"
                        + " or a filter such as artist:, album:, year:", Map.of()));
        config.exception(CatalogUnavailableException.class, (e, ctx) -> {
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
        faults.log("failed to answer " + describe(res), e);
        if (res.isCommitted()) {
            return; // the status line is gone; Jetty closes the connection on the short body
        }
        byte[] body = ProblemDocument.json(ProblemType.INTERNAL_ERROR, ProblemDocument.defaultDetail(500));
        try {
            res.reset();
            Cors.allowAnyOrigin(res);
            res.setHeader("Cache-Control", "no-store");
            res.setStatus(500);
            res.setContentType(Responder.PROBLEM_JSON);
            res.setContentLength(body.length);
            res.getOutputStream().write(body);
        } catch (IOException | RuntimeException write) {
            LOG.debug("could not send the 500 for {}", new String(body, StandardCharsets.UTF_8), write);
        }
    }

    /** Method, path and id of the request a bare servlet response answers (Jetty's knows it). */
    private static String describe(HttpServletResponse res) {
        if (res instanceof ServletApiResponse api && api.getServletChannel() != null
                && api.getServletChannel().getServletContextRequest() != null) {
            Request request = api.getServletChannel().getServletContextRequest();
            return request.getMethod() + " " + AccessLog.printable(request.getHttpURI().getPath(), 512)
                    + " (request " + request.getAttribute(RequestIds.ATTRIBUTE) + ")";
        }
        return "a request";
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

    private void send(Context ctx, ProblemType type, String detail, Map<String, String> headers) {
        sendBody(ctx, type.status(), ProblemDocument.json(type, detail), headers);
    }

    private void raw(Context ctx, int status, Map<String, String> headers) {
        sendBody(ctx, status, ProblemDocument.forStatus(status), headers);
    }

    private void sendBody(Context ctx, int status, byte[] body, Map<String, String> headers) {
        try {
            responder.problem(ctx, status, body, headers);
        } catch (IOException e) {
            LOG.debug("client went away before its {} was sent", status, e);
        }
    }
}
