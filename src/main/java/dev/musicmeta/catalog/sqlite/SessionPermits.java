package dev.musicmeta.catalog.sqlite;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * One permit per session: a semaphore that lets a request take a permit that is free right now,
 * ahead of requests waiting for one, unless the first in line has been overtaken that way
 * {@code overtakeLimit} times since it was last served; then a newcomer queues behind it. Waiting
 * requests are served first come first served.
 *
 * <p>Why not a fair semaphore: it hands each released permit to the thread parked longest, which
 * must then be woken and scheduled before the session is used again, while the thread that
 * released it parks at its next request. On 2 cores with 32 connections that is a context switch
 * or two per lookup and sessions idle while their next owner waits for a core (a lock convoy): a
 * track lookup cost about twice the CPU and the rate fell by 3 to 4 (bench/RESULTS.md, "the
 * lookup regression"). Taking a free permit at once keeps a running thread running. The limit is
 * counted in permits, not in time, so that a machine short of CPU (where every wait is long) does
 * not fall back into the convoy; it bounds how many requests can go ahead of a waiting one. The
 * queue's length, not this, decides who is refused.
 */
final class SessionPermits {

    /** Newcomers that may go ahead of the first waiting request in a row. */
    static final int DEFAULT_OVERTAKE_LIMIT = 32;

    private final Sync sync;

    SessionPermits(int permits, int overtakeLimit) {
        this.sync = new Sync(permits, overtakeLimit);
    }

    /** A permit free right now, taken ahead of waiting requests unless the first was overtaken too often. */
    boolean tryAcquire() {
        return sync.tryAcquireShared(1) >= 0;
    }

    /** A permit free right now and wanted by no waiting request: a probe's. */
    boolean tryAcquireIfNoneWaits() {
        return !sync.hasQueuedThreads() && sync.tryAcquireShared(1) >= 0;
    }

    /**
     * A permit free right now that leaves at least {@code keep} others free, wanted by no waiting
     * request: one that only speeds up work already under way, and must never take what a
     * request would wait for.
     */
    boolean tryAcquireLeaving(int keep) {
        return !sync.hasQueuedThreads() && sync.tryTakeLeaving(keep);
    }

    /** Waits in line for a permit, at most {@code timeoutNanos}. */
    boolean acquire(long timeoutNanos) throws InterruptedException {
        return sync.tryAcquireSharedNanos(1, timeoutNanos);
    }

    void release() {
        sync.releaseShared(1);
    }

    /** Whether a request waits for a permit now. */
    boolean hasWaiters() {
        return sync.hasQueuedThreads();
    }

    private static final class Sync extends AbstractQueuedSynchronizer {

        private final int overtakeLimit;
        /** Permits taken ahead of the first waiting request since it (or the one before it) was served. */
        private final AtomicInteger overtaken = new AtomicInteger();

        Sync(int permits, int overtakeLimit) {
            setState(permits);
            this.overtakeLimit = overtakeLimit;
        }

        @Override
        protected int tryAcquireShared(int acquires) {
            boolean ahead = hasQueuedPredecessors(); // others wait, and this thread is not first in line
            if (ahead && overtaken.get() >= overtakeLimit) {
                return -1;
            }
            for (;;) {
                int available = getState();
                int remaining = available - acquires;
                if (remaining < 0) {
                    return remaining;
                }
                if (compareAndSetState(available, remaining)) {
                    if (ahead) {
                        overtaken.incrementAndGet();
                    } else if (hasQueuedThreads()) { // the first in line was served
                        overtaken.set(0);
                    }
                    return remaining;
                }
            }
        }

        boolean tryTakeLeaving(int keep) {
            for (;;) {
                int available = getState();
                if (available - 1 < keep) {
                    return false;
                }
                if (compareAndSetState(available, available - 1)) {
                    return true;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(int releases) {
            for (;;) {
                int current = getState();
                if (compareAndSetState(current, current + releases)) {
                    return true;
                }
            }
        }
    }
}
