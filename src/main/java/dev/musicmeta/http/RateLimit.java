package dev.musicmeta.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A token bucket per client address (Bucket4j): {@code perSecond} tokens a second, up to
 * {@code burst} saved up.
 *
 * <p>Buckets live in a Caffeine cache bounded to {@link #MAX_CLIENTS} entries that drops a
 * bucket once its client has been idle long enough for it to be full again: a fresh bucket
 * then behaves exactly like the dropped one, so expiry changes nothing but memory, which no
 * longer grows with the number of clients ever seen.
 */
final class RateLimit {

    /** Bounds memory (a bucket and its key take well under 1 KiB) against floods of addresses. */
    static final int MAX_CLIENTS = 100_000;

    private final long perSecond;
    private final long burst;
    private final Cache<String, Bucket> buckets;

    /** @param perSecond tokens per second; 0 turns limiting off, as does {@code burst} 0 */
    RateLimit(long perSecond, long burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        if (!enabled()) {
            this.buckets = null;
            return;
        }
        long refillSeconds = Math.max(1, (burst + perSecond - 1) / perSecond);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(Duration.ofSeconds(refillSeconds + 1))
                .build();
    }

    boolean enabled() {
        return perSecond > 0 && burst > 0;
    }

    /** Takes a token for {@code client}; returns 0 when granted, else whole seconds to wait (at least 1). */
    long acquire(String client) {
        if (!enabled()) {
            return 0;
        }
        Bucket bucket = buckets.get(client, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        long nanos = probe.getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Buckets held right now (for tests of the memory bound). */
    long size() {
        if (buckets == null) {
            return 0;
        }
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
