package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.TestCatalogs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Overload is queued, then shed politely: requests wait for a catalog connection in a bounded
 * queue, and only a request that finds the queue full is refused, with 503 and Retry-After.
 */
class CatalogQueueApiTest {

    private static final int BATCHES = 32;
    private static String batch;

    @BeforeAll
    static void body() {
        List<Object> isrcs = Db.column(TestCatalogs.smallMain(),
                "SELECT DISTINCT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL LIMIT 400");
        assertThat(isrcs).hasSize(400);
        batch = "{\"isrcs\": [" + String.join(",", isrcs.stream().map(i -> "\"" + i + "\"").toList()) + "]}";
    }

    @Test
    void aFloodOf32BatchesOf400IsrcsOnOneConnectionIsQueuedAndAnsweredWithout503() throws Exception {
        SqliteOptions options = SqliteOptions.defaults().withConnections(1);
        try (SqliteCatalog catalog = SqliteCatalog.open(CatalogFiles.resolve(TestCatalogs.smallMain(), null), options);
                TestServer server = TestServer.start(catalog)) {
            List<ApiClient.Response> answers = flood(server.client(), BATCHES);

            assertThat(answers).extracting(ApiClient.Response::status).containsOnly(200);
            assertThat(answers).allSatisfy(a -> assertThat(a.json().get("isrcs").size()).isEqualTo(400));
        }
    }

    @Test
    void withTheQueueFullTheRestAre503WithRetryAfter() throws Exception {
        SqliteOptions options = SqliteOptions.defaults().withConnections(1).withQueueLength(0);
        try (SqliteCatalog catalog = SqliteCatalog.open(CatalogFiles.resolve(TestCatalogs.smallMain(), null), options);
                TestServer server = TestServer.start(catalog)) {
            List<ApiClient.Response> answers = flood(server.client(), 16);

            assertThat(answers).extracting(ApiClient.Response::status).containsOnly(200, 503).contains(200, 503);
            for (ApiClient.Response a : answers) {
                if (a.status() == 503) {
                    assertThat(Long.parseLong(a.header("Retry-After"))).isBetween(1L, 60L);
                    assertThat(a.json().get("type").asText()).isEqualTo("/problems/unavailable");
                    assertThat(a.json().get("detail").asText()).contains("busy", "retry after");
                }
            }
        }
    }

    /** {@code count} batches sent at once, each on its own thread; their answers. */
    private static List<ApiClient.Response> flood(ApiClient api, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<ApiClient.Response> post = () -> {
                    go.await();
                    return api.postJson("/batch/lookup", batch);
                };
                sent.add(threads.submit(post));
            }
            go.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> f : sent) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
