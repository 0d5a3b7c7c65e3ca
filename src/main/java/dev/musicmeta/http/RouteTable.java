package dev.musicmeta.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registers routes with Javalin and remembers which methods each path answers, for the
 * {@code Allow} header of a 405. Every GET route also answers HEAD with the same handler, so a
 * HEAD gets the GET's status and headers (Jetty drops the body).
 */
final class RouteTable {

    private record Route(Pattern pattern, Set<String> methods) {}

    private final RoutesConfig routes;
    private final List<Route> table = new ArrayList<>();

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

    /** The methods {@code path} answers, as an Allow header value; empty when none. */
    String allow(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Set<String> methods = new LinkedHashSet<>();
        for (Route r : table) {
            if (r.pattern.matcher(p).matches()) {
                methods.addAll(r.methods);
            }
        }
        return String.join(", ", methods);
    }

    private void record(String path, String... methods) {
        String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        table.add(new Route(Pattern.compile(regex), new LinkedHashSet<>(List.of(methods))));
    }
}
