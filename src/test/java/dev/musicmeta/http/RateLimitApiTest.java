package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rate limiting with a tiny budget: one request a second, bursts of three. A bucket refills one
 * token a second, so within one test the fourth request is reliably over the limit.
 */
class RateLimitApiTest {

    private static TestServer start(boolean trustProxy) {
        return TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 3).withTrustProxy(trustProxy));
    }

    @Test
    void overTheBurstAClientGets429WithRetryAfter() {
        try (TestServer server = start(false)) {
            ApiClient api = server.client();
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/search/track?q=ab").status()).isEqualTo(200);
            }
            ApiClient.Response limited = api.get("/lookup/track/0000000000000000000000");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.problemType()).isEqualTo("/problems/rate-limited");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isGreaterThanOrEqualTo(1);
            assertThat(limited.header("Cache-Control")).isEqualTo("no-store");
            assertThat(api.get("/nope").status()).isEqualTo(429); // unknown paths count too
        }
    }

    @Test
    void healthIsNeverLimited() {
        try (TestServer server = start(false)) {
            ApiClient api = server.client();
            for (int i = 0; i < 10; i++) {
                assertThat(api.get("/health").status()).isEqualTo(200);
            }
            assertThat(api.get("/docs").status()).isEqualTo(200);
        }
    }

    @Test
    void withoutTrustProxyForwardedForIsIgnored() {
        try (TestServer server = start(false)) {
            ApiClient api = server.client();
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/health/x", "X-Forwarded-For", "10.0.0." + i).status()).isEqualTo(404);
            }
            assertThat(api.get("/health/x", "X-Forwarded-For", "10.0.0.99").status()).isEqualTo(429);
        }
    }

    @Test
    void withTrustProxyTheLastForwardedAddressIsTheClient() {
        try (TestServer server = start(true)) {
            ApiClient api = server.client();
            for (int i = 0; i < 3; i++) {
                // the first entry is whatever the client claimed; the proxy appended the last
                assertThat(api.get("/openapi.yaml", "X-Forwarded-For", "1.1.1." + i + ", 203.0.113.7").status())
                        .isEqualTo(200);
            }
            assertThat(api.get("/openapi.yaml", "X-Forwarded-For", "9.9.9.9, 203.0.113.7").status()).isEqualTo(429);
            assertThat(api.get("/openapi.yaml", "X-Forwarded-For", "203.0.113.7, 198.51.100.1").status()).isEqualTo(200);
            assertThat(api.get("/openapi.yaml", "X-Forwarded-For", "[2001:db8::1]").status()).isEqualTo(200);
            assertThat(api.get("/openapi.yaml", "X-Forwarded-For", "2001:db8:0:0:0:0:0:1").status()).isEqualTo(200);
            assertThat(api.get("/openapi.yaml", "X-Forwarded-For", "2001:DB8::1").status()).isEqualTo(200);
            assertThat(api.get("/openapi.yaml", "X-Forwarded-For", "2001:db8::1").status()).isEqualTo(429);
        }
    }

    @Test
    void withTrustProxyAMalformedHeaderFallsBackToThePeer() {
        try (TestServer server = start(true)) {
            ApiClient api = server.client();
            for (String junk : new String[] {"unknown", "not an address", "999.1.1.1"}) {
                assertThat(api.get("/openapi.yaml", "X-Forwarded-For", junk).status()).isEqualTo(200);
            }
            assertThat(api.get("/openapi.yaml").status()).isEqualTo(429); // the same (peer) bucket
        }
    }

    @Test
    void zeroTurnsLimitingOff() {
        try (TestServer server = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(0, 3))) {
            for (int i = 0; i < 10; i++) {
                assertThat(server.client().get("/openapi.yaml").status()).isEqualTo(200);
            }
        }
    }
}
