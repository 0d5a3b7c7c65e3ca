package dev.musicmeta.http.spotify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The policy with API keys: {@code /v1} takes a key itself as the bearer token, or a token that
 * {@code /api/token} issued for a key, which the client sent as its client secret (any client id).
 *
 * <p>A token is {@code mma1.<key name>.<expiry>.<signature>}: the key's name (base64url), the
 * second it expires, and an HMAC-SHA256 of both under a server-side secret. It is checked without
 * any stored state, so replicas that share the secret accept each other's tokens, a restart keeps
 * them valid, and a key that is removed takes its tokens with it ({@link Keys#isActive}). The key
 * itself is never part of a token.
 */
public final class KeyAccess implements Access {

    private static final String PREFIX = "mma1.";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    /** The server's API keys, as this surface needs them. */
    public interface Keys {

        /** The name of the key {@code presented} is, or empty when it is no key. */
        Optional<String> authenticate(String presented);

        /** Whether the key named {@code name} is still valid. */
        boolean isActive(String name);
    }

    private final Keys keys;
    private final SecretKeySpec secret;
    private final Clock clock;

    /**
     * @param secret at least 32 bytes, the same on every replica (e.g. derived from the key file)
     *               or tokens are accepted only by the replica that issued them
     */
    public KeyAccess(Keys keys, byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 bytes");
        }
        this.keys = keys;
        this.secret = new SecretKeySpec(secret.clone(), HMAC);
        this.clock = clock;
    }

    @Override
    public Optional<String> issue(ClientCredentials credentials) {
        if (credentials == null || credentials.clientSecret() == null) {
            return Optional.empty();
        }
        return keys.authenticate(credentials.clientSecret()).map(name -> {
            String payload = PREFIX + BASE64URL.encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "."
                    + (clock.instant().getEpochSecond() + TOKEN_LIFETIME_SECONDS);
            return payload + "." + BASE64URL.encodeToString(sign(payload));
        });
    }

    @Override
    public boolean accepts(String token) {
        return keyName(token).isPresent();
    }

    @Override
    public Optional<String> keyName(String token) {
        return token.startsWith(PREFIX) ? signedName(token) : keys.authenticate(token);
    }

    /** The key name of a token this class signed, still valid, for a key still active. */
    private Optional<String> signedName(String token) {
        int lastDot = token.lastIndexOf('.');
        int expiryDot = token.lastIndexOf('.', lastDot - 1);
        if (expiryDot <= PREFIX.length() - 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastDot);
        byte[] signature;
        String name;
        long expiry;
        try {
            signature = BASE64URL_DECODER.decode(token.substring(lastDot + 1));
            name = new String(BASE64URL_DECODER.decode(token.substring(PREFIX.length(), expiryDot)),
                    StandardCharsets.UTF_8);
            expiry = Long.parseLong(token.substring(expiryDot + 1, lastDot));
        } catch (IllegalArgumentException e) { // not base64url, or not a number
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(signature, sign(payload)) // constant time
                && clock.instant().getEpochSecond() < expiry
                && keys.isActive(name);
        return valid ? Optional.of(name) : Optional.empty();
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has " + HMAC, e);
        }
    }
}
