package dev.musicmeta.http.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The policy for API keys: a key is its own bearer token, and {@code /api/token} issues signed
 * tokens for a key sent as the client secret, valid for an hour, on any replica that reads the same
 * keys, for as long as the key exists.
 */
class KeyAccessTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    /** Keys as a keys file holds them: presented key to its name and secret. */
    private final Map<String, KeyAccess.Key> file = new HashMap<>(Map.of(
            "key-alpha", key("alpha", 1), "key-alpha-new", key("alpha", 2), "key-beta", key("beta", 3)));
    private final KeyAccess.Keys keys = new KeyAccess.Keys() {
        @Override
        public Optional<KeyAccess.Key> authenticate(String presented) {
            return Optional.ofNullable(file.get(presented));
        }

        @Override
        public List<byte[]> secrets(String name) {
            List<byte[]> out = new ArrayList<>();
            file.values().stream().filter(k -> k.name().equals(name)).forEach(k -> out.add(k.secret()));
            return out;
        }
    };

    private static KeyAccess.Key key(String name, int seed) {
        byte[] secret = new byte[32];
        secret[0] = (byte) seed;
        return new KeyAccess.Key(name, secret);
    }

    private KeyAccess at(Instant instant) {
        return new KeyAccess(keys, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private String tokenFor(String presented) {
        return at(NOW).issue(new Access.ClientCredentials("any client id", presented)).orElseThrow();
    }

    @Test
    void aKeySentAsTheClientSecretGetsATokenThatIsAcceptedAndDoesNotHoldTheKey() {
        String token = tokenFor("key-alpha");

        assertThat(token).startsWith("mma1.").doesNotContain("key-alpha");
        assertThat(at(NOW).accepts(token)).isTrue();
        assertThat(at(NOW).keyName(token)).contains("alpha");
        assertThat(at(NOW.plusSeconds(3599)).accepts(token)).as("an hour less a second later").isTrue();
    }

    @Test
    void aKeyIsItsOwnBearerToken() {
        assertThat(at(NOW).accepts("key-beta")).isTrue();
        assertThat(at(NOW).keyName("key-beta")).contains("beta");
        assertThat(at(NOW).accepts("no-such-key")).isFalse();
        assertThat(at(NOW).keyName("no-such-key")).isEmpty();
    }

    @Test
    void otherCredentialsGetNoToken() {
        assertThat(at(NOW).issue(new Access.ClientCredentials("alpha", "wrong"))).isEmpty();
        assertThat(at(NOW).issue(new Access.ClientCredentials("alpha", null))).isEmpty();
        assertThat(at(NOW).issue(null)).isEmpty();
    }

    @Test
    void aTokenExpiresAfterAnHour() {
        String token = tokenFor("key-alpha");

        assertThat(at(NOW.plus(Duration.ofSeconds(3600))).accepts(token)).isFalse();
    }

    @Test
    void aTokenGoesWithItsKeyButNotWithTheKeysNamesake() {
        String old = tokenFor("key-alpha");
        String renewed = tokenFor("key-alpha-new");

        file.remove("key-alpha");

        assertThat(at(NOW).accepts(old)).isFalse();
        assertThat(at(NOW).accepts(renewed)).isTrue();
    }

    @Test
    void anAlteredOrForgedTokenIsRefused() {
        String token = tokenFor("key-alpha");
        String[] parts = token.split("\\.");
        String beta = Base64.getUrlEncoder().withoutPadding().encodeToString("beta".getBytes(StandardCharsets.UTF_8));

        assertThat(at(NOW).accepts(parts[0] + "." + beta + "." + parts[2] + "." + parts[3])).as("another name")
                .isFalse();
        assertThat(at(NOW).accepts(parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "."
                + parts[3])).as("a later expiry").isFalse();
        assertThat(at(NOW).accepts("mma1.")).isFalse();
        assertThat(at(NOW).accepts("mma1.!!.1.x")).isFalse();
        assertThat(at(NOW).accepts("mma1." + parts[1] + ".notanumber." + parts[3])).isFalse();
    }
}
