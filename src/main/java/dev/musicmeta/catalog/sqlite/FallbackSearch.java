package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.SearchTimeoutException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.sqlite.ProgressHandler;

/**
 * Search without the search index: one scan of the names, case-insensitive (Unicode) substring
 * match by {@link NameMatchFunction} inside SQLite so only matches reach Java. Order: exact
 * (folded) name first, then names starting with the query, then the rest; within each, weight
 * (popularity, or followers for artists) descending with NULL last, then rowid. Keeps only the
 * best {@code offset + limit} (at most 10 000) in a heap while counting every match, so
 * {@code total} is exact and memory stays bounded. Bounded in time: SQLite's progress handler
 * interrupts the scan once the budget is spent.
 */
final class FallbackSearch {

    /** The rowids of one page and the number of all matches. */
    record Hits(List<Long> rowids, long total) {}

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

    private FallbackSearch() {}

    /** {@code sql} selects rowid, weight and the match rank of the matching rows. */
    static Hits run(Session session, Sql sql, SearchRequest request, Duration budget) throws SQLException {
        int window = request.offset() + request.limit();
        Deadline deadline = new Deadline(budget);
        PriorityQueue<Hit> best = new PriorityQueue<>(Math.min(window, 1024) + 1, BEST_FIRST.reversed());
        long total = 0;
        session.nameMatch().query(TextFold.fold(request.q()));
        session.progressHandler(PROGRESS_OPS, deadline);
        try (ResultSet rs = session.query(sql)) {
            while (rs.next()) {
                if (deadline.passed()) {
                    throw timeout(budget);
                }
                total++;
                Hit hit = new Hit(rs.getInt(3), weight(sql, rs), rs.getLong(1));
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
            session.progressHandler(0, null);
        }
        List<Hit> sorted = new ArrayList<>(best);
        sorted.sort(BEST_FIRST);
        List<Long> page = new ArrayList<>(request.limit());
        for (int i = request.offset(); i < sorted.size() && i < window; i++) {
            page.add(sorted.get(i).rowid);
        }
        return new Hits(page, total);
    }

    /** The weight as served (NULL, dirty or out of range ranks as -1, below every real value). */
    private static long weight(Sql sql, ResultSet rs) throws SQLException {
        if (sql == Sql.SEARCH_ARTISTS) {
            Long followers = Values.bigCount(rs, 2);
            return followers == null ? -1 : followers;
        }
        Integer popularity = Values.popularity(rs, 2);
        return popularity == null ? -1 : popularity;
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
