package dev.musicmeta.search;

import dev.musicmeta.catalog.CatalogBusyException;
import dev.musicmeta.catalog.CatalogUnavailableException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most as many searches at once as there are cores, the others queued first come first served.
 * A search (the index's part and the loading of its page's items, {@code Searcher.admit}) is CPU
 * work, its reads served from the page cache: 8 searches at once on 2 cores share them, so each
 * takes about four times its CPU time in wall time, the costliest most. One at a time per core, a
 * search waits for those ahead of it and then runs at full speed: the mean latency is the same
 * (the same work on the same cores), the tail far shorter (bench/RESULTS.md). The items are inside
 * the gate because they are most of a typical search's CPU: gating the index alone left them
 * sharing the cores with the gated work.
 *
 * <p>A fair semaphore, unlike the catalog's sessions ({@code SessionPermits}): a search holds its
 * turn for milliseconds, so the hand-over to a parked thread costs next to nothing beside it, and
 * a newcomer that went ahead of waiting searches would lengthen exactly the tail this is for.
 */
final class SearchGate {

    /** Until the first searches are timed: a guess for the Retry-After of an early refusal. */
    private static final long INITIAL_HOLD_NANOS = 10_000_000L;

    private final int permits;
    private final Semaphore semaphore;
    /** How long a search holds its permit, a moving average. */
    private volatile long meanHoldNanos = INITIAL_HOLD_NANOS;

    SearchGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a gate needs at least 1 permit, not " + permits);
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits, true);
    }

    /** A gate with one permit per core the JVM may use. */
    static SearchGate perCore() {
        return new SearchGate(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Waits for a turn, at most {@code timeoutNanos}, and returns when it began (for
     * {@link #leave}).
     *
     * @throws CatalogBusyException        when no turn came within {@code timeoutNanos}
     * @throws CatalogUnavailableException when interrupted while waiting
     */
    long enter(long timeoutNanos) {
        boolean entered;
        try {
            entered = semaphore.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("interrupted while waiting to search", e);
        }
        if (!entered) {
            int waiting = waiting();
            double seconds = (waiting + permits) * (double) meanHoldNanos / permits / 1e9;
            throw new CatalogBusyException("no search could start within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms: " + permits + " run and "
                    + waiting + " wait", (long) Math.ceil(seconds));
        }
        return System.nanoTime();
    }

    /** Ends the turn that began at {@code entered}. */
    void leave(long entered) {
        long held = System.nanoTime() - entered;
        meanHoldNanos += (held - meanHoldNanos) / 16; // a race loses an update of an estimate: harmless
        semaphore.release();
    }

    int permits() {
        return permits;
    }

    /** Searches waiting for a turn now (an estimate while they come and go). */
    int waiting() {
        return semaphore.getQueueLength();
    }
}
