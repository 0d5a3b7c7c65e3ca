package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.testing.PrometheusText;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --admin-addr}: /metrics, /ready and /info move to a listener of their own, which answers
 * nothing else; on the API's port they are then unknown paths.
 */
class AdminPortApiTest {

    @Test
    void eachListenerAnswersOnlyItsOwnPaths() throws InterruptedException {
        ServerConfig config = TestServer.config().withAdmin(new ServerConfig.Admin("127.0.0.1", 0));
        try (TestServer server = TestServer.start(Fixtures.sample(), config)) {
            ApiClient api = server.client();
            int adminPort = server.server().adminPort();
            assertThat(adminPort).isPositive().isNotEqualTo(server.server().port());
            ApiClient admin = new ApiClient(URI.create("http://127.0.0.1:" + adminPort + "/"));

            Map<String, int[]> statusOnApiAndAdmin = Map.of(
                    "/metrics", new int[] {404, 200},
                    "/ready", new int[] {404, 200},
                    "/info", new int[] {404, 200},
                    "/health", new int[] {200, 404},
                    "/lookup/track/0000000000000000000000", new int[] {404, 404});
            statusOnApiAndAdmin.forEach((path, statuses) -> {
                assertThat(api.get(path).status()).as("API port: " + path).isEqualTo(statuses[0]);
                assertThat(admin.get(path).status()).as("admin port: " + path).isEqualTo(statuses[1]);
            });

            assertThat(api.get("/search/track?q=ab").status()).isEqualTo(200);
            Map<String, String> search = Map.of("method", "GET", "uri", "/search/track", "status", "200");
            PrometheusText metrics = PrometheusText.parse(admin.get("/metrics").text());
            // Recorded as the request completes, which can be just after its answer reached the client.
            for (int i = 0; i < 100 && metrics.value("http_server_requests_seconds_count", search) == null; i++) {
                Thread.sleep(20);
                metrics = PrometheusText.parse(admin.get("/metrics").text());
            }
            assertThat(metrics.value("http_server_requests_seconds_count", search)).isEqualTo(1.0);
            assertThat(metrics.value("jetty_connections_current_connections", Map.of("connector", "admin")))
                    .isNotNull();
        }
    }

    /**
     * With API keys on, probes and scrapers carry no key: /metrics and /ready stay open. /info names
     * the catalog's paths, so it needs a key where the API is published, and none on the admin port.
     */
    @Test
    void withApiKeysInfoNeedsAKeyOnTheApisPortOnlyWhileMetricsAndReadyStayOpen(@TempDir Path dir)
            throws Exception {
        String key = "mma_operator00000000000000000000000000000000000";
        ApiKeys keys = ApiKeys.load(Files.writeString(dir.resolve("keys.txt"),
                "operator " + ApiKeys.sha256Hex(key) + "\n"));
        Map<String, Integer> withoutAKeyOnOnePort = Map.of("/metrics", 200, "/ready", 200, "/info", 401);
        try (TestServer server = TestServer.start(Fixtures.sample(), TestServer.config(), keys)) {
            ApiClient api = server.client();
            withoutAKeyOnOnePort.forEach((path, status) ->
                    assertThat(api.get(path).status()).as("one port: " + path).isEqualTo(status));
            ApiClient.Response keyed = api.get("/info", "Authorization", "Bearer " + key);
            assertThat(keyed.status()).isEqualTo(200);
            assertThat(keyed.json().path("version").asText()).isEqualTo(BuildInfo.current().version());
        }

        ServerConfig admin = TestServer.config().withAdmin(new ServerConfig.Admin("127.0.0.1", 0));
        try (TestServer server = TestServer.start(Fixtures.sample(), admin, keys)) {
            ApiClient adminPort = new ApiClient(URI.create("http://127.0.0.1:" + server.server().adminPort() + "/"));
            for (String path : List.of("/metrics", "/ready", "/info")) {
                ApiClient.Response open = adminPort.get(path);
                assertThat(open.status()).as("admin port: " + path).isEqualTo(200);
                assertThat(open.header("WWW-Authenticate")).as("admin port: " + path).isNull();
            }
            assertThat(server.client().get("/info", "Authorization", "Bearer " + key).status())
                    .as("API port: /info, with a key").isEqualTo(404);
        }
    }

    @Test
    void withoutAnAdminAddressThereIsNoAdminPort() {
        try (TestServer server = TestServer.start(Fixtures.sample())) {
            assertThat(server.server().adminPort()).isEqualTo(-1);
            assertThat(server.client().get("/metrics").status()).isEqualTo(200);
        }
    }

    @Test
    void theAdminPortCannotBeTheApisPort() {
        assertThatThrownBy(() -> ServerConfig.defaults().withAddress(null, 8080)
                .withAdmin(new ServerConfig.Admin(null, 8080)))
                .hasMessageContaining("admin port must not be the API's port");
    }
}
