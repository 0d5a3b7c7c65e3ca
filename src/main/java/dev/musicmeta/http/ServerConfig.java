package dev.musicmeta.http;

import java.time.Duration;

/**
 * How the server listens and behaves.
 *
 * @param host            interface to bind; {@code null} or empty for all interfaces
 * @param port            TCP port; 0 picks a free one ({@link ApiServer#port()} tells which)
 * @param rateLimit       requests a second per client; 0 turns rate limiting off
 * @param rateBurst       requests a client may save up; 0 turns rate limiting off
 * @param trustedProxies  whose forwarding headers name the client ({@link ClientAddress})
 * @param cacheMaxAge     max-age of the Cache-Control header of lookups, searches and docs
 * @param stopTimeout     the drain deadline: how long a graceful stop waits for requests in flight
 *                        once it stopped accepting; connections still open then are cut
 * @param accessLogFields also attach the access log's values as key-value pairs (for JSON log
 *                        lines); plain text lines are cheaper without them
 * @param limits          deadlines on reading requests, caps on connections, the listen backlog
 * @param shutdownDelay   how long {@link ApiServer#shutDown()} keeps accepting after it began
 *                        draining, so that load balancers stop routing here first
 * @param accessLog       which requests the access log writes
 * @param accessLogProbes whether the access log also writes /health, /ready and /metrics
 * @param admin           where /metrics, /ready and /info are served apart from the API
 *                        ({@link AdminPaths}), or null to serve them with it
 */
public record ServerConfig(
        String host,
        int port,
        long rateLimit,
        long rateBurst,
        TrustedProxies trustedProxies,
        Duration cacheMaxAge,
        Duration stopTimeout,
        boolean accessLogFields,
        ConnectionLimits limits,
        Duration shutdownDelay,
        AccessLogMode accessLog,
        boolean accessLogProbes,
        Admin admin) {

    /**
     * The admin listener's address.
     *
     * @param host interface to bind; {@code null} or empty for all interfaces
     * @param port TCP port; 0 picks a free one ({@link ApiServer#adminPort()} tells which)
     */
    public record Admin(String host, int port) {
        public Admin {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("admin port must be 0 to 65535");
            }
        }
    }

    public static final long DEFAULT_RATE_LIMIT = 100;
    public static final long DEFAULT_RATE_BURST = 200;
    public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofDays(1);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SHUTDOWN_DELAY = Duration.ofSeconds(5);

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        if (rateLimit < 0 || rateBurst < 0) {
            throw new IllegalArgumentException("rate limit and burst must be at least 0");
        }
        if (cacheMaxAge.isNegative() || stopTimeout.isNegative() || shutdownDelay.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (admin != null && admin.port() != 0 && admin.port() == port) {
            throw new IllegalArgumentException("the admin port must not be the API's port (" + port + ")");
        }
    }

    /**
     * All interfaces, port 8080, the contract's rate limits, one day of caching, the default
     * limits, a 5 s shutdown delay and a 10 s drain, every request but probes in the access log.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(null, 8080, DEFAULT_RATE_LIMIT, DEFAULT_RATE_BURST, TrustedProxies.NONE,
                DEFAULT_CACHE_MAX_AGE, DEFAULT_STOP_TIMEOUT, false, ConnectionLimits.defaults(), DEFAULT_SHUTDOWN_DELAY,
                AccessLogMode.ALL, false, null);
    }

    public ServerConfig withAddress(String newHost, int newPort) {
        return new ServerConfig(newHost, newPort, rateLimit, rateBurst, trustedProxies, cacheMaxAge, stopTimeout,
                accessLogFields, limits, shutdownDelay, accessLog, accessLogProbes, admin);
    }

    public ServerConfig withRateLimit(long perSecond, long burst) {
        return new ServerConfig(host, port, perSecond, burst, trustedProxies, cacheMaxAge, stopTimeout,
                accessLogFields, limits, shutdownDelay, accessLog, accessLogProbes, admin);
    }

    /**
     * Whether forwarding headers are believed at all ({@code --trust-proxy} in either form); which
     * peers are proxies is {@link #trustedProxies()}'s to say.
     */
    public boolean trustProxy() {
        return trustedProxies.enabled();
    }

    /** {@code true}: the immediate peer is a proxy (the bare {@code --trust-proxy}). */
    public ServerConfig withTrustProxy(boolean trust) {
        return withTrustedProxies(trust ? TrustedProxies.PEER : TrustedProxies.NONE);
    }

    public ServerConfig withTrustedProxies(TrustedProxies proxies) {
        return new ServerConfig(host, port, rateLimit, rateBurst, proxies, cacheMaxAge, stopTimeout,
                accessLogFields, limits, shutdownDelay, accessLog, accessLogProbes, admin);
    }

    public ServerConfig withCacheMaxAge(Duration maxAge) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustedProxies, maxAge, stopTimeout,
                accessLogFields, limits, shutdownDelay, accessLog, accessLogProbes, admin);
    }

    public ServerConfig withAccessLogFields(boolean withFields) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustedProxies, cacheMaxAge, stopTimeout,
                withFields, limits, shutdownDelay, accessLog, accessLogProbes, admin);
    }

    public ServerConfig withStopTimeout(Duration timeout) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustedProxies, cacheMaxAge, timeout,
                accessLogFields, limits, shutdownDelay, accessLog, accessLogProbes, admin);
    }

    public ServerConfig withLimits(ConnectionLimits newLimits) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustedProxies, cacheMaxAge, stopTimeout,
                accessLogFields, newLimits, shutdownDelay, accessLog, accessLogProbes, admin);
    }

    public ServerConfig withShutdownDelay(Duration delay) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustedProxies, cacheMaxAge, stopTimeout,
                accessLogFields, limits, delay, accessLog, accessLogProbes, admin);
    }

    /** Serves /metrics, /ready and /info on {@code host}:{@code port} only; null serves them with the API. */
    public ServerConfig withAdmin(Admin newAdmin) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustedProxies, cacheMaxAge, stopTimeout,
                accessLogFields, limits, shutdownDelay, accessLog, accessLogProbes, newAdmin);
    }

    public ServerConfig withAccessLog(AccessLogMode mode, boolean probes) {
        return new ServerConfig(host, port, rateLimit, rateBurst, trustedProxies, cacheMaxAge, stopTimeout,
                accessLogFields, limits, shutdownDelay, mode, probes, admin);
    }
}
