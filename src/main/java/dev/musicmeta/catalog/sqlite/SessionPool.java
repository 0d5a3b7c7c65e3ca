package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.CatalogBusyException;
import dev.musicmeta.catalog.CatalogUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed set of sessions, each with its connection open from the start. The first is opened with
 * the files' checks and every statement prepared, so a broken file fails at start-up, not on the
 * first request; the others prepare each statement when they first run it, so a start does not
 * pay for statements a quiet instance never runs. Their connections open up front all the same: a
 * connection reads the files it opened, and one opened later by path would read whatever file had
 * been renamed into place meanwhile (a new catalog that a refresh is still checking, or refuses).
 *
 * <p>A request that finds every session busy waits in a bounded queue, first come first served;
 * only a request that finds the queue full (or waits past the acquire timeout, a safety net) is
 * refused, with {@link CatalogBusyException} and an estimate of when to retry. A burst the pool
 * can work through within the queue is answered, only later.
 *
 * <p>Sessions are handed out last in, first out: the session released last is handed out next,
 * so a steady load runs on as few sessions as it keeps busy. Each session maps the files at its
 * own addresses and holds its own page cache, so a session just used finds its mappings and pages
 * still in the CPU's caches and TLB, where a queue would rotate through all of them. Waiting
 * requests are served in order; a request that finds a session free takes it at once, unless the
 * first in line was overtaken too often ({@link SessionPermits}: a strictly fair hand-off made a lock
 * convoy of every lookup).
 *
 * <p>A read that fails because a file cannot be read (see {@link SqliteErrors#isFileFault}) closes
 * its session's connection, which the next use opens afresh, and is remembered as the pool's
 * {@linkplain #fault() fault} until {@link #replay} shows that it reads well again. Sessions
 * opened before an {@link #invalidate()} are opened afresh when next handed out.
 */
final class SessionPool implements AutoCloseable {

    /** Weight of the last hold in the running mean of hold times. */
    private static final double HOLD_WEIGHT = 1.0 / 16;
    private static final long MAX_RETRY_AFTER_SECONDS = 60;

    private final LinkedBlockingDeque<Session> idle;
    private final SessionPermits permits;
    private final int size;
    private final long timeoutNanos;
    private final int queueLength;
    private final AtomicInteger waiting = new AtomicInteger();
    private final List<String> warnings;
    /** Running mean of how long a request holds a session, for Retry-After; racy updates are fine. */
    private volatile double meanHoldNanos = TimeUnit.MILLISECONDS.toNanos(10);
    private volatile boolean closed;
    private volatile int generation;
    private final AtomicReference<Fault> fault = new AtomicReference<>();

    /**
     * A read that failed on a file fault.
     *
     * @param message what failed, for the log and {@code /ready}
     * @param replay  the failed work, to run again and see whether the files read well now; null
     *                when running it again could be slow (a search)
     */
    record Fault(String message, Work<?> replay) {}

    /** Requests that found no session idle: how long they waited; and those that gave up. Null until bound. */
    private volatile Timer waits;
    private volatile Counter timeouts;

    SessionPool(List<Session> sessions, Duration acquireTimeout, int queueLength, List<String> warnings) {
        this.idle = new LinkedBlockingDeque<>(sessions);
        this.size = sessions.size();
        this.permits = new SessionPermits(size, SessionPermits.DEFAULT_OVERTAKE_LIMIT);
        this.timeoutNanos = acquireTimeout.toNanos();
        this.queueLength = queueLength;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Checks the files and opens the first session: each table and column the service reads must
     * exist (a missing index is only one of the {@linkplain #warnings() warnings}), and every
     * statement is prepared, so a schema SQLite cannot plan fails here. The other sessions open
     * their connection on the same files now and prepare each statement when it is first run.
     *
     * @throws CatalogFileException when a file cannot be served; one line naming the file and the problem
     */
    static SessionPool open(CatalogFiles files, SqliteOptions options, StatementCounter counter)
            throws CatalogFileException {
        FileChecks.check(files.main());
        if (files.trackFiles() != null) {
            FileChecks.check(files.trackFiles());
        }
        List<Session> sessions = new ArrayList<>(options.connections());
        try {
            Session first = Session.open(files, options, counter);
            sessions.add(first);
            SchemaCheck.checkColumns(first, "main", files.main(), SchemaCheck.MAIN_COLUMNS);
            List<String> warnings = new ArrayList<>(
                    SchemaCheck.missingIndexes(first, "main", files.main(), SchemaCheck.MAIN_INDEXES));
            if (files.trackFiles() != null) {
                SchemaCheck.checkColumns(first, "tf", files.trackFiles(), SchemaCheck.TRACK_FILES_COLUMNS);
                warnings.addAll(SchemaCheck.missingIndexes(first, "tf", files.trackFiles(),
                        SchemaCheck.TRACK_FILES_INDEXES));
            }
            prepareAll(first, files);
            while (sessions.size() < options.connections()) {
                sessions.add(Session.open(files, options, counter));
            }
            return new SessionPool(sessions, options.acquireTimeout(), options.queueLength(), warnings);
        } catch (CatalogFileException | RuntimeException e) {
            sessions.forEach(Session::close);
            throw e;
        }
    }

    private static void prepareAll(Session session, CatalogFiles files) throws CatalogFileException {
        for (Sql sql : Sql.values()) {
            try {
                session.prepare(sql);
            } catch (SQLException e) {
                // The columns were checked already, so this is about the main file (or SQLite).
                throw new CatalogFileException(files.main() + ": cannot prepare a catalog query ("
                        + FileChecks.oneLine(e.getMessage()) + ")");
            }
        }
    }

    /** Start-up warnings: each missing index, named, with what gets slow without it. */
    List<String> warnings() {
        return warnings;
    }

    /** Work done on one session. */
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    /**
     * Runs {@code work} on a session of its own and gives the session back. A failure drops the
     * session's prepared statements (see {@link Session#discardStatements()}), or after a file
     * fault its connection; an SQL failure is {@link CatalogUnavailableException}, whose message is
     * for the log, {@linkplain CatalogUnavailableException#unreadable() unreadable} for a file fault.
     */
    <T> T read(Work<T> work) {
        return read(work, true);
    }

    /** As {@link #read(Work)}; {@code replayable} false keeps a failed {@code work} from being {@linkplain #replay run again}. */
    <T> T read(Work<T> work, boolean replayable) {
        return read(work, replayable, false);
    }

    /**
     * As {@link #read(Work)} on a session free right now: a probe must not queue behind requests.
     *
     * @throws CatalogUnavailableException when none is free
     */
    <T> T readNow(Work<T> work) {
        return read(work, true, true);
    }

    private <T> T read(Work<T> work, boolean replayable, boolean now) {
        return run(now ? acquireNow() : acquire(), work, replayable, !now);
    }

    /**
     * A session idle right now that leaves at least {@code keepIdle} others idle, never ahead of a
     * waiting request, nor counted as a wait: for work that only speeds up a request already
     * holding its own (a part of a scan), which must not take what lookups would wait for. Run
     * work on it with {@link #readOn}.
     *
     * @return null when none is free on those terms, or the pool is closed
     */
    Session tryAcquireIdle(int keepIdle) {
        if (closed || !permits.tryAcquireLeaving(keepIdle)) {
            return null;
        }
        try {
            return take();
        } catch (CatalogUnavailableException closedMeanwhile) {
            return null;
        }
    }

    /**
     * As {@link #read(Work, boolean)} on a session from {@link #tryAcquireIdle}, which it gives
     * back; its hold is no request's.
     */
    <T> T readOn(Session session, Work<T> work, boolean replayable) {
        return run(session, work, replayable, false);
    }

    private <T> T run(Session session, Work<T> work, boolean replayable, boolean timed) {
        long start = System.nanoTime();
        try {
            return work.run(session);
        } catch (SQLException e) {
            throw failed(session, e, e, work, replayable);
        } catch (CatalogUnavailableException e) {
            throw failed(session, e, e.getCause(), work, replayable);
        } catch (RuntimeException e) {
            if (SqliteErrors.isFileFault(e)) {
                throw failed(session, e, e, work, replayable);
            }
            session.discardStatements();
            throw e;
        } finally {
            if (timed) { // a probe's read, or a part's, is no request's hold
                long held = System.nanoTime() - start;
                meanHoldNanos += (held - meanHoldNanos) * HOLD_WEIGHT;
            }
            release(session);
        }
    }

    private CatalogUnavailableException failed(Session session, Exception thrown, Throwable sql, Work<?> work,
                                               boolean replayable) {
        String message = thrown instanceof CatalogUnavailableException c ? c.getMessage()
                : "reading the catalog failed: " + FileChecks.oneLine(sql == null ? null : sql.getMessage());
        if (SqliteErrors.isFileFault(thrown) || thrown instanceof CatalogUnavailableException c && c.unreadable()) {
            session.reset();
            fault.set(new Fault(message, replayable ? work : null));
            return thrown instanceof CatalogUnavailableException c && c.unreadable() ? c
                    : new CatalogUnavailableException(message, thrown, true);
        }
        session.discardStatements();
        return thrown instanceof CatalogUnavailableException c ? c : new CatalogUnavailableException(message, thrown);
    }

    /** The last read that failed on a file fault and has not read well since, or null. */
    Fault fault() {
        return fault.get();
    }

    /**
     * Runs the work of {@code f} again. When it reads well (or there is no work to run), forgets
     * {@code f} and {@linkplain #invalidate() opens every session afresh}, so that none keeps a
     * page it read from the damaged file.
     *
     * @throws CatalogUnavailableException when it fails again, or finds no free session now
     */
    void replay(Fault f) {
        if (f.replay() != null) {
            readNow(f.replay());
        }
        if (fault.compareAndSet(f, null)) {
            invalidate();
        }
    }

    /** Every session opens a new connection when next handed out: the files changed under them. */
    void invalidate() {
        generation++;
    }

    /**
     * A free session: at once, or after the requests queued before this one. Pair with
     * {@link #release}.
     *
     * @throws CatalogBusyException        when the queue is full or no session came within the timeout
     * @throws CatalogUnavailableException when the pool is closed
     */
    Session acquire() {
        if (closed) {
            throw new CatalogUnavailableException("the catalog is closed", null);
        }
        try {
            if (!permits.tryAcquire()) { // ahead of waiting requests, a bounded number of times
                if (waiting.incrementAndGet() > queueLength) {
                    waiting.decrementAndGet();
                    Counter refused = timeouts;
                    if (refused != null) {
                        refused.increment();
                    }
                    throw busy("every catalog connection is busy and " + queueLength + " requests wait already");
                }
                long started = System.nanoTime();
                boolean acquired;
                try {
                    acquired = permits.acquire(timeoutNanos);
                } finally {
                    waiting.decrementAndGet();
                }
                Timer waited = waits;
                if (waited != null) {
                    waited.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
                if (!acquired) {
                    Counter gaveUp = timeouts;
                    if (gaveUp != null) {
                        gaveUp.increment();
                    }
                    throw busy("no catalog connection free within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                            + " ms");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("interrupted while waiting for a catalog connection", e);
        }
        return take();
    }

    /**
     * A session free right now, never ahead of a waiting request, neither queued nor counted as a
     * wait: a probe's. Pair with {@link #release}.
     *
     * @throws CatalogUnavailableException when none is free, or the pool is closed
     */
    private Session acquireNow() {
        if (closed) {
            throw new CatalogUnavailableException("the catalog is closed", null);
        }
        if (!permits.tryAcquireIfNoneWaits()) {
            throw new CatalogUnavailableException("no catalog connection idle", null);
        }
        return take();
    }

    /** The session a permit just taken guarantees, opened afresh if the files changed since it was. */
    private Session take() {
        Session session = idle.pollFirst(); // a permit guarantees one, unless the pool closed meanwhile
        if (closed || session == null) {
            if (session != null) {
                session.close();
            }
            permits.release();
            throw new CatalogUnavailableException("the catalog is closed", null);
        }
        int current = generation;
        if (session.generation() != current) {
            session.reset();
            session.generation(current);
        }
        return session;
    }

    /**
     * Registers the pool's meters: its connections, those idle, the requests queued for one, the
     * waits (a request that found none free) and the requests refused (503: the queue full, or no
     * connection within the acquire timeout). The counter and timer carry on across refreshes; the
     * gauges follow this pool from now on.
     */
    void bindTo(MeterRegistry registry) {
        // A refreshed catalog's pool replaces the last one's gauges: registering an id again
        // would return the old gauge, which would go on reading the closed pool.
        for (String gauge : new String[] {"mma.catalog.pool.connections", "mma.catalog.pool.idle", "mma.catalog.pool.queued"}) {
            registry.find(gauge).meters().forEach(registry::remove);
        }
        Gauge.builder("mma.catalog.pool.connections", () -> size)
                .description("Catalog connections in the pool").register(registry);
        Gauge.builder("mma.catalog.pool.idle", idle, LinkedBlockingDeque::size)
                .description("Catalog connections idle now").register(registry);
        Gauge.builder("mma.catalog.pool.queued", waiting, AtomicInteger::get)
                .description("Requests waiting for a catalog connection now").register(registry);
        timeouts = Counter.builder("mma.catalog.pool.timeouts")
                .description("Requests refused a catalog connection (503): the queue full, or none free within the acquire timeout")
                .register(registry);
        waits = Timer.builder("mma.catalog.pool.waits")
                .description("Requests that found no catalog connection idle, by how long they waited for one")
                .register(registry);
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
        permits.release();
    }

    /** Sessions idle now. */
    int idleNow() {
        return idle.size();
    }

    /** Requests waiting for a session now. */
    int waiting() {
        return waiting.get();
    }

    /** Refused for now: retry once the requests queued now are likely through. */
    private CatalogBusyException busy(String message) {
        double seconds = (waiting.get() + size) * meanHoldNanos / size / 1e9;
        return new CatalogBusyException(message, Math.min(MAX_RETRY_AFTER_SECONDS, (long) Math.ceil(seconds)));
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
