package dev.musicmeta.http;

import dev.musicmeta.testing.Db;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly cost a connection each, never the service: a request's headers and its
 * body each have a deadline on their whole arrival, however often a byte trickles in, and a
 * trickling body holds no worker thread meanwhile. Other clients are answered all along; the slow
 * ones get a 408 problem document when their deadline passes.
 */
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 300;

    /** Deadlines short enough for a test, long enough that the normal client is surely served first. */
    private static ServerConfig config(Duration header, Duration body) {
        return TestServer.config().withLimits(ConnectionLimits.defaults().withTimeouts(header, body)
                .withMaxConnections(10_000, 1_000)); // 300 slow clients from one address, for this test
    }

    @Test
    void aNormalClientIsAnsweredWhile300SlowBodiesTrickleAndEachSlowOneGets408() throws Exception {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(Duration.ofSeconds(30), Duration.ofSeconds(3)))) {
            List<Socket> slow = open(server, SLOW_CLIENTS);
            for (Socket s : slow) {
                send(s, "POST /batch/lookup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 60000\r\n\r\n{\"tracks\":[\"");
            }
            try (Trickle trickle = new Trickle(slow)) {
                servesANormalClient(server.client());
                assertThat(answered(slow)).as("slow bodies answered before their deadline").isZero();
            }
            for (Socket s : slow) {
                ApiClient.Response res = ApiClient.read(s.getInputStream(), "POST", "/batch/lookup");
                assertThat(res.status()).isEqualTo(408);
                assertThat(res.problemType()).isEqualTo("/problems/request-timeout");
                assertThat(res.json().get("detail").asText()).contains("body");
                assertThat(res.header("Connection")).isEqualTo("close");
                assertThat(res.header("X-Request-Id")).isNotBlank();
                s.close();
            }
        }
    }

    @Test
    void aNormalClientIsAnsweredWhile300SlowHeadersTrickleAndEachSlowOneGets408() throws Exception {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(Duration.ofSeconds(3), Duration.ofSeconds(30)))) {
            List<Socket> slow = open(server, SLOW_CLIENTS);
            Socket silent = open(server, 1).get(0);
            for (Socket s : slow) {
                send(s, "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            }
            try (Trickle trickle = new Trickle(slow)) {
                servesANormalClient(server.client());
                assertThat(answered(slow)).as("slow headers answered before their deadline").isZero();
            }
            for (Socket s : slow) {
                ApiClient.Response res = ApiClient.read(s.getInputStream(), "GET", "/health");
                assertThat(res.status()).isEqualTo(408);
                assertThat(res.problemType()).isEqualTo("/problems/request-timeout");
                assertThat(res.json().get("detail").asText()).contains("headers");
                assertThat(res.header("Connection")).isEqualTo("close");
                assertThat(s.getInputStream().read()).isEqualTo(-1);
                s.close();
            }
            assertThat(silent.getInputStream().read()).as("a connection that said nothing is closed").isEqualTo(-1);
            silent.close();
        }
    }

    @Test
    void aKeptAliveConnectionHasTheHeaderDeadlineForEachRequest() throws Exception {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(Duration.ofSeconds(2), Duration.ofSeconds(30)));
                Socket s = open(server, 1).get(0)) {
            send(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(ApiClient.read(s.getInputStream(), "GET", "/health").status()).isEqualTo(200);
            send(s, "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            try (Trickle trickle = new Trickle(List.of(s))) {
                ApiClient.Response res = ApiClient.read(s.getInputStream(), "GET", "/health");

                assertThat(res.status()).isEqualTo(408);
            }
        }
    }

    private static void servesANormalClient(ApiClient api) {
        String id = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/health").status()).isEqualTo(200);
            assertThat(api.get("/lookup/track/" + id).status()).isEqualTo(200);
            assertThat(api.postJson("/batch/lookup", "{\"tracks\":[\"" + id + "\"]}").status()).isEqualTo(200);
        }
    }

    private static List<Socket> open(TestServer server, int n) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket("127.0.0.1", server.server().port());
            s.setSoTimeout(30_000);
            sockets.add(s);
        }
        return sockets;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** How many of the sockets have something to read. */
    private static long answered(List<Socket> sockets) throws IOException {
        long n = 0;
        for (Socket s : sockets) {
            if (s.getInputStream().available() > 0) {
                n++;
            }
        }
        return n;
    }

    /** Sends one more byte on every socket four times a second, until closed. */
    private static final class Trickle implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Trickle(List<Socket> sockets) {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (Socket s : sockets) {
                        try {
                            s.getOutputStream().write('a');
                        } catch (IOException e) {
                            // answered and closed: nothing more to trickle
                        }
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "trickle");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
