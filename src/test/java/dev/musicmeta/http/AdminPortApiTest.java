package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.testing.PrometheusText;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --admin-addr}: /metrics, /ready and /info move to a listener of their own, which answers
 * nothing else; on the API's port they are then unknown paths.
 */
class AdminPortApiTest {

    @Test
    void eachListenerAnswersOnlyItsOwnPaths() {
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
            PrometheusText metrics = PrometheusText.parse(admin.get("/metrics").text());
            assertThat(metrics.value("http_server_requests_seconds_count",
                    Map.of("method", "GET", "uri", "/search/track", "status", "200"))).isEqualTo(1.0);
            assertThat(metrics.value("jetty_connections_current_connections", Map.of("connector", "admin")))
                    .isNotNull();
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
