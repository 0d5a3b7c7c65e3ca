package dev.musicmeta.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registers routes with Javalin and remembers which methods each path answers, for the
 * {@code Allow} header of a 405 and of {@code OPTIONS}. Every GET route also answers HEAD with
 * the same handler, so a HEAD gets the GET's status and headers (Jetty drops the body); every
 * path answers OPTIONS, the CORS preflight ({@link Cors#preflight}).
 */
final class RouteTable {

    private record Route(Pattern pattern, Set<String> methods) {}

    private final RoutesConfig routes;
    private final Map<String, Route> table = new LinkedHashMap<>();

    RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    void get(String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
        record(path, "GET", "HEAD");
    }

    void post(String path, Handler handler) {
        routes.post(path, handler);
        record(path, "POST");
    }

    /** The methods {@code path} answers, OPTIONS included, as an Allow header value; empty when none. */
    String allow(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Set<String> methods = new LinkedHashSet<>();
        for (Route r : table.values()) {
            if (r.pattern.matcher(p).matches()) {
                methods.addAll(r.methods);
                methods.add("OPTIONS");
            }
        }
        return String.join(", ", methods);
    }

    /** Whether a route answers {@code method} on {@code path} (one trailing slash allowed). */
    boolean accepts(String method, String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route r : table.values()) {
            if (r.methods.contains(method) && r.pattern.matcher(p).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The template of the route answering {@code path} with any method ({@code /lookup/track/{id}}),
     * or null when none does. A scan of every route: for requests refused before the router matched
     * one (a 405, a 429), not for every request.
     */
    String template(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Map.Entry<String, Route> route : table.entrySet()) {
            if (route.getValue().pattern.matcher(p).matches()) {
                return route.getKey();
            }
        }
        return null;
    }

    /** Routes are all registered before the server starts, so the preflight reads a complete set. */
    private void record(String path, String... methods) {
        Route route = table.get(path);
        if (route == null) {
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            route = new Route(Pattern.compile(regex), new LinkedHashSet<>());
            table.put(path, route);
            Set<String> pathMethods = route.methods;
            routes.options(path, ctx -> Cors.preflight(ctx, String.join(", ", pathMethods),
                    String.join(", ", pathMethods) + ", OPTIONS"));
        }
        route.methods.addAll(List.of(methods));
    }
}
