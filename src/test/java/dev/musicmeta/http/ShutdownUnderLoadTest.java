package dev.musicmeta.http;

import dev.musicmeta.testing.Db;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.testing.ServeProcess;
import dev.musicmeta.testing.TestCatalogs;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A rolling update loses nothing: {@code serve} in its own process, under 32 keep-alive
 * connections of lookups, gets SIGTERM. A load balancer is played by the test: it polls
 * {@code /ready} and stops opening connections once that says 503, while requests on open
 * connections go on. Every request written on a connection must be answered 200, and the process
 * must exit 0.
 */
class ShutdownUnderLoadTest {

    private static final int CONNECTIONS = 32;

    @Test
    void underLoadSigtermLosesNoRequestThatReachedTheServerAndExits0() throws Exception {
        List<Object> ids = Db.column(TestCatalogs.smallMain(), "SELECT id FROM tracks WHERE id IS NOT NULL LIMIT 64");
        try (ServeProcess server = ServeProcess.start(Map.of(), List.of("-Xmx256m"), "--db",
                TestCatalogs.smallMain().toString(), "--rate-limit", "0", "--shutdown-delay", "2",
                "--drain-timeout", "10")) {
            AtomicBoolean routing = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger closedByServer = new AtomicInteger();
            AtomicInteger notReady = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < CONNECTIONS; w++) {
                int worker = w;
                workers.add(started("load-" + w, () -> load(server.port(), ids.get(worker % ids.size()).toString(),
                        routing, answered, closedByServer, failures)));
            }
            Thread balancer = started("balancer", () -> {
                while (true) {
                    try (Socket s = new Socket("127.0.0.1", server.port())) {
                        s.setSoTimeout(10_000);
                        s.getOutputStream().write("GET /ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        if (ApiClient.read(s.getInputStream(), "GET", "/ready").status() == 503) {
                            routing.set(false);
                            notReady.incrementAndGet();
                        }
                        Thread.sleep(20);
                    } catch (IOException e) {
                        return; // no longer accepting
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (answered.get() < 10 * CONNECTIONS && failures.isEmpty() && System.nanoTime() < warm) {
                Thread.sleep(20); // under load: every connection busy for a while
            }
            int beforeSignal = answered.get();
            server.terminate();
            for (Thread t : workers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            balancer.join(TimeUnit.SECONDS.toMillis(30));
            int exit = server.waitFor(Duration.ofSeconds(30));

            assertThat(failures).as("requests that reached the server and failed").isEmpty();
            assertThat(exit).as(String.join("\n", server.lines())).isZero();
            assertThat(beforeSignal).as("lookups answered before SIGTERM").isGreaterThanOrEqualTo(10 * CONNECTIONS);
            assertThat(answered.get()).isGreaterThan(beforeSignal);
            assertThat(closedByServer.get()).as("answers that asked the client to reconnect").isGreaterThanOrEqualTo(1);
            assertThat(notReady.get()).as("/ready answered 503 while the server still accepted").isGreaterThanOrEqualTo(2);
            assertThat(server.lines()).anyMatch(l -> l.contains("SIGTERM: draining")).anyMatch(l -> l.endsWith("stopped"));
        }
    }

    private static Thread started(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.start();
        return t;
    }

    /**
     * Lookups on one keep-alive connection; after an answer that closes the connection, a new one
     * while the balancer still routes here. Any request written and not answered 200 is a failure.
     */
    private static void load(int port, String id, AtomicBoolean routing, AtomicInteger answered,
            AtomicInteger closedByServer, ConcurrentLinkedQueue<String> failures) {
        Socket socket = null;
        String path = "/lookup/track/" + id;
        try {
            while (true) {
                if (socket == null) {
                    if (!routing.get()) {
                        return;
                    }
                    try {
                        socket = new Socket("127.0.0.1", port);
                        socket.setSoTimeout(30_000);
                    } catch (IOException e) {
                        failures.add("connect while /ready said 200: " + e);
                        return;
                    }
                }
                try {
                    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    ApiClient.Response res = ApiClient.read(socket.getInputStream(), "GET", path);
                    if (res.status() != 200) {
                        failures.add(path + " answered " + res.status() + ": " + res.text());
                    }
                    answered.incrementAndGet();
                    if ("close".equalsIgnoreCase(res.header("Connection"))) {
                        closedByServer.incrementAndGet();
                        socket.close();
                        socket = null;
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(path + " written and not answered: " + e);
                    return;
                }
            }
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }
}
