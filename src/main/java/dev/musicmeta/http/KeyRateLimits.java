package dev.musicmeta.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Rate limits per API key, which replace the per-address ones for a request with a valid key: a
 * bucket per key name, with the key's own rate and burst, else the server's. Names, not addresses,
 * are the buckets' keys, so their number is bounded by the keys file; one {@link RateLimit} is
 * kept per distinct pair of figures, so a reloaded file that changes a key's figures gives it a
 * fresh bucket at once.
 */
final class KeyRateLimits {

    /** A key's effective limits. */
    record Limits(long perSecond, long burst) {
        boolean limited() {
            return perSecond > 0 && burst > 0;
        }
    }

    private final long serverRate;
    private final long serverBurst;
    private final ConcurrentMap<Limits, RateLimit> byLimits = new ConcurrentHashMap<>();

    KeyRateLimits(long serverRate, long serverBurst) {
        this.serverRate = serverRate;
        this.serverBurst = serverBurst;
    }

    Limits limits(ApiKey key) {
        return key.ownLimits() ? new Limits(key.ratePerSecond(), key.burst()) : new Limits(serverRate, serverBurst);
    }

    /** Takes a token from {@code key}'s bucket; 0 when granted, else whole seconds to wait (at least 1). */
    long acquire(ApiKey key) {
        Limits limits = limits(key);
        if (!limits.limited()) {
            return 0;
        }
        return byLimits.computeIfAbsent(limits, l -> new RateLimit(l.perSecond(), l.burst())).acquire(key.name());
    }
}
