package dev.musicmeta.http.spotify;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;

/**
 * {@code /v1} needs {@code Authorization: Bearer <token>}, as Spotify's does and as its SDKs
 * send: missing is a 401, another scheme a 400, a token {@link Access} refuses a 401, each with
 * Spotify's message and, on 401, the {@code WWW-Authenticate} challenge of RFC 6750. CORS
 * preflights carry no credentials and pass.
 */
final class BearerCheck {

    static final String REALM = "music-metadata-api";
    private static final String HOW = "send Authorization: Bearer <token>, with a token from POST "
            + TokenRoute.PATH + " (the client-credentials flow)";

    private final Access access;

    BearerCheck(Access access) {
        this.access = access;
    }

    void check(Context ctx) {
        if (HandlerType.OPTIONS.equals(ctx.method())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized("No token provided: " + HOW, null);
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        String scheme = space < 0 ? h : h.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            throw SpotifyException.badRequest("Only valid bearer authentication supported: " + HOW);
        }
        String token = space < 0 ? "" : h.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw unauthorized("No token provided: " + HOW, null);
        }
        if (!access.accepts(token)) {
            throw unauthorized("Invalid access token: it is no API key, or was not issued by " + TokenRoute.PATH
                    + " for one, or has expired; " + HOW, "invalid_token");
        }
    }

    private static SpotifyException unauthorized(String message, String error) {
        String challenge = "Bearer realm=\"" + REALM + "\"" + (error == null ? "" : ", error=\"" + error + "\"");
        return new SpotifyException(401, message, null, Map.of("WWW-Authenticate", challenge));
    }
}
