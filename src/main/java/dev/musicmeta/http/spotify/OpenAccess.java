package dev.musicmeta.http.spotify;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The policy while API keys are off: {@code /v1} takes any bearer token (the SDKs insist on
 * sending one), and the token endpoint issues one to any credentials, or none. Tokens are random,
 * so nothing about a client can be read from one.
 */
public final class OpenAccess implements Access {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Override
    public Optional<String> issue(ClientCredentials credentials) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Optional.of(BASE64URL.encodeToString(bytes));
    }

    @Override
    public boolean accepts(String token) {
        return true;
    }
}
