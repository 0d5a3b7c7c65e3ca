package dev.musicmeta.http;

import java.time.Duration;

/**
 * How the server listens and behaves.
 *
 * @param host           interface to bind; {@code null} or empty for all interfaces
 * @param port           TCP port; 0 picks a free one ({@link ApiServer#port()} tells which)
 * @param rateLimit      requests a second per client; 0 turns rate limiting off
 * @param rateBurst      requests a client may save up; 0 turns rate limiting off
 * @param trustProxy     take the client address from the last X-Forwarded-For entry
 * @param cacheMaxAge    max-age of the Cache-Control header of lookups, searches and docs
 * @param stopTimeout    how long a graceful stop waits for requests in flight
 * @param accessLogFields also attach the access log's values as key-value pairs (for JSON log
 *                       lines); plain text lines are cheaper without them
 */
public record ServerConfig(
        String host,
        int port,
        long rateLimit,
        long rateBurst,
        boolean trustProxy,
        Duration cacheMaxAge,
        Duration stopTimeout,
        boolean accessLogFields) {

    public static final long DEFAULT_RATE_LIMIT = 100;
    public static final long DEFAULT_RATE_BURST = 200;
    public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofDays(1);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        if (rateLimit < 0 || rateBurst < 0) {
            throw new IllegalArgumentException("rate limit and burst must be at least 0");
        }
        if (cacheMaxAge.isNegative() || stopTimeout.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** All interfaces, port 8080, the contract's rate limits, one day of caching. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, 8080, DEFAULT_RATE_LIMIT, DEFAULT_RATE_BURST, false, DEFAULT_CACHE_MAX_AGE,
                DEFAULT_STOP_TIMEOUT, false);
    }

    public ServerConfig withAddress(String newHost, int newPort) {
        return new ServerConfig(newHost, newPort, rateLimit, rateBurst, trustProxy, cacheMaxAge, stopTimeout,
                accessLogFields);
    }

    public ServerConfig withRateLimit(long perSecond, long burst) {
        return new ServerConfig(host, port, perSecond, burst, trustProxy, cacheMaxAge, stopTimeout, accessLogFields);
    }

    public ServerConfig withTrustProxy(boolean trust) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trust, cacheMaxAge, stopTimeout, accessLogFields);
    }

    public ServerConfig withCacheMaxAge(Duration maxAge) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustProxy, maxAge, stopTimeout, accessLogFields);
    }

    public ServerConfig withAccessLogFields(boolean withFields) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustProxy, cacheMaxAge, stopTimeout, withFields);
    }

    public ServerConfig withStopTimeout(Duration timeout) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustProxy, cacheMaxAge, timeout, accessLogFields);
    }
}
