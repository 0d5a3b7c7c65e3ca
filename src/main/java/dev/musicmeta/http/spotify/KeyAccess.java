package dev.musicmeta.http.spotify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The policy with API keys: {@code /v1} takes a key itself as the bearer token, or a token that
 * {@code /api/token} issued for a key, which the client sent as its client secret (any client id).
 *
 * <p>A token is {@code mma1.<key name>.<expiry>.<signature>}: the key's name (base64url), the
 * second it expires, and an HMAC-SHA256 of both keyed with that key's secret ({@link Keys}: the
 * digest the keys file holds). So it is checked without any stored state: every replica that reads
 * the same keys file accepts it, a restart keeps it valid, and a key that is removed or replaced
 * takes its tokens with it. The key itself is never part of a token, and nobody without the key
 * or the keys file can make one.
 */
public final class KeyAccess implements Access {

    private static final String PREFIX = "mma1.";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    /** The server's API keys, as this surface needs them. */
    public interface Keys {

        /** The key {@code presented} is, or empty when it is no key. */
        Optional<Key> authenticate(String presented);

        /** The secrets of the keys named {@code name} (a name may have several); empty when there is none. */
        List<byte[]> secrets(String name);
    }

    /** A key: its name, and a secret only the server and the key's holder know, which signs its tokens. */
    public record Key(String name, byte[] secret) {}

    private final Keys keys;
    private final Clock clock;

    public KeyAccess(Keys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Optional<String> issue(ClientCredentials credentials) {
        if (credentials == null || credentials.clientSecret() == null) {
            return Optional.empty();
        }
        return keys.authenticate(credentials.clientSecret()).map(key -> {
            String payload = PREFIX + BASE64URL.encodeToString(key.name().getBytes(StandardCharsets.UTF_8)) + "."
                    + (clock.instant().getEpochSecond() + TOKEN_LIFETIME_SECONDS);
            return payload + "." + BASE64URL.encodeToString(sign(payload, key.secret()));
        });
    }

    @Override
    public boolean accepts(String token) {
        return keyName(token).isPresent();
    }

    @Override
    public Optional<String> keyName(String token) {
        return token.startsWith(PREFIX) ? signedName(token) : keys.authenticate(token).map(Key::name);
    }

    /** The key name of a token signed by one of that name's keys, not expired. */
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
        if (clock.instant().getEpochSecond() >= expiry) {
            return Optional.empty();
        }
        boolean signed = false;
        for (byte[] secret : keys.secrets(name)) {
            signed |= MessageDigest.isEqual(signature, sign(payload, secret)); // constant time, every secret
        }
        return signed ? Optional.of(name) : Optional.empty();
    }

    private static byte[] sign(String payload, byte[] secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has " + HMAC, e);
        }
    }
}
