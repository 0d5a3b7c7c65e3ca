package dev.musicmeta.http;

import dev.musicmeta.http.spotify.Access;
import dev.musicmeta.http.spotify.KeyAccess;
import dev.musicmeta.http.spotify.OpenAccess;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The server's API keys as the Spotify-compatible surface uses them: with keys on, {@code /v1}
 * takes a key or a token {@code /api/token} issued for one ({@link KeyAccess}), each token signed
 * with its key's digest from the keys file; with keys off, any bearer token ({@link OpenAccess}).
 */
final class SpotifyKeys implements KeyAccess.Keys {

    private final ApiKeys keys;
    private final Access access;

    SpotifyKeys(ApiKeys keys) {
        this.keys = keys;
        this.access = keys.enabled() ? new KeyAccess(this, Clock.systemUTC()) : new OpenAccess();
    }

    Access access() {
        return access;
    }

    /** The key a {@code /v1} token was issued for, for per-key rate limits; empty for anything else. */
    Optional<ApiKey> keyOfToken(String token) {
        return keys.enabled() ? access.keyName(token).flatMap(keys::byName) : Optional.empty();
    }

    @Override
    public Optional<KeyAccess.Key> authenticate(String presented) {
        return keys.authenticate(presented)
                .map(key -> new KeyAccess.Key(key.name(), HexFormat.of().parseHex(ApiKeys.sha256Hex(presented))));
    }

    @Override
    public List<byte[]> secrets(String name) {
        return keys.digests(name);
    }
}
