package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.http.ApiClient;
import dev.musicmeta.http.ApiKeys;
import dev.musicmeta.http.ApiServer;
import dev.musicmeta.http.BuildInfo;
import dev.musicmeta.http.ServerConfig;
import dev.musicmeta.http.ServiceMetrics;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.testing.PrometheusText;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard of deploy/ queries only metrics the server writes: every series name in
 * its expressions is in a scrape of a server wired as {@code serve} wires it (the demo catalog and
 * its index, the catalog's meters and facts) that has answered a search and lookups, refused a
 * request over its rate limit and collected garbage.
 */
class DashboardMetricsTest {

    private static final Path DASHBOARD = Path.of(System.getProperty("basedir", "."), "deploy", "grafana",
            "music-metadata-api.json");
    /** A series name followed by its label selector, as every expression of the dashboard writes one. */
    private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    @Test
    void everyMetricTheDashboardQueriesIsScraped() throws Exception {
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
        assertThat(queried).contains("http_server_requests_seconds_bucket", "mma_build_info",
                "mma_catalog_statements_seconds_bucket", "mma_search_seconds_bucket", "cache_gets_total");

        DemoServer.open(); // makes the demo catalog and its index
        Path main = Path.of(System.getProperty("basedir", "."), "target", "readme-demo", CatalogFiles.MAIN_FILE);
        CatalogFiles files = CatalogFiles.resolve(main, null);
        ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withRateLimit(1, 2);
        try (ServiceMetrics metrics = ServiceMetrics.create(BuildInfo.current());
             OpenCatalog opened = OpenCatalog.open(files, null, SqliteOptions.defaults());
             ApiServer server = new ApiServer(CompletableFuture.completedFuture(CatalogMetrics.bind(opened, metrics)),
                     config, ApiKeys.off(), metrics).start()) {
            CatalogMetrics.bindFacts(CompletableFuture.completedFuture(
                    ServiceFacts.describe(files, IndexBuilder.defaultFolder(main))), metrics);
            ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + server.port() + "/"));
            assertThat(api.get("/search/track?q=bohemian%20rhap").status()).isEqualTo(200);
            while (api.get("/lookup/track/4uLU6hMCjMI75M1A2tKUQC").status() != 429) {
                // until the rate limit refuses one
            }
            // A collection, for the GC pause series; the JVM reports it on a thread of its own, a moment later.
            System.gc();
            PrometheusText scrape = PrometheusText.parse(api.get("/metrics").text());
            for (long deadline = System.nanoTime() + 10_000_000_000L;
                 scrape.samples("jvm_gc_pause_seconds_sum").isEmpty() && System.nanoTime() < deadline; ) {
                Thread.sleep(50);
                scrape = PrometheusText.parse(api.get("/metrics").text());
            }

            for (String series : queried) {
                assertThat(scrape.samples(series)).as(series).isNotEmpty();
            }
        }
    }
}
