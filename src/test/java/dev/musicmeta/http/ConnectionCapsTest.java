package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connections are capped per client address and in total: one over a cap is closed as soon as it
 * is accepted, unanswered, while other clients are served. Bursts wait in a listen backlog of 1024
 * (the JDK's default is 50). Clients are told apart by their loopback address (all of 127/8 is
 * this machine).
 */
class ConnectionCapsTest {

    private static ServerConfig config(int total, int perClient) {
        return TestServer.config().withLimits(ConnectionLimits.defaults()
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)) // idle sockets stay for the test
                .withMaxConnections(total, perClient));
    }

    @Test
    void aClientOverItsCapIsRefusedWhileOthersAreServed() throws Exception {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(1_000, 4))) {
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(served(server, "127.0.0.1"));
            }
            assertThat(held).doesNotContainNull();

            assertThat(refused(server, "127.0.0.1")).as("a fifth connection from 127.0.0.1").isTrue();
            Socket other = served(server, "127.0.0.2");
            assertThat(other).as("another client").isNotNull();

            held.remove(0).close();
            assertThat(eventuallyServed(server, "127.0.0.1")).as("a connection from 127.0.0.1 once one closed").isTrue();
            other.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void pastTheTotalCapEveryNewConnectionIsRefused() throws Exception {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(6, 100))) {
            List<Socket> held = new ArrayList<>();
            for (String address : List.of("127.0.0.2", "127.0.0.3")) {
                for (int i = 0; i < 3; i++) {
                    held.add(served(server, address));
                }
            }
            assertThat(held).doesNotContainNull();

            assertThat(refused(server, "127.0.0.4")).as("a seventh connection").isTrue();

            held.remove(0).close();
            assertThat(eventuallyServed(server, "127.0.0.4")).isTrue();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aTrustedProxyIsCappedOnlyByTheTotal() throws Exception {
        ServerConfig config = config(1_000, 2).withTrustedProxies(TrustedProxies.parse("127.0.0.5/32"));
        try (TestServer server = TestServer.start(Fixtures.sample(), config)) {
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                held.add(served(server, "127.0.0.5"));
            }

            assertThat(held).doesNotContainNull();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aBurstWaitsInABacklogOf1024() throws Exception {
        int expected = Math.min(ConnectionLimits.DEFAULT_ACCEPT_QUEUE, somaxconn());
        try (TestServer server = TestServer.start(Fixtures.sample(), TestServer.config())) {
            server.server().connector().setAccepting(false); // what a busy acceptor looks like to the kernel
            Thread.sleep(100);
            List<SocketChannel> burst = new ArrayList<>();
            try {
                for (int i = 0; i < expected + 64; i++) {
                    SocketChannel c = SocketChannel.open();
                    c.configureBlocking(false);
                    c.connect(new InetSocketAddress("127.0.0.1", server.server().port()));
                    burst.add(c);
                }
                int connected = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                List<SocketChannel> pending = new ArrayList<>(burst);
                while (!pending.isEmpty() && System.nanoTime() < deadline) {
                    for (int i = pending.size() - 1; i >= 0; i--) {
                        try {
                            if (pending.get(i).finishConnect()) {
                                connected++;
                                pending.remove(i);
                            }
                        } catch (IOException refused) {
                            pending.remove(i);
                        }
                    }
                    Thread.sleep(20);
                }

                // the kernel completes the handshake of as many as the backlog holds, and drops the rest
                assertThat(connected).isGreaterThanOrEqualTo(expected).isLessThan(expected + 64);
            } finally {
                for (SocketChannel c : burst) {
                    c.close();
                }
                server.server().connector().setAccepting(true);
            }
        }
    }

    /** net.core.somaxconn, the kernel's cap on any backlog (4096 since Linux 5.4). */
    private static int somaxconn() throws IOException {
        Path p = Path.of("/proc/sys/net/core/somaxconn");
        // read as lines: procfs files report a size of 0, which readString trusts
        return Files.exists(p) ? Integer.parseInt(Files.readAllLines(p).get(0).strip()) : ConnectionLimits.DEFAULT_ACCEPT_QUEUE;
    }

    /** A connection from {@code address} that got a 200 for GET /health, or null if it did not. */
    private static Socket served(TestServer server, String address) throws IOException {
        Socket s = new Socket(InetAddress.getByName("127.0.0.1"), server.server().port(), InetAddress.getByName(address), 0);
        s.setSoTimeout(10_000);
        try {
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (ApiClient.read(s.getInputStream(), "GET", "/health").status() == 200) {
                return s;
            }
        } catch (IOException e) {
            // refused
        }
        s.close();
        return null;
    }

    /** Whether a connection from {@code address} is closed with no answer to a request. */
    private static boolean refused(TestServer server, String address) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), server.server().port(),
                InetAddress.getByName(address), 0)) {
            s.setSoTimeout(10_000);
            try {
                s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return s.getInputStream().read() == -1;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    private static boolean eventuallyServed(TestServer server, String address) throws Exception {
        for (int i = 0; i < 100; i++) {
            Socket s = served(server, address);
            if (s != null) {
                s.close();
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
