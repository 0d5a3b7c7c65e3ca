package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.TRACK_FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.SearchTimeoutException;
import dev.musicmeta.testing.EdgeCatalog;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The catalog's meters once bound: each statement timed under its kind, the waits for a
 * connection and the waits that gave up, the caches' hits and misses, and searches by searcher
 * and outcome. Before binding nothing is recorded.
 */
class CatalogMetersTest {

    private static final EdgeCatalog EDGE = EdgeCatalog.shared();

    /** Statements timed so far, by kind. */
    private static Map<String, Long> statementsByKind(SimpleMeterRegistry registry) {
        Map<String, Long> byKind = new TreeMap<>();
        for (Timer timer : registry.find("mma.catalog.statements").timers()) {
            byKind.put(timer.getId().getTag("kind"), timer.count());
        }
        return byKind;
    }

    private static double cacheGets(SimpleMeterRegistry registry, String cache, String result) {
        return registry.get("cache.gets").tags("cache", cache, "result", result).functionCounter().count();
    }

    @Test
    void everyStatementIsTimedUnderItsKindAndTheCachesCountHitsAndMisses() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SqliteCatalog catalog = SqliteCatalog.open(EDGE.files(), SqliteOptions.defaults().withConnections(2))) {
            catalog.track(TRACK_FULL); // before binding: not timed
            catalog.bindTo(registry);
            assertThat(statementsByKind(registry)).isEmpty();

            long before = catalog.statements().total();
            catalog.track(TRACK_FULL); // its artists and album are cached now
            catalog.track(TRACK_FULL);
            Map<String, Long> byKind = statementsByKind(registry);
            assertThat(byKind).containsEntry("tracks_by_id", 2L);
            assertThat(byKind.values().stream().mapToLong(Long::longValue).sum())
                    .as("every statement counted is timed").isEqualTo(catalog.statements().total() - before);

            // the caches' own counts since they were made: the first lookup missed the album, the others hit it
            assertThat(cacheGets(registry, "artists", "hit")).isPositive();
            assertThat(cacheGets(registry, "albums", "miss")).isEqualTo(1.0);
            assertThat(cacheGets(registry, "albums", "hit")).isEqualTo(2.0);
            assertThat(registry.get("cache.size").tag("cache", "albums").gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    void searchesAreTimedBySearcherAndOutcomeAndTheFallbackIsFlagged() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SqliteCatalog catalog = SqliteCatalog.open(EDGE.files(), SqliteOptions.defaults().withConnections(1));
             SqliteCatalog tiny = SqliteCatalog.open(EDGE.files(),
                     SqliteOptions.defaults().withConnections(1).withSearchBudget(Duration.ofNanos(1)))) {
            catalog.bindTo(registry);
            SimpleMeterRegistry tinyRegistry = new SimpleMeterRegistry();
            tiny.bindTo(tinyRegistry);

            catalog.searchArtists(new SearchRequest("beyonce", 5, 0));
            assertThatThrownBy(() -> tiny.searchArtists(new SearchRequest("matches nothing", 5, 0)))
                    .isInstanceOf(SearchTimeoutException.class);

            assertThat(registry.get("mma.search.fallback").gauge().value()).isEqualTo(1.0);
            assertThat(searches(registry, "artists", "ok")).isEqualTo(1);
            assertThat(searches(registry, "tracks", "ok")).isZero();
            assertThat(searches(tinyRegistry, "artists", "timeout")).isEqualTo(1);
            assertThat(searches(tinyRegistry, "artists", "ok")).isZero();
            assertThat(statementsByKind(registry)).containsEntry("search_artists", 1L);
            assertThat(statementsByKind(tinyRegistry)).containsEntry("search_artists", 1L);
        }
    }

    private static long searches(SimpleMeterRegistry registry, String kind, String outcome) {
        return registry.get("mma.search").tags("kind", kind, "searcher", "fallback", "outcome", outcome).timer().count();
    }

    @Test
    void aRequestThatFindsNoConnectionIdleIsTimedAndOneThatGivesUpIsCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SqliteOptions options = SqliteOptions.defaults().withConnections(1).withAcquireTimeout(Duration.ofSeconds(30));
        try (SqliteCatalog catalog = SqliteCatalog.open(EDGE.files(), options)) {
            catalog.bindTo(registry);
            catalog.track(TRACK_FULL); // the connection was idle: no wait
            Timer waits = registry.get("mma.catalog.pool.waits").timer();
            assertThat(waits.count()).isZero();
            assertThat(registry.get("mma.catalog.pool.connections").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("mma.catalog.pool.idle").gauge().value()).isEqualTo(1.0);

            Session held = catalog.pool().acquire();
            assertThat(registry.get("mma.catalog.pool.idle").gauge().value()).isEqualTo(0.0);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    catalog.track(TRACK_FULL);
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            waiter.start();
            while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.isAlive()) {
                Thread.onSpinWait(); // until it waits for the connection
            }
            Thread.sleep(50);
            catalog.pool().release(held);
            waiter.join();
            assertThat(failed.get()).isNull();
            assertThat(waits.count()).isEqualTo(1);
            assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(50);
            assertThat(registry.get("mma.catalog.pool.timeouts").counter().count()).isZero();
        }

        SqliteOptions impatient = options.withAcquireTimeout(Duration.ofMillis(20));
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        try (SqliteCatalog catalog = SqliteCatalog.open(EDGE.files(), impatient)) {
            catalog.bindTo(second);
            Session held = catalog.pool().acquire();
            try {
                assertThatThrownBy(() -> catalog.track(TRACK_FULL)).isInstanceOf(CatalogUnavailableException.class);
            } finally {
                catalog.pool().release(held);
            }
            assertThat(second.get("mma.catalog.pool.timeouts").counter().count()).isEqualTo(1.0);
            assertThat(second.get("mma.catalog.pool.waits").timer().count()).isEqualTo(1);
        }
    }
}
