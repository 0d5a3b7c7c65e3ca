package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * stop() stops accepting connections at once and lets a request in flight finish. The request is
 * held inside the (real, SQLite) catalog by a latch, so "in flight" is certain, not timed.
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
    void aRequestInFlightFinishesWhileNewConnectionsAreRefused() throws Exception {
        HeldSearches catalog = new HeldSearches();
        TestServer server = TestServer.start(catalog);
        int port = server.server().port();

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
        catalog.release.countDown();

        assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        stopping.get(30, TimeUnit.SECONDS);
        assertThat(accepts(port)).isFalse();
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
