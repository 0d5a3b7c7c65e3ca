package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pool's permits: a request takes a free session ahead of waiting ones (no hand-off to a
 * parked thread), until the first in line has been overtaken the limit's number of times; then it
 * is served first.
 */
class SessionPermitsTest {

    private static final long SECONDS_10 = TimeUnit.SECONDS.toNanos(10);
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    @Test
    void aFreePermitIsTakenAheadOfAWaitingRequest() throws Exception {
        SessionPermits permits = new SessionPermits(1, NO_LIMIT);
        assertThat(permits.tryAcquire()).isTrue();
        CompletableFuture<Boolean> waiter = waitFor(permits);
        // A fair semaphore would hand every release to the waiter; here the releasing thread may
        // take it straight back (unless the waiter happens to be scheduled first, hence a few tries).
        boolean tookItBack = false;
        for (int i = 0; i < 20 && !tookItBack; i++) {
            permits.release();
            tookItBack = permits.tryAcquire();
            if (!tookItBack) { // the waiter got it: give it back and wait again
                assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
                permits.release();
                assertThat(permits.tryAcquire()).isTrue();
                waiter = waitFor(permits);
            }
        }
        assertThat(tookItBack).isTrue();
        permits.release();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRequestOvertakenTheLimitsNumberOfTimesIsServedBeforeANewcomer() throws Exception {
        int limit = 2;
        SessionPermits permits = new SessionPermits(1, limit);
        assertThat(permits.tryAcquire()).isTrue();
        CompletableFuture<Boolean> waiter = waitFor(permits);
        int overtaken = 0;
        for (int i = 0; i < 100 && overtaken < limit; i++) {
            permits.release();
            if (permits.tryAcquire()) {
                overtaken++;
            } else { // the waiter was scheduled first and served, which starts the count again
                assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
                permits.release();
                assertThat(permits.tryAcquire()).isTrue();
                waiter = waitFor(permits);
                overtaken = 0;
            }
        }
        assertThat(overtaken).isEqualTo(limit);
        permits.release();
        assertThat(permits.tryAcquire()).isFalse(); // however late the waiter is scheduled
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(permits.tryAcquire()).isFalse(); // the waiter holds it now
        permits.release();
        assertThat(permits.tryAcquire()).isTrue(); // nobody waits: served at once
    }

    @Test
    void aWaitThatTimesOutTakesNothing() throws Exception {
        SessionPermits permits = new SessionPermits(1, NO_LIMIT);
        assertThat(permits.tryAcquire()).isTrue();
        assertThat(permits.acquire(TimeUnit.MILLISECONDS.toNanos(20))).isFalse();
        permits.release();
        assertThat(permits.tryAcquireIfNoneWaits()).isTrue();
        assertThat(permits.tryAcquireIfNoneWaits()).isFalse();
    }

    /** A thread that waits up to 10 s for a permit, once it is queued. */
    @Test
    void aHelperTakesAPermitOnlyWhileEnoughStayFree() {
        SessionPermits permits = new SessionPermits(4, NO_LIMIT);
        assertThat(permits.tryAcquireLeaving(2)).isTrue();
        assertThat(permits.tryAcquireLeaving(2)).isTrue();
        assertThat(permits.tryAcquireLeaving(2)).isFalse(); // it would leave one
        assertThat(permits.tryAcquire()).isTrue(); // a request still takes what helpers may not
        assertThat(permits.tryAcquireLeaving(0)).isTrue();
        assertThat(permits.tryAcquireLeaving(0)).isFalse(); // none free
        permits.release();
        assertThat(permits.tryAcquireLeaving(1)).isFalse();
        assertThat(permits.tryAcquire()).isTrue();
    }

    private static CompletableFuture<Boolean> waitFor(SessionPermits permits) throws InterruptedException {
        CompletableFuture<Boolean> acquired = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                acquired.complete(permits.acquire(SECONDS_10));
            } catch (InterruptedException e) {
                acquired.completeExceptionally(e);
            }
        });
        thread.start();
        while (!permits.hasWaiters() && !acquired.isDone()) {
            Thread.sleep(1);
        }
        return acquired;
    }
}
