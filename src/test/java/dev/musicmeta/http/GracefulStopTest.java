package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.ForwardingCatalog;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping loses no request that reached the server. Draining (what SIGTERM begins) turns
 * {@code /ready} to 503 and puts {@code Connection: close} on every answer while the server keeps
 * serving; stopping closes the listener and idle connections and lets requests in flight finish,
 * cutting them only at the drain deadline. Requests are held inside the (real, SQLite) catalog by
 * a latch, so "in flight" is certain, not timed.
 */
class GracefulStopTest {

    /** The sample catalog, with track searches that wait for a signal once they have started. */
    private static final class HeldSearches extends ForwardingCatalog {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldSearches() {
            super(Fixtures.sample());
        }

        @Override
        public Page<Track> searchTracks(SearchRequest request) {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.searchTracks(request);
        }
    }

    @Test
    void whileDrainingEveryRequestIsServedWithConnectionCloseAndReadyIs503() throws Exception {
        TestServer server = TestServer.start(Fixtures.sample(), TestServer.config().withShutdownDelay(Duration.ofSeconds(2)));
        int port = server.server().port();
        try (Socket keptAlive = new Socket("127.0.0.1", port)) {
            keptAlive.setSoTimeout(30_000);
            ApiClient.Response before = exchange(keptAlive, "/health");
            assertThat(before.status()).isEqualTo(200);
            assertThat(before.header("Connection")).isNull();
            assertThat(server.client().get("/ready").json().get("status").asText()).isEqualTo("ready");

            CompletableFuture<Void> shuttingDown = CompletableFuture.runAsync(() -> server.server().shutDown());
            while (!server.server().drainState().draining()) {
                Thread.sleep(5);
            }
            ApiClient.Response during = exchange(keptAlive, "/search/track?q=ab&limit=2");
            ApiClient.Response ready = server.client().get("/ready"); // a new connection: still accepted
            ApiClient.Response health = server.client().get("/health");

            assertThat(during.status()).isEqualTo(200);
            assertThat(during.header("Connection")).isEqualTo("close");
            assertThat(keptAlive.getInputStream().read()).as("closed after its answer").isEqualTo(-1);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.problemType()).isEqualTo("/problems/unavailable");
            assertThat(ready.json().get("detail").asText()).contains("draining");
            assertThat(ready.header("Retry-After")).isNull();
            assertThat(health.status()).isEqualTo(200);
            assertThat(shuttingDown).isNotDone();
            shuttingDown.get(30, TimeUnit.SECONDS);
            assertThat(accepts(port)).as("accepting after the delay").isFalse();
        }
    }

    @Test
    void stoppingClosesIdleConnectionsAndLetsARequestInFlightFinish() throws Exception {
        HeldSearches catalog = new HeldSearches();
        TestServer server = TestServer.start(catalog);
        int port = server.server().port();
        Socket idle = new Socket("127.0.0.1", port);
        idle.setSoTimeout(30_000);
        assertThat(exchange(idle, "/health").status()).isEqualTo(200);

        CompletableFuture<ApiClient.Response> inFlight =
                CompletableFuture.supplyAsync(() -> server.client().get("/search/track?q=ab&limit=2"));
        assertThat(catalog.started.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);

        assertThat(idle.getInputStream().read()).as("the idle connection is closed").isEqualTo(-1);
        idle.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (accepts(port) && System.nanoTime() < deadline) {
            Thread.sleep(20); // until the connector has closed
        }
        assertThat(accepts(port)).as("accepting connections while stopping").isFalse();
        assertThat(stopping).isNotDone();
        catalog.release.countDown();

        ApiClient.Response finished = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.header("Connection")).isEqualTo("close");
        stopping.get(30, TimeUnit.SECONDS);
    }

    @Test
    void pastTheDrainDeadlineARequestInFlightIsCutAndStopReturns() throws Exception {
        HeldSearches catalog = new HeldSearches();
        TestServer server = TestServer.start(catalog, TestServer.config().withStopTimeout(Duration.ofMillis(500)));
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /search/track?q=ab HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(catalog.started.await(30, TimeUnit.SECONDS)).isTrue();

            server.close(); // returns: the stop does not wait for the held request beyond the deadline

            int first;
            try {
                first = socket.getInputStream().read();
            } catch (IOException reset) {
                first = -1;
            }
            assertThat(first).as("no answer: the connection was cut").isEqualTo(-1);
        } finally {
            catalog.release.countDown();
        }
    }

    /** One GET on an open connection, validated. */
    private static ApiClient.Response exchange(Socket socket, String pathAndQuery) throws IOException {
        socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return ApiClient.read(socket.getInputStream(), "GET", pathAndQuery);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
