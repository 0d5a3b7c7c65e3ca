package dev.musicmeta.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The hottest routes answered on Jetty's core API, ahead of Javalin and Jetty's servlet layer
 * (about a fifth of {@code /health}'s CPU, bench/RESULTS.md): GET and HEAD of {@code /health} and
 * of the {@code /lookup/...} routes. The answers are the routes' own: the same code writes them
 * ({@link HealthRoute#answer}, {@link LookupRoutes#register(CoreRoutes)}) through
 * {@link Responder} with a {@link CoreExchange}, the rate limit counts lookups as before, and the
 * edge (request id, drain, metrics, access log) sees them as any other request.
 *
 * <p>Everything else goes on to Javalin untouched: other methods and paths, a request with a query
 * string, a path parameter with any character but {@code 0-9 A-Z a-z : - _} (which Javalin would
 * decode), and every failure. A route that throws here has its exception handed to Javalin in
 * {@link #FAILURE_ATTRIBUTE}, which throws it again before anything else ({@link #rethrow}), so
 * that problem documents and fault logging have one implementation.
 */
final class CoreRoutes extends Handler.Wrapper {

    /** Request attribute holding what a route answered here threw, for Javalin to answer. */
    static final String FAILURE_ATTRIBUTE = "dev.musicmeta.coreFailure";

    /** Counts a lookup against its client's rate, throwing the 429's {@link ProblemException}. */
    interface Limit {
        void check(Request request);
    }

    /** A route's answer to the value of its one path parameter. */
    interface Lookup {
        void answer(Exchange exchange, String param) throws IOException;
    }

    /** {@code prefix + param + suffix}, Javalin's {@code template}. */
    private record Route(String prefix, String suffix, String template, Lookup lookup) {}

    private final HealthRoute health;
    private final List<Route> routes = new ArrayList<>();
    private final Limit limit;
    private final boolean routeAttribute;
    private volatile boolean enabled = true;

    /**
     * @param limit          the rate limit of lookups, or null when off
     * @param routeAttribute whether to note the route template for {@link HttpMetrics}
     */
    CoreRoutes(HealthRoute health, Limit limit, boolean routeAttribute) {
        this.health = health;
        this.limit = limit;
        this.routeAttribute = routeAttribute;
    }

    /** Adds a rate-limited GET (and HEAD) route; all are added before the server starts. */
    void lookup(String prefix, String suffix, String template, Lookup lookup) {
        routes.add(new Route(prefix, suffix, template, lookup));
    }

    /** Sends every request through Javalin when off: for tests that compare the two paths. */
    void enabled(boolean on) {
        this.enabled = on;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!enabled || !method.equals("GET") && !method.equals("HEAD")) {
            return super.handle(request, response, callback);
        }
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        if (path == null || uri.getQuery() != null) {
            return super.handle(request, response, callback);
        }
        Route route = null;
        String param = null;
        if (!path.equals(HealthRoute.PATH)) {
            for (Route r : routes) {
                if ((param = param(path, r.prefix, r.suffix)) != null) {
                    route = r;
                    break;
                }
            }
            if (route == null) {
                return super.handle(request, response, callback);
            }
        }
        if (routeAttribute) {
            request.setAttribute(HttpMetrics.ROUTE_ATTRIBUTE, route == null ? HealthRoute.PATH : route.template);
        }
        Exchange exchange = new CoreExchange(request, response);
        try {
            if (route == null) {
                health.answer(exchange);
            } else {
                if (limit != null) {
                    limit.check(request);
                }
                route.lookup.answer(exchange, param);
            }
        } catch (Throwable failure) {
            if (response.isCommitted()) { // the write failed: the client went away, as Javalin would see it
                callback.failed(failure);
                return true;
            }
            response.reset();
            request.setAttribute(FAILURE_ATTRIBUTE, failure);
            return super.handle(request, response, callback);
        }
        callback.succeeded();
        return true;
    }

    /**
     * The parameter when {@code path} is {@code prefix + param + suffix} and the parameter is one
     * segment of plain characters, else null.
     */
    private static String param(String path, String prefix, String suffix) {
        int start = prefix.length();
        int end = path.length() - suffix.length();
        if (end <= start || !path.startsWith(prefix) || !path.endsWith(suffix)) {
            return null;
        }
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            boolean plain = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ':'
                    || c == '-' || c == '_';
            if (!plain) {
                return null;
            }
        }
        return path.substring(start, end);
    }

    /**
     * Javalin's first before-handler: throws what a route threw here, so that Javalin's exception
     * handlers answer it as if the route had run there.
     */
    static void rethrow(Object failure) throws Exception {
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure instanceof Exception e) {
            throw e;
        }
    }
}
