package dev.musicmeta.http.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The policy for API keys: a key is its own bearer token, and {@code /api/token} issues signed
 * tokens for a key sent as the client secret, valid for an hour, on any replica with the same
 * secret, for as long as the key exists.
 */
class KeyAccessTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    /** Keys as the key file would hold them: presented key to name; names that are active. */
    private final Map<String, String> keyNames = Map.of("key-alpha-secret", "alpha", "key-beta-secret", "beta");
    private final Set<String> active = new HashSet<>(Set.of("alpha", "beta"));
    private final KeyAccess.Keys keys = new KeyAccess.Keys() {
        @Override
        public Optional<String> authenticate(String presented) {
            return Optional.ofNullable(keyNames.get(presented)).filter(active::contains);
        }

        @Override
        public boolean isActive(String name) {
            return active.contains(name);
        }
    };

    private KeyAccess at(Instant instant, byte[] secret) {
        return new KeyAccess(keys, secret, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aKeySentAsTheClientSecretGetsATokenThatIsAcceptedAndDoesNotHoldTheKey() {
        String token = at(NOW, SECRET).issue(new Access.ClientCredentials("anything", "key-alpha-secret"))
                .orElseThrow();

        assertThat(token).startsWith("mma1.").doesNotContain("key-alpha-secret");
        assertThat(at(NOW, SECRET).accepts(token)).isTrue();
        assertThat(at(NOW, SECRET).keyName(token)).contains("alpha");
        assertThat(at(NOW.plusSeconds(3599), SECRET).accepts(token)).as("on another replica, an hour less a second on")
                .isTrue();
    }

    @Test
    void aKeyIsItsOwnBearerToken() {
        assertThat(at(NOW, SECRET).accepts("key-beta-secret")).isTrue();
        assertThat(at(NOW, SECRET).keyName("key-beta-secret")).contains("beta");
        assertThat(at(NOW, SECRET).accepts("no-such-key")).isFalse();
        assertThat(at(NOW, SECRET).keyName("no-such-key")).isEmpty();
    }

    @Test
    void otherCredentialsGetNoToken() {
        KeyAccess access = at(NOW, SECRET);

        assertThat(access.issue(new Access.ClientCredentials("alpha", "wrong"))).isEmpty();
        assertThat(access.issue(new Access.ClientCredentials("alpha", null))).isEmpty();
        assertThat(access.issue(null)).isEmpty();
    }

    @Test
    void aTokenExpiresAfterAnHourAndWithItsKey() {
        String token = at(NOW, SECRET).issue(new Access.ClientCredentials("x", "key-alpha-secret")).orElseThrow();

        assertThat(at(NOW.plus(Duration.ofSeconds(3600)), SECRET).accepts(token)).isFalse();
        active.remove("alpha");
        assertThat(at(NOW, SECRET).accepts(token)).isFalse();
    }

    @Test
    void aTokenSignedWithAnotherSecretOrAlteredIsRefused() {
        String token = at(NOW, SECRET).issue(new Access.ClientCredentials("x", "key-alpha-secret")).orElseThrow();
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        String[] parts = token.split("\\.");
        String otherName = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("beta".getBytes(StandardCharsets.UTF_8)) + "." + parts[2] + "." + parts[3];
        String later = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3];

        assertThat(at(NOW, other).accepts(token)).isFalse();
        assertThat(at(NOW, SECRET).accepts(otherName)).isFalse();
        assertThat(at(NOW, SECRET).accepts(later)).isFalse();
        assertThat(at(NOW, SECRET).accepts("mma1.")).isFalse();
        assertThat(at(NOW, SECRET).accepts("mma1.!!.1.x")).isFalse();
        assertThat(at(NOW, SECRET).accepts("mma1.YWxwaGE.notanumber." + parts[3])).isFalse();
    }

    @Test
    void theSecretMustBeLongEnough() {
        assertThatThrownBy(() -> at(NOW, new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
