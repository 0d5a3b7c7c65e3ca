package dev.musicmeta.http;

import java.util.Set;

/**
 * The paths probes poll every few seconds: /health, /ready and /metrics. They are never rate
 * limited, and the access log leaves them out unless asked to keep them.
 */
final class ProbePaths {

    static final Set<String> PATHS = Set.of(HealthRoute.PATH, ReadyRoute.PATH, "/metrics");

    private ProbePaths() {}

    /** Whether {@code path} is one of them, with or without one trailing slash. */
    static boolean is(String path) {
        if (path == null) {
            return false;
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return PATHS.contains(p);
    }
}
