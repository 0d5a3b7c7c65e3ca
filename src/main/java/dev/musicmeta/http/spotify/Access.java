package dev.musicmeta.http.spotify;

import java.util.Optional;

/**
 * Who may use {@code /v1}, and what {@code POST /api/token} issues: the seam between the
 * Spotify-compatible surface and the server's API keys. {@link OpenAccess} is the policy while
 * keys are off (any bearer token); {@link KeyAccess} the one for keys (a key itself, or a token
 * issued for one).
 */
public interface Access {

    /** Seconds a token lives, as {@code expires_in} says; Spotify's tokens live an hour. */
    long TOKEN_LIFETIME_SECONDS = 3600;

    /**
     * The token for a client-credentials request, or empty when the credentials are refused.
     *
     * @param credentials what the client sent, or {@code null} when it sent none
     */
    Optional<String> issue(ClientCredentials credentials);

    /** Whether the token of {@code Authorization: Bearer <token>} may use {@code /v1}. */
    boolean accepts(String token);

    /**
     * The name of the API key an accepted token stands for, for per-key rate limits and the access
     * log; empty when there is none (keys off) or the token is not accepted.
     */
    default Optional<String> keyName(String token) {
        return Optional.empty();
    }

    /** The client id and secret of the client-credentials flow (RFC 6749 section 4.4). */
    record ClientCredentials(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "ClientCredentials[" + clientId + ", secret hidden]";
        }
    }
}
