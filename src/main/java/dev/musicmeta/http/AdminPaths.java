package dev.musicmeta.http;

import java.util.Set;

/**
 * What {@code --admin-addr} moves to a port of its own, one that is not published: the metrics,
 * the readiness probe and the build and catalog facts. With it set, the admin port answers these
 * paths only, and the main port answers them 404.
 */
final class AdminPaths {

    static final String INFO = "/info";
    static final Set<String> PATHS = Set.of(MetricsRoute.PATH, ReadyRoute.PATH, INFO);

    private AdminPaths() {}

    /** Whether {@code path} is one of them, with or without one trailing slash. */
    static boolean is(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return PATHS.contains(p);
    }
}
