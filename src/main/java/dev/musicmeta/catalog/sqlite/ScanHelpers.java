package dev.musicmeta.catalog.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The idle sessions, and the threads to run them, that a search without the index may add to its
 * own to scan parts of its table at once (as PostgreSQL's parallel sequential scan does). Only
 * what is free right now: a helper is never waited for, so a scan that finds none runs alone, as
 * it would anyway.
 *
 * <p>Two bounds keep a busy instance from paying for it. Threads: at most one scanning thread per
 * core, the requests' own included, over every search at once (a second thread on a core only
 * adds switches and a merge). Sessions: a helper takes one only while {@code keepIdle} others stay
 * idle after it and no request waits for one, so lookups keep what they would otherwise have.
 */
final class ScanHelpers implements AutoCloseable {

    private final SessionPool pool;
    private final int cores;
    private final int keepIdle;
    /** Threads scanning now: the searches' own and their helpers. */
    private final AtomicInteger scanning = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "catalog-scan");
        thread.setDaemon(true);
        return thread;
    });

    ScanHelpers(SessionPool pool, int cores, int keepIdle) {
        this.pool = pool;
        this.cores = cores;
        this.keepIdle = keepIdle;
    }

    /** A search's own thread starts scanning; pair with {@link #finished()}. */
    void started() {
        scanning.incrementAndGet();
    }

    void finished() {
        scanning.decrementAndGet();
    }

    /** The helpers' sessions free on those terms right now, at most {@code most}; each goes to {@link #run} or {@link #giveBack}. */
    List<Session> take(int most) {
        List<Session> taken = new ArrayList<>();
        while (taken.size() < most && claimCore()) {
            Session session = pool.tryAcquireIdle(keepIdle);
            if (session == null) {
                scanning.decrementAndGet();
                break;
            }
            taken.add(session);
        }
        return taken;
    }

    private boolean claimCore() {
        for (;;) {
            int now = scanning.get();
            if (now >= cores) {
                return false;
            }
            if (scanning.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** A helper's session not used after all. */
    void giveBack(Session session) {
        pool.release(session);
        scanning.decrementAndGet();
    }

    /**
     * Runs {@code work} on a helper's session on a thread of its own, as {@link SessionPool#readOn}
     * does (a failure handled as any read's), and gives the session back.
     *
     * @return null when no thread can take it (closed): the session is given back
     */
    <T> Future<T> run(Session session, SessionPool.Work<T> work) {
        try {
            return threads.submit(() -> {
                try {
                    return pool.readOn(session, work, false);
                } finally {
                    scanning.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException closed) {
            giveBack(session);
            return null;
        }
    }

    /** Lets the threads go once their parts end. */
    @Override
    public void close() {
        threads.shutdown();
    }
}
