package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.CatalogBusyException;
import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.EdgeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded pool: no free connection in time is CatalogUnavailableException, never a hang. */
class PoolTest {

    static EdgeCatalog edge;

    @BeforeAll
    static void build() {
        edge = EdgeCatalog.shared();
    }

    @Test
    void noFreeConnectionWithinTheTimeoutIsUnavailable() throws Exception {
        SqliteOptions options = SqliteOptions.defaults().withConnections(1).withAcquireTimeout(Duration.ofMillis(20));
        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(), options)) {
            Session held = catalog.pool().acquire();
            try {
                assertThatThrownBy(() -> catalog.track(TRACK_FULL))
                        .isInstanceOf(CatalogUnavailableException.class)
                        .hasMessageContaining("no catalog connection free within 20 ms");
            } finally {
                catalog.pool().release(held);
            }
            assertThat(catalog.track(TRACK_FULL)).isPresent();
        }
    }

    @Test
    void aRequestThatFindsTheQueueFullIsBusyAtOnceAndTheQueuedOneIsAnswered() throws Exception {
        SqliteOptions options = SqliteOptions.defaults().withConnections(1).withQueueLength(1);
        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(), options)) {
            Session held = catalog.pool().acquire();
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Optional<Track>> queued = thread.submit(() -> catalog.track(TRACK_FULL));
                while (catalog.pool().waiting() < 1) {
                    Thread.sleep(1);
                }
                assertThatThrownBy(() -> catalog.track(TRACK_FULL))
                        .isInstanceOfSatisfying(CatalogBusyException.class, e -> assertThat(e.retryAfterSeconds())
                                .isBetween(1L, 60L))
                        .hasMessageContaining("every catalog connection is busy and 1 requests wait already");
                catalog.pool().release(held);
                held = null;
                assertThat(queued.get()).isPresent();
            } finally {
                if (held != null) {
                    catalog.pool().release(held);
                }
                thread.shutdownNow();
            }
        }
    }

    @Test
    void everyConnectionOpensAtStartAndTheOthersPrepareTheirStatementsOnFirstUse() throws Exception {
        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(3))) {
            List<Session> sessions = List.of(catalog.pool().acquire(), catalog.pool().acquire(), catalog.pool().acquire());
            assertThat(sessions).extracting(Session::opened).containsExactly(true, true, true);
            releaseLastFirst(catalog, sessions);
            Optional<Track> onTheFirst = catalog.track(TRACK_FULL);

            Session held = catalog.pool().acquire(); // the first again: the read below gets the second
            try {
                assertThat(catalog.track(TRACK_FULL)).isPresent().isEqualTo(onTheFirst);
                assertThat(catalog.tracks(List.of(TRACK_FULL, TRACK_TEN_ARTISTS))).containsOnlyKeys(TRACK_FULL, TRACK_TEN_ARTISTS);
            } finally {
                catalog.pool().release(held);
            }
        }
    }

    /**
     * A refresh renames new files into place beside the served ones and checks them before it
     * swaps: meanwhile every connection of the served catalog, the ones no request has used yet
     * included, reads the files it opened, not the new file at their path.
     */
    @Test
    void connectionsNotUsedYetReadTheFilesTheCatalogOpenedNotOnesRenamedIntoPlace(@TempDir Path dir)
            throws Exception {
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        Files.copy(edge.files().main(), main);
        try (SqliteCatalog catalog = SqliteCatalog.open(new CatalogFiles(main, null),
                SqliteOptions.defaults().withConnections(3))) {
            Optional<Track> before = catalog.track(TRACK_FULL);
            assertThat(before).isPresent();
            Path half = dir.resolve("half.sqlite3");
            byte[] bytes = Files.readAllBytes(main);
            Files.write(half, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            Files.move(half, main, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            List<Session> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) { // each read on the next session no request has used
                    assertThat(catalog.track(TRACK_FULL)).isEqualTo(before);
                    held.add(catalog.pool().acquire());
                }
            } finally {
                releaseLastFirst(catalog, held);
            }
        }
    }

    /** Gives sessions back in the reverse of the order they were taken, so the next acquire gets the first. */
    private static void releaseLastFirst(SqliteCatalog catalog, List<Session> sessions) {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            catalog.pool().release(sessions.get(i));
        }
    }

    @Test
    void closedCatalogIsUnavailable() throws Exception {
        SqliteCatalog catalog = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(2));
        catalog.close();
        assertThatThrownBy(() -> catalog.artist(ARTIST_FULL)).isInstanceOf(CatalogUnavailableException.class)
                .hasMessageContaining("closed");
        catalog.close();
    }

    @Test
    void concurrentRequestsShareThePoolAndAgree() throws Exception {
        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(2))) {
            Map<String, Track> expected = catalog.tracks(bulkTrackIds());
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    int offset = t;
                    runs.add(threads.submit(() -> {
                        for (int i = offset; i < BULK; i += 6) {
                            String id = bulkTrackIds().get(i);
                            assertThat(catalog.track(id)).contains(expected.get(id));
                            assertThat(catalog.bestTrackByIsrc(bulkIsrcs().get(i))).contains(expected.get(id));
                        }
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
