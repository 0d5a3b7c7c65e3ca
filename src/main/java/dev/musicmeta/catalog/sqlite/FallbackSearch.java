package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.InvalidSearchException;
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
import java.util.regex.Pattern;
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

    /**
     * A filter as the search index reads one for each kind: a known name and a colon at the start
     * of a word. A filter that does not apply to the kind ({@code isrc:} on albums and artists,
     * {@code upc:} on artists) is plain words there, as with the index.
     */
    private static final Pattern TRACK_FILTER = filter("artist|album|track|genre|year|isrc|upc");
    private static final Pattern ALBUM_FILTER = filter("artist|album|track|genre|year|upc");
    private static final Pattern ARTIST_FILTER = filter("artist|album|track|genre|year");

    /**
     * VM instructions between budget checks: about a thousand rows of a scan, a tenth of a
     * millisecond; each check is a call from SQLite into Java, and one every thousand
     * instructions cost a scan about 1.5% of its CPU.
     */
    private static final int PROGRESS_OPS = 10_000;

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

    /**
     * The {@link ScanFilter}'s test of a name: its runs ?3 (LIKE, when there are any), one of its
     * spellings ?6 to ?9 (GLOBs, when there are any), and its LIKE pattern ?1 or its GLOB pattern
     * ?2, which only names past ASCII can pass (the byte and char counts, both cheap, tell those
     * apart).
     */
    static final String PREFILTER = "(?3 IS NULL OR name LIKE ?3 ESCAPE '\\')"
            + " AND (?6 IS NULL OR name GLOB ?6 OR name GLOB ?7 OR name GLOB ?8 OR name GLOB ?9)"
            + " AND (name LIKE ?1 ESCAPE '\\' OR (?2 IS NOT NULL AND octet_length(name) > length(name) AND name GLOB ?2))";

    /** The whitespace that {@link String#strip} takes off a name of ASCII, for SQL's trim(). */
    private static final String ASCII_SPACE = "' ' || char(9, 10, 11, 12, 13, 28, 29, 30, 31)";

    /**
     * The scan of a table's names: rowid, rank (as stored) and match rank of each row that passes
     * the {@link ScanFilter}. A name of ASCII (as many bytes as chars) is ranked in SQLite, where
     * {@link TextFold} amounts to ASCII case folding and stripping whitespace (?4 the query, ?5 the
     * query then %, as LIKE patterns); such a name passes the filter only by its LIKE ?1,
     * {@code %query%}, so it contains the query at least. Any other name is ranked by
     * {@link NameMatchFunction}. A match rank of 0 is no match.
     *
     * <p>Most matches only contain the query, so the ASCII ranking tests first what is cheap: a
     * name that starts with the query (the query starts with no whitespace) is exact when its end
     * trimmed is the query; one that does not, and starts past the space (so with no whitespace
     * of {@code ASCII_SPACE}), only contains it. Only names that start with a space or a control
     * char pay for the copies {@code trim} makes.
     */
    static String scan(String table, String rankColumn) {
        return "SELECT rowid, " + rankColumn + ", CASE WHEN octet_length(name) > length(name) THEN "
                + NameMatchFunction.NAME + "(name)"
                + " WHEN name LIKE ?5 ESCAPE '\\' THEN CASE WHEN rtrim(name, " + ASCII_SPACE + ") LIKE ?4 ESCAPE '\\'"
                + " THEN " + TextFold.EXACT + " ELSE " + TextFold.PREFIX + " END"
                + " WHEN unicode(name) > 32 THEN " + TextFold.CONTAINS
                + " WHEN trim(name, " + ASCII_SPACE + ") LIKE ?4 ESCAPE '\\' THEN " + TextFold.EXACT
                + " WHEN ltrim(name, " + ASCII_SPACE + ") LIKE ?5 ESCAPE '\\' THEN " + TextFold.PREFIX
                + " ELSE " + TextFold.CONTAINS + " END FROM " + table
                + " WHERE " + PREFILTER;
    }

    private static Pattern filter(String names) {
        return Pattern.compile("(?:^|[\\s\\u00A0\\u2007\\u202F])(?i:" + names + "):", Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** @throws SearchTimeoutException when the scan runs past the budget */
    @Override
    public SearchHits search(SearchKind kind, SearchRequest request) {
        KeyFilter filter = KeyFilter.of(kind, request.q());
        if (filter != null) { // an ISRC or a UPC: the files' indexes find it, no scan and no search slot
            return pool.read(session -> filter.run(session, request));
        }
        Pattern filters = switch (kind) {
            case TRACKS -> TRACK_FILTER;
            case ALBUMS -> ALBUM_FILTER;
            case ARTISTS -> ARTIST_FILTER;
        };
        if (filters.matcher(request.q()).find()) {
            throw new InvalidSearchException("q: filters such as artist:, album: or year: need the search index,"
                    + " which this server runs without (isrc: and upc: alone work without it); search by words"
                    + " only, or build the index (the index command) and restart");
        }
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
        String folded = TextFold.fold(request.q());
        ScanFilter filter = ScanFilter.of(folded);
        session.nameMatch().query(folded);
        session.progressHandler(PROGRESS_OPS, deadline);
        String like = ScanFilter.escapeLike(folded);
        long started = session.clock();
        try (ResultSet rs = session.query(sql, parameters(filter, like))) {
            while (rs.next()) {
                if (deadline.passed()) {
                    throw timeout(budget);
                }
                int match = rs.getInt(3);
                if (match == TextFold.NO_MATCH) {
                    continue; // let through by the filter, not a match
                }
                total++;
                Hit hit = new Hit(match, weight(kind, rs), rs.getLong(1));
                if (best.size() < window) {
                    best.add(hit);
                } else if (BEST_FIRST.compare(hit, best.peek()) < 0) {
                    best.poll();
                    best.add(hit);
                }
            }
            if (deadline.passed()) { // SQLite checks it only every PROGRESS_OPS instructions
                throw timeout(budget);
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

    /** ?1 to ?9 of {@link #scan}. */
    static String[] parameters(ScanFilter filter, String like) {
        String[] spellings = filter.spellingParameters();
        String[] out = new String[5 + spellings.length];
        out[0] = filter.like();
        out[1] = filter.glob();
        out[2] = filter.runs();
        out[3] = like;
        out[4] = like + "%";
        System.arraycopy(spellings, 0, out, 5, spellings.length);
        return out;
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
