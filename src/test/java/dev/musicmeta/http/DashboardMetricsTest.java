package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicmeta.testing.PrometheusText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard of deploy/ queries only metrics the server writes: every series name in
 * its expressions is in a scrape of a server that has answered lookups, refused a request over its
 * rate limit and collected garbage.
 */
class DashboardMetricsTest {

    private static final Path DASHBOARD = Path.of(System.getProperty("basedir", "."), "deploy", "grafana",
            "music-metadata-api.json");
    /** A series name followed by its label selector, as every expression of the dashboard writes one. */
    private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    @Test
    void everyMetricTheDashboardQueriesIsScraped() throws IOException, InterruptedException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = SERIES.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).contains("http_server_requests_seconds_bucket", "mma_build_info");

        try (TestServer server = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 1))) {
            ApiClient api = server.client();
            while (api.get("/lookup/track/0000000000000000000000").status() != 429) {
                // until the rate limit refuses one
            }
            // A collection, for the GC pause series; the JVM reports it on a thread of its own, a moment later.
            System.gc();
            PrometheusText metrics = PrometheusText.parse(api.get("/metrics").text());
            for (long deadline = System.nanoTime() + 10_000_000_000L;
                 metrics.samples("jvm_gc_pause_seconds_sum").isEmpty() && System.nanoTime() < deadline; ) {
                Thread.sleep(50);
                metrics = PrometheusText.parse(api.get("/metrics").text());
            }

            for (String series : queried) {
                assertThat(metrics.samples(series)).as(series).isNotEmpty();
            }
        }
    }
}
