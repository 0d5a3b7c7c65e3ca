package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.PrometheusText;
import dev.musicmeta.testing.PrometheusText.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics}: a scrape that a strict Prometheus text parser accepts, with requests
 * counted by route template (never the raw path), method and status, requests in flight, rate-limit
 * rejections, the JVM, Jetty's pool and the build; never rate limited, and open with API keys on.
 */
class MetricsApiTest {

    private static final String REQUESTS = "http_server_requests_seconds";

    @TempDir
    Path tmp;

    private static PrometheusText scrape(ApiClient api) {
        ApiClient.Response response = api.get("/metrics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(MetricsRoute.CONTENT_TYPE);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        return PrometheusText.parse(response.text());
    }

    private static double requests(PrometheusText metrics, String method, String uri, String status) {
        Double count = metrics.value(REQUESTS + "_count", Map.of("method", method, "uri", uri, "status", status));
        return count == null ? 0 : count;
    }

    @Test
    void requestsAreCountedByRouteTemplateMethodAndStatusNeverByRawPath() {
        String id = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
        String album = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM albums ORDER BY rowid LIMIT 1");
        try (TestServer server = TestServer.start(Fixtures.sample())) {
            ApiClient api = server.client();
            Map<String, Integer> sent = Map.of(
                    "/lookup/track/" + id, 200, "/lookup/track/" + id + "/", 200, "/lookup/track/0000000000000000000000",
                    404, "/lookup/album/" + album + "/tracks", 200, "/no/such/path/" + id, 404,
                    "/lookup/track/not-an-id", 400);
            sent.forEach((path, status) -> assertThat(api.get(path).status()).as(path).isEqualTo(status));
            assertThat(api.postJson("/lookup/track/" + id, "{}").status()).isEqualTo(405);

            PrometheusText metrics = scrape(api);

            List<Object[]> expected = List.of(
                    new Object[] {"GET", "/lookup/track/{id}", "200", 2.0},
                    new Object[] {"GET", "/lookup/track/{id}", "404", 1.0},
                    new Object[] {"GET", "/lookup/track/{id}", "400", 1.0},
                    new Object[] {"GET", "/lookup/album/{id}/tracks", "200", 1.0},
                    new Object[] {"GET", HttpMetrics.UNKNOWN, "404", 1.0},
                    new Object[] {"POST", "/lookup/track/{id}", "405", 1.0});
            for (Object[] row : expected) {
                assertThat(requests(metrics, (String) row[0], (String) row[1], (String) row[2]))
                        .as("%s %s %s", row[0], row[1], row[2]).isEqualTo(row[3]);
            }
            assertThat(metrics.family(REQUESTS).type()).isEqualTo("histogram");
            assertThat(metrics.samples(REQUESTS + "_bucket")).extracting(s -> s.labels().get("le")).contains(
                    "5.0E-4", "0.001", "0.01", "0.1", "1.0", "10.0", "+Inf");
            for (PrometheusText.Family family : metrics.families().values()) {
                for (Sample sample : family.samples()) {
                    assertThat(sample.labels().values()).as(sample.toString())
                            .noneMatch(v -> v.contains(id) || v.contains("not-an-id") || v.contains("/no/such"));
                }
            }
        }
    }

    @Test
    void inFlightRequestsTheJvmJettysPoolAndTheBuildAreThere() {
        try (TestServer server = TestServer.start(Fixtures.sample())) {
            PrometheusText metrics = scrape(server.client());

            assertThat(metrics.value("http_server_requests_active", Map.of())).as("this scrape").isEqualTo(1.0);
            for (String name : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                    "jvm_gc_memory_allocated_bytes_total", "process_cpu_usage", "process_uptime_seconds",
                    "process_files_open_files", "jetty_threads_busy", "jetty_threads_config_max",
                    "jetty_connections_current_connections")) {
                assertThat(metrics.samples(name)).as(name).isNotEmpty();
            }
            BuildInfo build = BuildInfo.current();
            assertThat(metrics.value("mma_build_info", Map.of("version", build.version(),
                    "commit", build.commit() == null ? "unknown" : build.commit()))).isEqualTo(1.0);
            assertThat(metrics.value("jvm_info", Map.of("version", System.getProperty("java.runtime.version"))))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void metricsAreNeverRateLimitedAndCountTheRejectionsOfTheRateLimit() {
        try (TestServer server = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 2))) {
            ApiClient api = server.client();
            int limited = 0;
            for (int i = 0; i < 5; i++) {
                limited += api.get("/lookup/track/0000000000000000000000").status() == 429 ? 1 : 0;
            }
            assertThat(limited).isGreaterThanOrEqualTo(2);
            PrometheusText metrics = null;
            for (int i = 0; i < 5; i++) {
                metrics = scrape(api);
            }

            assertThat(metrics.value("mma_rate_limit_rejections_total", Map.of("by", "address")))
                    .isEqualTo((double) limited);
            assertThat(metrics.value("mma_rate_limit_rejections_total", Map.of("by", "key"))).isEqualTo(0.0);
            assertThat(requests(metrics, "GET", "/lookup/track/{id}", "429")).isEqualTo(limited);
            assertThat(requests(metrics, "GET", "/metrics", "200")).isEqualTo(4.0); // the fifth is still running
        }
    }

    @Test
    void withMetricsOffNothingIsRecordedAndTheScrapeIsEmpty() {
        String id = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
        try (ServiceMetrics off = ServiceMetrics.off();
             TestServer server = new TestServer(new ApiServer(CompletableFuture.completedFuture(Fixtures.sample()),
                     TestServer.config(), ApiKeys.off(), off).start())) {
            ApiClient api = server.client();
            assertThat(api.get("/lookup/track/" + id).status()).isEqualTo(200);

            assertThat(off.enabled()).isFalse();
            assertThat(scrape(api).families()).isEmpty();
        }
    }

    @Test
    void withApiKeysOnMetricsStayOpenWhileDataRoutesNeedAKey() throws Exception {
        Path keys = Files.writeString(tmp.resolve("keys.txt"), "scraper-free " + ApiKeys.sha256Hex("mma_x") + "\n");
        try (TestServer server = TestServer.start(Fixtures.sample(), TestServer.config(), ApiKeys.load(keys))) {
            ApiClient api = server.client();

            assertThat(api.get("/lookup/track/0000000000000000000000").status()).isEqualTo(401);
            PrometheusText metrics = scrape(api);
            assertThat(requests(metrics, "GET", "/lookup/track/{id}", "401")).isEqualTo(1.0);
        }
    }
}
