package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container image's health check asks /health where MMA_ADDR says the server listens. */
class HealthProbeTest {

    @Test
    void theUrlIsHealthOnTheListenAddressWithWildcardsAskedOnLoopback() {
        Map<String, String> expected = Map.of(
                ":8080", "http://127.0.0.1:8080/health",
                "0.0.0.0:9000", "http://127.0.0.1:9000/health",
                "[::]:8080", "http://[::1]:8080/health",
                "127.0.0.2:81", "http://127.0.0.2:81/health",
                "[::1]:8080", "http://[::1]:8080/health",
                "localhost:8080", "http://localhost:8080/health");

        expected.forEach((addr, url) -> assertThat(HealthProbe.url(addr)).as(addr).hasToString(url));
    }

    @Test
    void aBadAddressIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> HealthProbe.url("8080")).hasMessageStartingWith("MMA_ADDR must be [HOST]:PORT");
    }

    @Test
    void aServingServerIs200AndAClosedPortNoAnswer() throws IOException {
        URI base = DemoServer.open().base();
        assertThat(HealthProbe.probe(HealthProbe.url("127.0.0.1:" + base.getPort()))).isEqualTo(200);

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(HealthProbe.probe(HealthProbe.url("127.0.0.1:" + closed))).isEqualTo(-1);
    }
}
