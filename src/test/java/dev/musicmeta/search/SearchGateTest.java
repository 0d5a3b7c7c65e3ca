package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.CatalogBusyException;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.testing.HandBuiltCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate in front of the index: as many searches at once as it has permits, the others served
 * in the order they came, and a search that finds no turn within its deadline refused as busy
 * (a 503 with Retry-After), not left to wait.
 */
class SearchGateTest {

    private static final long SECONDS_10 = TimeUnit.SECONDS.toNanos(10);

    @Test
    void asManySearchesAsPermitsEnterAtOnce() {
        SearchGate gate = new SearchGate(2);
        long first = gate.enter(0);
        long second = gate.enter(0);
        assertThatThrownBy(() -> gate.enter(TimeUnit.MILLISECONDS.toNanos(20)))
                .isInstanceOf(CatalogBusyException.class)
                .hasMessage("no search could start within 20 ms: 2 run and 0 wait");
        gate.leave(first);
        gate.leave(gate.enter(0));
        gate.leave(second);
    }

    @Test
    void aRefusedSearchIsToldWhenToRetry() {
        SearchGate gate = new SearchGate(1);
        long held = gate.enter(0);
        try {
            gate.enter(TimeUnit.MILLISECONDS.toNanos(5));
            throw new AssertionError("entered a full gate");
        } catch (CatalogBusyException e) {
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        }
        gate.leave(held);
    }

    @Test
    void waitingSearchesEnterInTheOrderTheyCame() throws Exception {
        SearchGate gate = new SearchGate(1);
        long held = gate.enter(0);
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            waiters.add(CompletableFuture.runAsync(() -> {
                long entered = gate.enter(SECONDS_10);
                order.add(n);
                gate.leave(entered);
            }, r -> new Thread(r).start()));
            waitUntilWaiting(gate, i + 1); // each queued before the next starts
        }
        gate.leave(held);
        for (CompletableFuture<Void> waiter : waiters) {
            waiter.get(10, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly(0, 1, 2, 3);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void anIndexAdmitsAsManySearchesAsCoresAndRefusesOneThatWaitsPastItsBudget(@TempDir Path dir) throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.create(dir.resolve("catalog"));
        long artist = c.artist("Zeta Ensemble", 1_000, "ambient");
        c.track("Etude", c.album("Studies", "2001-01-01", null, 10, artist), null, 50, artist);
        c.close();
        Path folder = TestIndexes.buildBeside(c.mainFile());
        int cores = Runtime.getRuntime().availableProcessors();
        try (SearchIndex index = SearchIndex.open(folder, Duration.ofMillis(200))) {
            CountDownLatch admitted = new CountDownLatch(cores);
            CountDownLatch done = new CountDownLatch(1);
            List<CompletableFuture<Long>> holders = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                holders.add(CompletableFuture.supplyAsync(() -> index.admit(() -> {
                    admitted.countDown();
                    await(done);
                    return index.search(SearchKind.TRACKS, new SearchRequest("etude", 10, 0)).total();
                }), r -> new Thread(r).start()));
            }
            assertThat(admitted.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            assertThatThrownBy(() -> index.admit(() -> "never run"))
                    .isInstanceOf(CatalogBusyException.class)
                    .hasMessageStartingWith("no search could start within 200 ms: " + cores + " run and ");
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
            done.countDown();
            for (CompletableFuture<Long> holder : holders) {
                assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo(1L);
            }
            assertThat(index.admit(() -> "admitted again")).isEqualTo("admitted again");
        }
    }

    @Test
    void aGateNeedsAPermit() {
        assertThatThrownBy(() -> new SearchGate(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a gate needs at least 1 permit, not 0");
        assertThat(SearchGate.perCore().permits()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntilWaiting(SearchGate gate, int n) throws InterruptedException {
        long until = System.nanoTime() + SECONDS_10;
        while (gate.waiting() < n && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertThat(gate.waiting()).isEqualTo(n);
    }
}
