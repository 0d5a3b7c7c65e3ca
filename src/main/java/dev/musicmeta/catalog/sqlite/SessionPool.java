package dev.musicmeta.catalog.sqlite;

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
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed set of sessions, all opened up front, so a broken file fails at start-up, not on the
 * first request. Acquiring waits a bounded time, then gives up with
 * {@link CatalogUnavailableException}.
 *
 * <p>Last in, first out: the session released last is handed out next, so a steady load runs on
 * as few sessions as it keeps busy. Each session maps the files at its own addresses and holds
 * its own page cache, so a session just used finds its mappings and pages still in the CPU's
 * caches and TLB, where a queue would rotate through all of them.
 *
 * <p>A read that fails because a file cannot be read (see {@link SqliteErrors#isFileFault}) closes
 * its session's connection, which the next use opens afresh, and is remembered as the pool's
 * {@linkplain #fault() fault} until {@link #replay} shows that it reads well again. Sessions
 * opened before an {@link #invalidate()} are opened afresh when next handed out.
 */
final class SessionPool implements AutoCloseable {

    private final LinkedBlockingDeque<Session> idle;
    private final int size;
    private final long timeoutNanos;
    private final List<String> warnings;
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

    SessionPool(List<Session> sessions, Duration acquireTimeout, List<String> warnings) {
        this.idle = new LinkedBlockingDeque<>(sessions);
        this.size = sessions.size();
        this.timeoutNanos = acquireTimeout.toNanos();
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Checks the files and opens every session: each table and column the service reads must
     * exist (a missing index is only one of the {@linkplain #warnings() warnings}), and every
     * statement is prepared, so a schema SQLite cannot plan fails here.
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
                Session session = Session.open(files, options, counter);
                sessions.add(session);
                prepareAll(session, files);
            }
            return new SessionPool(sessions, options.acquireTimeout(), warnings);
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
        return read(work, replayable, timeoutNanos);
    }

    /**
     * As {@link #read(Work)} on a session free right now: a probe must not queue behind requests.
     *
     * @throws CatalogUnavailableException (busy) when none is free
     */
    <T> T readNow(Work<T> work) {
        return read(work, true, 0);
    }

    private <T> T read(Work<T> work, boolean replayable, long waitNanos) {
        Session session = acquire(waitNanos);
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
     * @throws CatalogUnavailableException when it fails again, or finds no free session in time
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

    Session acquire() {
        return acquire(timeoutNanos);
    }

    private Session acquire(long waitNanos) {
        if (closed) {
            throw new CatalogUnavailableException("the catalog is closed", null);
        }
        Session session = idle.pollFirst();
        if (session == null && waitNanos == 0) {
            throw new CatalogUnavailableException("no catalog connection idle", null); // a probe's: not a wait
        }
        if (session == null) {
            session = await(waitNanos);
        }
        if (closed) {
            session.close();
            throw new CatalogUnavailableException("the catalog is closed", null);
        }
        int current = generation;
        if (session.generation() != current) {
            session.reset();
            session.generation(current);
        }
        return session;
    }

    /** Waits for a session to come back, up to the timeout; timed when bound to a registry. */
    private Session await(long waitNanos) {
        long started = System.nanoTime();
        Session session;
        try {
            session = idle.pollFirst(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("interrupted while waiting for a catalog connection", e);
        }
        Timer waited = waits;
        if (waited != null) {
            waited.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        if (session == null) {
            Counter gaveUp = timeouts;
            if (gaveUp != null) {
                gaveUp.increment();
            }
            throw new CatalogUnavailableException("no catalog connection free within "
                    + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms", null);
        }
        return session;
    }

    /**
     * Registers the pool's meters: its connections, those idle, the waits for one (a request that
     * found none idle) and the waits that gave up.
     */
    void bindTo(MeterRegistry registry) {
        Gauge.builder("mma.catalog.pool.connections", () -> size)
                .description("Catalog connections in the pool").register(registry);
        Gauge.builder("mma.catalog.pool.idle", idle, LinkedBlockingDeque::size)
                .description("Catalog connections idle now").register(registry);
        timeouts = Counter.builder("mma.catalog.pool.timeouts")
                .description("Requests that found no catalog connection free within the acquire timeout (503)")
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
