package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.SearchTimeoutException;
import dev.musicmeta.catalog.Searcher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.sqlite.ProgressHandler;

/**
 * Search without the search index: one scan of the names, case-insensitive (Unicode) substring
 * match by {@link NameMatchFunction} inside SQLite so only matches reach Java. Order: exact
 * (folded) name first, then names starting with the query, then the rest; within each, weight
 * (popularity, or followers for artists) descending with NULL last, then rowid. Keeps only the
 * best {@code offset + limit} (at most 10 000) in a heap while counting every match, so
 * {@code total} is exact and memory stays bounded. Bounded in time: SQLite's progress handler
 * interrupts the scan once the budget is spent.
 *
 * <p>A scan holds its connection for long, so at most half of the connections (at least one) run
 * such searches at once; lookups always keep the rest.
 */
final class FallbackSearch implements Searcher {

    private record Hit(int rank, long weight, long rowid) {}

    private static final Comparator<Hit> BEST_FIRST = (a, b) -> {
        if (a.rank != b.rank) {
            return Integer.compare(a.rank, b.rank);
        }
        if (a.weight != b.weight) {
            return Long.compare(b.weight, a.weight);
        }
        return Long.compare(a.rowid, b.rowid);
    };

    /** VM instructions between budget checks: frequent enough, cheap enough. */
    private static final int PROGRESS_OPS = 1000;

    private final SessionPool pool;
    private final Semaphore slots;
    private final Duration acquireTimeout;
    private final Duration budget;

    FallbackSearch(SessionPool pool, SqliteOptions options) {
        this.pool = pool;
        this.slots = new Semaphore(Math.max(1, options.connections() / 2), true);
        this.acquireTimeout = options.acquireTimeout();
        this.budget = options.searchBudget();
    }

    /** The scan of a table's names: rowid, rank (as stored) and match rank of each matching row. */
    static String scan(String table, String rankColumn) {
        String match = NameMatchFunction.NAME + "(name)";
        return "SELECT rowid, " + rankColumn + ", " + match + " FROM " + table + " WHERE " + match + " > 0";
    }

    /** @throws SearchTimeoutException when the scan runs past the budget */
    @Override
    public SearchHits search(SearchKind kind, SearchRequest request) {
        Sql sql = switch (kind) {
            case TRACKS -> Sql.SEARCH_TRACKS;
            case ARTISTS -> Sql.SEARCH_ARTISTS;
            case ALBUMS -> Sql.SEARCH_ALBUMS;
        };
        acquireSlot();
        try {
            return pool.read(session -> run(session, sql, kind, request), false); // a search is no quick recheck
        } finally {
            slots.release();
        }
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new CatalogUnavailableException("every search slot is busy with searches without the"
                        + " search index", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("interrupted while waiting for a search slot", e);
        }
    }

    private SearchHits run(Session session, Sql sql, SearchKind kind, SearchRequest request) throws SQLException {
        int window = request.offset() + request.limit();
        Deadline deadline = new Deadline(budget);
        PriorityQueue<Hit> best = new PriorityQueue<>(Math.min(window, 1024) + 1, BEST_FIRST.reversed());
        long total = 0;
        session.nameMatch().query(TextFold.fold(request.q()));
        session.progressHandler(PROGRESS_OPS, deadline);
        long started = session.clock();
        try (ResultSet rs = session.query(sql)) {
            while (rs.next()) {
                if (deadline.passed()) {
                    throw timeout(budget);
                }
                total++;
                Hit hit = new Hit(rs.getInt(3), weight(kind, rs), rs.getLong(1));
                if (best.size() < window) {
                    best.add(hit);
                } else if (BEST_FIRST.compare(hit, best.peek()) < 0) {
                    best.poll();
                    best.add(hit);
                }
            }
        } catch (SQLException e) {
            if (deadline.fired) {
                throw timeout(budget);
            }
            throw e;
        } finally {
            session.finished(sql, started);
            session.progressHandler(0, null);
        }
        List<Hit> sorted = new ArrayList<>(best);
        sorted.sort(BEST_FIRST);
        int from = Math.min(request.offset(), sorted.size());
        long[] page = new long[sorted.size() - from];
        for (int i = from; i < sorted.size(); i++) {
            page[i - from] = sorted.get(i).rowid;
        }
        return new SearchHits(page, total);
    }

    /** The rank as served (NULL, dirty or out of range ranks as -1, below every real value). */
    private static long weight(SearchKind kind, ResultSet rs) throws SQLException {
        Long stored = Values.integer(rs, 2);
        Number served = kind == SearchKind.ARTISTS ? (Number) Values.bigCount(stored) : Values.popularity(stored);
        return served == null ? -1 : served.longValue();
    }

    private static SearchTimeoutException timeout(Duration budget) {
        return new SearchTimeoutException("the search ran past its time budget of " + describe(budget)
                + " without the search index; try a more specific query (more or longer words),"
                + " or build the search index");
    }

    private static String describe(Duration budget) {
        long millis = budget.toMillis();
        if (millis >= 1000 && millis % 1000 == 0) {
            return budget.toSeconds() + " s";
        }
        return millis >= 1 ? millis + " ms" : budget.toNanos() + " ns";
    }

    /** Tells SQLite to stop once the budget is spent. */
    private static final class Deadline extends ProgressHandler {

        private final long start = System.nanoTime();
        private final long budgetNanos;
        volatile boolean fired;

        Deadline(Duration budget) {
            this.budgetNanos = budget.toNanos();
        }

        boolean passed() {
            return System.nanoTime() - start >= budgetNanos;
        }

        @Override
        protected int progress() {
            if (passed()) {
                fired = true;
                return 1;
            }
            return 0;
        }
    }
}
