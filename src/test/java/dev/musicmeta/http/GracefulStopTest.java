package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * stop() stops accepting connections at once, answers 503 on connections already open and lets a
 * request in flight finish. The request is held inside the (real, SQLite) catalog by a latch, so
 * "in flight" is certain, not timed.
 */
class GracefulStopTest {

    /** The sample catalog, with track searches that wait for a signal once they have started. */
    private static final class HeldSearches implements Catalog {
        final Catalog real = Fixtures.sample();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

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

        @Override public Map<String, Track> tracks(Collection<String> ids) { return real.tracks(ids); }
        @Override public Map<String, Artist> artists(Collection<String> ids) { return real.artists(ids); }
        @Override public Map<String, Album> albums(Collection<String> ids) { return real.albums(ids); }
        @Override public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) { return real.tracksByIsrc(isrcs); }
        @Override public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) { return real.bestTrackByIsrc(isrcs); }
        @Override public Optional<List<Track>> albumTracks(String albumId) { return real.albumTracks(albumId); }
        @Override public Page<Artist> searchArtists(SearchRequest request) { return real.searchArtists(request); }
        @Override public Page<Album> searchAlbums(SearchRequest request) { return real.searchAlbums(request); }
        @Override public void close() {}
    }

    @Test
    void aRequestInFlightFinishesWhileNewConnectionsAreRefusedAndOpenOnesGet503() throws Exception {
        HeldSearches catalog = new HeldSearches();
        TestServer server = TestServer.start(catalog);
        int port = server.server().port();
        Socket keptAlive = new Socket("127.0.0.1", port);
        keptAlive.setSoTimeout(30_000);
        assertThat(exchange(keptAlive)).startsWith("HTTP/1.1 200");

        CompletableFuture<ApiClient.Response> inFlight =
                CompletableFuture.supplyAsync(() -> server.client().get("/search/track?q=ab&limit=2"));
        assertThat(catalog.started.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (accepts(port) && System.nanoTime() < deadline) {
            Thread.sleep(20); // until the connector has closed
        }
        assertThat(accepts(port)).as("accepting connections while stopping").isFalse();
        assertThat(stopping).isNotDone();
        String during = exchange(keptAlive);
        assertThat(during).startsWith("HTTP/1.1 503").contains("application/problem+json")
                .contains("/problems/unavailable");
        keptAlive.close();
        catalog.release.countDown();

        assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        stopping.get(30, TimeUnit.SECONDS);
        assertThat(accepts(port)).isFalse();
    }

    /** One GET /health on an open connection; the raw answer, read up to its Content-Length. */
    private static String exchange(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        String[] lines = head.toString().strip().split("\r\n");
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] kv = lines[i].split(":", 2);
            headers.computeIfAbsent(kv[0].strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(kv[1].strip());
        }
        OpenApiValidator.INSTANCE.validate("GET", "/health", Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        return head + new String(body, StandardCharsets.UTF_8);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
