package dev.musicmeta.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * With API keys on, lets a request onto a data route only with a valid key, sent as
 * {@code Authorization: Bearer <key>} (preferred, RFC 6750) or {@code X-Api-Key: <key>}; a key in
 * the query string is not read, as URLs end up in logs and histories. Open to all: the service
 * pages ({@code /}, {@code /health}, {@code /ready}, {@code /metrics} (for scrapers), the docs, this document, the problem pages),
 * every {@code OPTIONS} (browsers send preflights without credentials), and paths the router does
 * not know or does not know with this method, which answer 404 and 405 as without keys.
 *
 * <p>The Spotify-compatible surface ({@link #SELF_AUTHENTICATED}) is left to check keys itself
 * ({@link SpotifyKeys}), as it answers in Spotify's error shape; a token it issued for a key is
 * limited per key like the key itself.
 */
final class KeyGate {

    static final String REALM = "music-metadata-api";
    static final String CHALLENGE = "Bearer realm=\"" + REALM + "\"";
    /** RFC 6750 3.1: a presented token that is not valid. */
    static final String CHALLENGE_INVALID = CHALLENGE + ", error=\"invalid_token\"";

    /** Paths under which the routes authenticate themselves. */
    static final String[] SELF_AUTHENTICATED = {"/v1/", "/api/token"};

    private static final String HOW = "send it as Authorization: Bearer <key> or X-Api-Key: <key>";

    /** A request's credential: the key it was admitted with (or null), and whether it sent one at all. */
    record Credential(ApiKey key, boolean presented) {}

    private static final Credential NONE = new Credential(null, false);

    private final ApiKeys keys;
    private final RouteTable routes;
    private final Function<String, Optional<ApiKey>> tokens;

    KeyGate(ApiKeys keys, RouteTable routes) {
        this(keys, routes, token -> Optional.empty());
    }

    /** @param tokens the key a token of the self-authenticated surface stands for, so it is limited per key */
    KeyGate(ApiKeys keys, RouteTable routes, Function<String, Optional<ApiKey>> tokens) {
        this.keys = keys;
        this.routes = routes;
        this.tokens = tokens;
    }

    boolean enabled() {
        return keys.enabled();
    }

    /**
     * The key the request presents, if valid; records its name in {@link ApiKeys#REQUEST_ATTRIBUTE}.
     * Never refuses: {@link #require} does, after a request without a valid key has been counted
     * against its address, so that guessing keys is rate limited.
     */
    Credential authenticate(Context ctx) {
        if (!keys.enabled()) {
            return NONE;
        }
        String authorization = ctx.header("Authorization");
        String presented = ApiKeys.bearerToken(authorization);
        if (presented == null) {
            String header = ctx.header("X-Api-Key");
            presented = header == null || header.isBlank() ? null : header.strip();
        }
        if (presented == null) {
            return new Credential(null, authorization != null);
        }
        ApiKey key = keys.authenticate(presented).orElse(null);
        if (key == null && isSelfAuthenticated(ctx.path())) {
            key = tokens.apply(presented).orElse(null);
        }
        if (key != null) {
            ctx.attribute(ApiKeys.REQUEST_ATTRIBUTE, key.name());
        }
        return new Credential(key, true);
    }

    /** Ends a request for a data route that has no valid key with a 401. */
    void require(Context ctx, Credential credential) {
        if (!keys.enabled() || credential.key() != null || !guarded(ctx)) {
            return;
        }
        if (!credential.presented()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "this server needs an API key: " + HOW,
                    Map.of("WWW-Authenticate", CHALLENGE));
        }
        if (ctx.header("X-Api-Key") == null && ApiKeys.bearerToken(ctx.header("Authorization")) == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "the Authorization header must use the Bearer"
                    + " scheme: " + HOW, Map.of("WWW-Authenticate", CHALLENGE));
        }
        throw new ProblemException(ProblemType.UNAUTHORIZED, "the API key is not valid on this server; check it"
                + " for a missing or extra character, or ask its operator for a new one, and " + HOW,
                Map.of("WWW-Authenticate", CHALLENGE_INVALID));
    }

    /** Whether the request is for a data route: known to the router with this method, and not open. */
    private boolean guarded(Context ctx) {
        HandlerType method = ctx.method();
        String path = ctx.path();
        return !HandlerType.OPTIONS.equals(method) && !isOpen(path) && routes.accepts(method.name(), path);
    }

    /** Whether {@code path} is open with keys on (one trailing slash allowed, as for every path). */
    static boolean isOpen(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.equals("/") || p.equals(HealthRoute.PATH) || p.equals("/ready") || p.equals(MetricsRoute.PATH)
                || p.equals("/docs")
                || p.equals(DocsRoutes.OPENAPI) || p.startsWith("/docs/") || p.startsWith(ProblemType.PREFIX)) {
            return true;
        }
        return isSelfAuthenticated(p);
    }

    private static boolean isSelfAuthenticated(String path) {
        for (String prefix : SELF_AUTHENTICATED) {
            if (path.equals(prefix) || path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
