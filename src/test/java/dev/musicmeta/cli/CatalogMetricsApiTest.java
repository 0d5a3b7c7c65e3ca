package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.http.ApiClient;
import dev.musicmeta.http.ApiKeys;
import dev.musicmeta.http.ApiServer;
import dev.musicmeta.http.BuildInfo;
import dev.musicmeta.http.ServerConfig;
import dev.musicmeta.http.ServiceMetrics;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.IndexManifest;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.PrometheusText;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The catalog's series on {@code /metrics} as {@code serve} wires them, read by a strict parser of
 * the Prometheus text format: statements by kind, the caches, searches, the pool, and the
 * catalog's and index's facts as gauges; each moves with the requests that should move it.
 */
class CatalogMetricsApiTest {

    /** A recording the demo holds (the README's examples), and a search that finds it. */
    private static final String TRACK = "/lookup/track/4uLU6hMCjMI75M1A2tKUQC";
    private static final String SEARCH = "/search/track?q=bohemian%20rhap";

    private static double value(PrometheusText scrape, String sample, Map<String, String> labels) {
        Double v = scrape.value(sample, labels);
        return v == null ? 0 : v;
    }

    @Test
    void theCatalogsSeriesMoveWithRequestsAndItsFactsAreGauges() throws Exception {
        DemoServer.open(); // makes the demo catalog and its index
        Path main = Path.of(System.getProperty("basedir", "."), "target", "readme-demo", CatalogFiles.MAIN_FILE);
        CatalogFiles files = CatalogFiles.resolve(main, null);
        Path index = IndexBuilder.defaultFolder(main);
        ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withRateLimit(0, 0);
        try (ServiceMetrics metrics = ServiceMetrics.create(BuildInfo.current());
             OpenCatalog opened = OpenCatalog.open(files, null, SqliteOptions.defaults().withConnections(3));
             ApiServer server = new ApiServer(CompletableFuture.completedFuture(CatalogMetrics.bind(opened, metrics)),
                     config, ApiKeys.off(), metrics).start()) {
            CatalogMetrics.bindFacts(CompletableFuture.completedFuture(ServiceFacts.describe(files, index)), metrics);
            ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + server.port() + "/"));

            PrometheusText before = PrometheusText.parse(api.get("/metrics").text());
            assertThat(api.get(TRACK).status()).isEqualTo(200);
            assertThat(api.get(TRACK).status()).isEqualTo(200);
            assertThat(api.get(SEARCH).status()).isEqualTo(200);
            PrometheusText after = PrometheusText.parse(api.get("/metrics").text());

            Map<String, Map<String, String>> moved = Map.of(
                    "mma_catalog_statements_seconds_count", Map.of("kind", "tracks_by_id"),
                    "mma_catalog_statements_seconds_bucket", Map.of("kind", "tracks_by_id", "le", "+Inf"),
                    "mma_search_seconds_count", Map.of("kind", "tracks", "searcher", "index", "outcome", "ok"));
            Map<String, Double> expectedMoves = Map.of(
                    "mma_catalog_statements_seconds_count", 2.0,
                    "mma_catalog_statements_seconds_bucket", 2.0,
                    "mma_search_seconds_count", 1.0);
            moved.forEach((sample, labels) -> assertThat(value(after, sample, labels) - value(before, sample, labels))
                    .as(sample + labels).isEqualTo(expectedMoves.get(sample)));
            assertThat(value(after, "mma_catalog_statements_seconds_sum", Map.of("kind", "tracks_by_id"))).isPositive();
            // the second lookup found the first one's artists and album in the caches
            assertThat(value(after, "cache_gets_total", Map.of("cache", "albums", "result", "hit"))
                    - value(before, "cache_gets_total", Map.of("cache", "albums", "result", "hit"))).isPositive();
            assertThat(value(after, "cache_gets_total", Map.of("cache", "albums", "result", "miss"))
                    - value(before, "cache_gets_total", Map.of("cache", "albums", "result", "miss"))).isPositive();
            assertThat(value(after, "cache_gets_total", Map.of("cache", "artists", "result", "hit"))
                    - value(before, "cache_gets_total", Map.of("cache", "artists", "result", "hit"))).isPositive();

            assertThat(after.value("mma_search_fallback", Map.of())).isEqualTo(0.0);
            assertThat(after.value("mma_catalog_pool_connections", Map.of())).isEqualTo(3.0);
            assertThat(after.value("mma_catalog_pool_idle", Map.of())).isEqualTo(3.0);
            assertThat(after.value("mma_catalog_pool_waits_seconds_count", Map.of())).isEqualTo(0.0);
            assertThat(after.value("mma_catalog_pool_timeouts_total", Map.of())).isEqualTo(0.0);

            IndexManifest manifest = IndexManifest.read(index);
            for (String table : new String[] {"tracks", "albums", "artists"}) {
                long rows = ((Number) Db.value(main, "SELECT count(*) FROM " + table)).longValue();
                assertThat(after.value("mma_catalog_rows", Map.of("table", table))).as(table).isEqualTo((double) rows);
                assertThat(after.value("mma_search_index_documents", Map.of("kind", table))).as(table)
                        .isEqualTo((double) rows);
            }
            assertThat(after.value("mma_catalog_file_size_bytes", Map.of("file", CatalogFiles.MAIN_FILE)))
                    .isEqualTo((double) Files.size(main));
            assertThat(after.value("mma_search_index_built_timestamp_seconds", Map.of()))
                    .isEqualTo((double) Instant.parse(manifest.builtAt()).getEpochSecond());
        }
    }
}
