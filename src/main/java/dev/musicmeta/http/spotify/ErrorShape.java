package dev.musicmeta.http.spotify;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How errors look on the Spotify-compatible surface, whoever raises them (a route, the router's
 * 404 and 405, the rate limiter, a fault): Spotify's error object on {@code /v1}, which its SDKs
 * parse, and RFC 6749's on the token endpoint, as Spotify's accounts service answers. Everywhere
 * else the server answers problem documents.
 */
public enum ErrorShape {

    /** {@code {"error": {"status": 404, "message": "..."}}}. */
    SPOTIFY,

    /** {@code {"error": "invalid_client", "error_description": "..."}} (RFC 6749 section 5.2). */
    OAUTH;

    public static final String CONTENT_TYPE = "application/json";

    /** The shape of errors on {@code path}, or {@code null} where errors are problem documents. */
    public static ErrorShape forPath(String path) {
        if (path == null) {
            return null;
        }
        if (path.equals(SpotifyApi.V1) || path.startsWith(SpotifyApi.V1 + "/")) {
            return SPOTIFY;
        }
        if (path.equals(TokenRoute.PATH) || path.equals(TokenRoute.PATH + "/")) {
            return OAUTH;
        }
        return null;
    }

    /**
     * The error body.
     *
     * @param oauthError the OAuth error code, or {@code null} for the one {@code status} implies
     */
    public byte[] json(int status, String message, String oauthError) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + message.length());
        try (JsonGenerator g = SpotifyJson.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            if (this == SPOTIFY) {
                g.writeObjectFieldStart("error");
                g.writeNumberField("status", status);
                g.writeStringField("message", message);
                g.writeEndObject();
            } else {
                g.writeStringField("error", oauthError != null ? oauthError : oauthError(status));
                g.writeStringField("error_description", message);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** RFC 6749's code for a status (with {@code slow_down} of RFC 8628 for 429). */
    static String oauthError(int status) {
        return switch (status) {
            case 401 -> "invalid_client";
            case 429 -> "slow_down";
            case 503 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }
}
