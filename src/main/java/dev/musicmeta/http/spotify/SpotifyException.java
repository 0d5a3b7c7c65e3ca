package dev.musicmeta.http.spotify;

import java.util.Map;

/**
 * Ends a request on the Spotify-compatible surface with an error: Spotify's error object on
 * {@code /v1}, OAuth's on {@code /api/token} (see {@link ErrorShape}). An answer, not a fault: it
 * carries no stack trace.
 */
public final class SpotifyException extends RuntimeException {

    private final int status;
    private final String oauthError;
    private final transient Map<String, String> headers;

    /** @param message what was wrong and, for bad input, what is accepted */
    public SpotifyException(int status, String message) {
        this(status, message, null, Map.of());
    }

    /**
     * @param oauthError the RFC 6749 error code for {@code /api/token} ({@code invalid_request},
     *                   {@code invalid_client}, {@code unsupported_grant_type}), or {@code null} for
     *                   the one its status implies
     * @param headers    extra response headers, e.g. {@code WWW-Authenticate}
     */
    public SpotifyException(int status, String message, String oauthError, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.oauthError = oauthError;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String oauthError() {
        return oauthError;
    }

    public Map<String, String> headers() {
        return headers;
    }

    static SpotifyException badRequest(String message) {
        return new SpotifyException(400, message);
    }

    static SpotifyException notFound(String message) {
        return new SpotifyException(404, message);
    }
}
