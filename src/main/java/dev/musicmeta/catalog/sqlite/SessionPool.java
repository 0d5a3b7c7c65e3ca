package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.CatalogUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of sessions, all opened up front (so a broken file fails at start-up, not on the
 * first request). Acquiring waits a bounded time, then gives up with
 * {@link CatalogUnavailableException}.
 *
 * <p>Last in, first out: the session released last is handed out next, so a steady load runs on
 * as few sessions as it keeps busy. Each session maps the files at its own addresses and holds
 * its own page cache, so a session just used finds its mappings and pages still in the CPU's
 * caches and TLB, where a queue would rotate through all of them.
 */
final class SessionPool implements AutoCloseable {

    private final LinkedBlockingDeque<Session> idle;
    private final long timeoutNanos;
    private volatile boolean closed;

    SessionPool(List<Session> sessions, Duration acquireTimeout) {
        this.idle = new LinkedBlockingDeque<>(sessions);
        this.timeoutNanos = acquireTimeout.toNanos();
    }

    Session acquire() {
        if (closed) {
            throw new CatalogUnavailableException("the catalog is closed", null);
        }
        Session session;
        try {
            session = idle.pollFirst(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("interrupted while waiting for a catalog connection", e);
        }
        if (session == null) {
            throw new CatalogUnavailableException("no catalog connection free within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms", null);
        }
        if (closed) {
            session.close();
            throw new CatalogUnavailableException("the catalog is closed", null);
        }
        return session;
    }

    void release(Session session) {
        if (closed) {
            session.close();
        } else {
            idle.offerFirst(session);
            if (closed) {
                close();
            }
        }
    }

    /** Closes idle sessions now and busy ones when they come back. */
    @Override
    public void close() {
        closed = true;
        for (Session session = idle.poll(); session != null; session = idle.poll()) {
            session.close();
        }
    }
}
