package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.http.Readiness.Component;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /ready}: 200 with each component's state while every component is ready; 503, a
 * problem document with the same components and no Retry-After, while one is not or while
 * draining; asked anew on every probe, so it turns back to 200 without a restart.
 */
class ReadyApiTest {

    static final Component CATALOG_OK = new Component("catalog", "ok", true, null);
    static final Component CATALOG_UNREADABLE = new Component("catalog", "unreadable", false,
            "main_database.sqlite3 cannot be read");
    static final Component TRACK_FILES_ABSENT = new Component("track_files", "absent", true, "served as null or []");
    static final Component INDEX_STALE = new Component("search_index", "stale", true, "built from another catalog");

    @Test
    void readyNamesEachComponentItsStateAndDetailThenNotReadyWhileOneIsNotAndReadyAgain() {
        AtomicReference<Readiness> now = new AtomicReference<>(
                new Readiness(List.of(CATALOG_OK, TRACK_FILES_ABSENT, INDEX_STALE)));
        ApiServer server = new ApiServer(CompletableFuture.completedFuture(Fixtures.sample()), TestServer.config(),
                ApiKeys.off(), null, now::get).start();
        try {
            ApiClient api = new ApiClient(java.net.URI.create("http://127.0.0.1:" + server.port() + "/"));
            ApiClient.Response ready = api.get("/ready");
            assertThat(ready.status()).isEqualTo(200);
            JsonNode body = ready.json();
            assertThat(body.path("status").asText()).isEqualTo("ready");
            assertThat(body.at("/components/catalog/state").asText()).isEqualTo("ok");
            assertThat(body.at("/components/catalog/detail").isMissingNode()).isTrue();
            assertThat(body.at("/components/track_files/state").asText()).isEqualTo("absent");
            assertThat(body.at("/components/track_files/detail").asText()).isEqualTo("served as null or []");
            assertThat(body.at("/components/search_index/state").asText()).isEqualTo("stale");
            assertThat(body.at("/components/search_index/ready").asBoolean()).isTrue();

            now.set(new Readiness(List.of(CATALOG_UNREADABLE, TRACK_FILES_ABSENT, INDEX_STALE)));
            ApiClient.Response notReady = api.get("/ready");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.problemType()).isEqualTo("/problems/unavailable");
            assertThat(notReady.json().path("detail").asText()).startsWith("not ready: catalog unreadable");
            assertThat(notReady.json().at("/components/catalog/ready").asBoolean()).isFalse();
            assertThat(notReady.header("Retry-After")).isNull();
            assertThat(api.get("/health").status()).as("liveness").isEqualTo(200);

            now.set(new Readiness(List.of(CATALOG_OK, TRACK_FILES_ABSENT, INDEX_STALE)));
            assertThat(api.get("/ready").status()).isEqualTo(200);

            server.drainState().begin();
            ApiClient.Response draining = api.get("/ready");
            assertThat(draining.status()).isEqualTo(503);
            assertThat(draining.json().path("detail").asText()).startsWith("draining");
            assertThat(draining.json().at("/components/catalog/state").asText()).isEqualTo("ok");
        } finally {
            server.stop();
        }
    }
}
