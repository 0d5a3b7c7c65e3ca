package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.testing.Db;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server built while its catalog is still opening: nothing listens until the catalog is there,
 * so the first answer to /health is one the whole API stands behind; a catalog that fails to
 * open leaves nothing bound.
 */
class OpeningCatalogTest {

    @Test
    void nothingListensWhileTheCatalogOpensThenEveryRouteAnswers() throws Exception {
        int port = freePort();
        CompletableFuture<Catalog> opening = new CompletableFuture<>();
        ApiServer server = new ApiServer(opening, TestServer.config().withAddress("127.0.0.1", port));
        CompletableFuture<ApiServer> starting = CompletableFuture.supplyAsync(server::start);
        try {
            // The connector registers its wait on the catalog once Jetty has started everything else.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (opening.getNumberOfDependents() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(opening.getNumberOfDependents()).as("waiting for the catalog").isPositive();
            assertThat(accepts(port)).as("listening before the catalog opened").isFalse();
            assertThat(starting).isNotDone();

            opening.complete(Fixtures.sample());
            starting.get(30, TimeUnit.SECONDS);

            ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"));
            String id = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
            assertThat(api.get("/health").status()).isEqualTo(200);
            assertThat(api.get("/lookup/track/" + id).json().get("id").asText()).isEqualTo(id);
        } finally {
            server.stop();
        }
    }

    @Test
    void aCatalogThatFailsToOpenLeavesNothingBoundAndStartSaysWhy() throws Exception {
        int port = freePort();
        CatalogFileException bad = new CatalogFileException("main_database.sqlite3: no such file");
        ApiServer server = new ApiServer(CompletableFuture.failedFuture(bad),
                TestServer.config().withAddress("127.0.0.1", port));

        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasCause(bad);
        assertThat(accepts(port)).isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
