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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.sqlite.ProgressHandler;

/**
 * Search without the search index: one scan of the names, case-insensitive (Unicode) substring
 * match tested in SQLite ({@link ScanFilter}) so only matches reach Java. Order: exact
 * (folded) name first, then names starting with the query, then the rest; within each, weight
 * (popularity, or followers for artists) descending with NULL last, then rowid. Keeps only the
 * best {@code offset + limit} (at most 10 000) in a heap while counting every match, so
 * {@code total} is exact and memory stays bounded. Bounded in time: SQLite's progress handler
 * interrupts the scan once the budget is spent.
 *
 * <p>A scan holds its connection for long, so at most half of the connections (at least one) run
 * such searches at once; lookups always keep the rest. A search that finds connections and cores
 * idle splits its scan into ranges of rowids scanned at once ({@link ScanHelpers}), with the same
 * page and total.
 */
final class FallbackSearch implements Searcher {

    /** A match: its rank, weight as served and rowid. */
    record FallbackHit(int rank, long weight, long rowid) {}

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

    /**
     * Rows a part of a split scan covers at least: a table of fewer than twice as many is scanned
     * whole (a few milliseconds), where a thread's hand-off and the merge would be most of it.
     */
    static final long MIN_PART_ROWS = 32_768;

    /**
     * Parts of a split scan per thread scanning it: the threads take the next part as they finish
     * one, so a helper that starts late (its core busy) takes fewer, and none waits long for the last.
     */
    private static final int PARTS_PER_THREAD = 4;

    private final SessionPool pool;
    private final Semaphore slots;
    private final Duration acquireTimeout;
    private final Duration budget;
    private final ScanHelpers helpers;
    private final int cores;
    private final long minPartRows;

    FallbackSearch(SessionPool pool, SqliteOptions options) {
        this(pool, options, Runtime.getRuntime().availableProcessors(), MIN_PART_ROWS);
    }

    /**
     * @param cores       threads that may scan at once, over every search (each search's own included)
     * @param minPartRows rows a part of a split scan covers at least
     */
    FallbackSearch(SessionPool pool, SqliteOptions options, int cores, long minPartRows) {
        this.pool = pool;
        int searches = Math.max(1, options.connections() / 2);
        this.slots = new Semaphore(searches, true);
        this.acquireTimeout = options.acquireTimeout();
        this.budget = options.searchBudget();
        // A helper leaves idle at least the sessions lookups keep from searches.
        this.helpers = new ScanHelpers(pool, cores, Math.max(1, options.connections() - searches));
        this.cores = cores;
        this.minPartRows = minPartRows;
    }

    /**
     * The {@link ScanFilter}'s test of a name: its runs ?3 (LIKE, when there are any), one of its
     * spellings ?6 to ?9 (GLOBs, when there are any), and its LIKE pattern ?1 or its GLOB pattern
     * ?2, which only names past ASCII can pass (the byte and char counts, both cheap, tell those
     * apart); under a query of ASCII, the GLOB's few chars are looked for one by one (?11 to ?14,
     * {@link #CHARS}).
     */
    private static final String PREFILTER = "(?3 IS NULL OR name LIKE ?3 ESCAPE '\\')"
            + " AND (?6 IS NULL OR name GLOB ?6 OR name GLOB ?7 OR name GLOB ?8 OR name GLOB ?9)"
            + " AND (name LIKE ?1 ESCAPE '\\' OR (?2 IS NOT NULL AND octet_length(name) > length(name) AND CASE WHEN ?11 IS NULL"
            + " THEN name GLOB ?2 ELSE instr(name, ?11) OR instr(name, ?12) OR instr(name, ?13) OR instr(name, ?14) END))";

    /**
     * How many chars of a query of ASCII's {@link ScanFilter#glob} are looked for one by one
     * (?11 to ?14, {@code instr}) instead: SQLite tries a class of a GLOB after {@code *} at
     * every char of the name (about 1 µs a name), where {@code instr} runs a byte search.
     */
    private static final int CHARS = 4;

    /**
     * Every LIKE of the scan's statements names its escape char; the form for a query without
     * {@code % _ \\} leaves it out, as its patterns have no escape: SQLite then reads no escape
     * argument per row (a LIKE scan of a million names at 0.95 to 1.04 of its CPU with one,
     * median 0.96; bench/RESULTS.md).
     */
    private static final String ESCAPE = " ESCAPE '\\'";

    /** The {@link #PREFILTER}, for patterns with escapes or without. */
    static String prefilter(boolean escaped) {
        return escaped ? PREFILTER : PREFILTER.replace(ESCAPE, "");
    }

    /** Whether a folded query's LIKE patterns hold an escape (it holds {@code % _ \\}). */
    static boolean escapes(String foldedQuery) {
        return !ScanFilter.escapeLike(foldedQuery).equals(foldedQuery);
    }

    /** The whitespace that {@link String#strip} takes off a name of ASCII, for SQL's trim(). */
    private static final String ASCII_SPACE = "' ' || char(9, 10, 11, 12, 13, 28, 29, 30, 31)";

    /** All the whitespace {@link String#strip} takes off ({@link Character#isWhitespace}). */
    static final String UNICODE_SPACE = ASCII_SPACE + " || char(0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,"
            + " 0x2006, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x205F, 0x3000)";

    /**
     * The scan of a table's names: for each row that passes the {@link ScanFilter}, its key,
     * rowid, weight column as stored and name. The key is the match rank, the popularity as
     * served ({@link #served}) and the rowid in one integer, so that a match costs a step and one
     * column read (each a call through JNI); for artists (followers have no bound to pack) it is
     * the match rank alone, and it is NULL for a name ranked in Java and for a rowid out of its
     * range: those rows' other columns are read ({@link #hit}). A name of ASCII (as many bytes as chars) is ranked in
     * SQLite, where {@link TextFold} amounts to ASCII case folding and stripping whitespace (?4
     * the query, ?5 the query then %, as LIKE patterns); such a name passes the filter only by
     * its LIKE ?1, {@code %query%}, so it contains the query at least. Most names past ASCII are
     * ranked in SQL too ({@link #PAST_ASCII}); ranking the rest in Java from the name costs a
     * fraction of a call from SQLite into a Java function (about 3.5 µs a name, most of what a
     * common word cost past the scan itself when every name past ASCII took one).
     *
     * <p>Most matches only contain the query, so the ASCII ranking tests first what is cheap: a
     * name that starts with the query (the query starts with no whitespace) is exact when its end
     * trimmed is the query; one that does not, and starts past the space (so with no whitespace
     * of {@code ASCII_SPACE}), only contains it. Only names that start with a space or a control
     * char pay for the copies {@code trim} makes.
     */
    static String scan(String table, String weight, boolean popularity, boolean escaped) {
        String rank = "CASE WHEN octet_length(name) > length(name) THEN " + PAST_ASCII
                + " WHEN name LIKE ?5 ESCAPE '\\' THEN CASE WHEN rtrim(name, " + ASCII_SPACE + ") LIKE ?4 ESCAPE '\\'"
                + " THEN " + TextFold.EXACT + " ELSE " + TextFold.PREFIX + " END"
                + " WHEN unicode(name) > 32 THEN " + TextFold.CONTAINS
                + " WHEN trim(name, " + ASCII_SPACE + ") LIKE ?4 ESCAPE '\\' THEN " + TextFold.EXACT
                + " WHEN ltrim(name, " + ASCII_SPACE + ") LIKE ?5 ESCAPE '\\' THEN " + TextFold.PREFIX
                + " ELSE " + TextFold.CONTAINS + " END";
        String key = popularity
                ? "CASE WHEN rowid >= 0 AND rowid <= " + ROWID_MASK + " THEN (nullif(" + rank + ", 0) * 128 + 100 - "
                        + served(weight) + ") * " + (ROWID_MASK + 1) + " + rowid END"
                : "nullif(" + rank + ", 0)";
        String text = "SELECT " + key + ", rowid, " + weight + ", name FROM " + table + " WHERE " + PREFILTER;
        return escaped ? text : text.replace(ESCAPE, "");
    }

    /** A {@link #scan} of the rows of rowid ?15 to ?16 alone: a range of the table's B-tree. */
    static String part(String table, String weight, boolean popularity, boolean escaped) {
        return scan(table, weight, popularity, escaped) + " AND rowid BETWEEN ?15 AND ?16";
    }

    /** The rowids a {@link #scan}'s key holds: all the files hold, with room to spare. */
    private static final long ROWID_MASK = (1L << 48) - 1;

    /**
     * The match rank in SQL of a name past ASCII under a query of ASCII, where that is cheap to
     * know, else 0 (the name is ranked in Java). Such a name that holds the query in ASCII
     * (LIKE ?1), starts past the space and holds no mark of U+0300 to U+036F keeps every ASCII
     * char through the fold: NFC composes an ASCII char only with such a mark (checked for every
     * char by {@code ScanFilterTest}), whose UTF-8 starts with byte CC or CD, and case folding
     * maps ASCII to itself. So if it starts with the query (?5) it is exact when what follows
     * is whitespace alone ({@link String#strip}'s, ?10 the query's length), else a prefix; if
     * its first ?10 chars are ASCII and do not spell the query, it only contains it. The rest
     * (a name past ASCII from its first chars, or with a mark) go to Java: most matches of a
     * common word past ASCII are ranked here.
     */
    private static final String PAST_ASCII = "CASE WHEN ?10 IS NULL OR unicode(name) <= 32"
            + " OR NOT name LIKE ?1 ESCAPE '\\' OR instr(CAST(name AS BLOB), X'CC') > 0 OR instr(CAST(name AS BLOB), X'CD') > 0"
            + " THEN 0"
            + " WHEN name LIKE ?5 ESCAPE '\\' THEN CASE WHEN trim(substr(name, CAST(?10 AS INTEGER) + 1), " + UNICODE_SPACE
            + ") = '' THEN " + TextFold.EXACT + " ELSE " + TextFold.PREFIX + " END"
            + " WHEN octet_length(substr(name, 1, CAST(?10 AS INTEGER))) = CAST(?10 AS INTEGER) THEN " + TextFold.CONTAINS
            + " ELSE 0 END";

    /**
     * A popularity as {@link Values#popularity} serves it, -1 where it serves none (NULL, text, a
     * blob, a real that is no integer, or out of range).
     */
    static String served(String column) {
        String range = column + " BETWEEN 0 AND 100";
        return "CASE typeof(" + column + ") WHEN 'integer' THEN CASE WHEN " + range + " THEN " + column
                + " ELSE -1 END WHEN 'real' THEN CASE WHEN " + range + " AND " + column + " = CAST(" + column
                + " AS INTEGER) THEN CAST(" + column + " AS INTEGER) ELSE -1 END ELSE -1 END";
    }

    /**
     * The match of the current row of a {@link #scan}: from its key, or (an artist's rank alone,
     * or no key: a name ranked in Java, a rowid out of the key's range) from its other columns.
     * Null when the name does not match.
     */
    static FallbackHit hit(ResultSet rs, SearchKind kind, String foldedQuery) throws SQLException {
        long key = rs.getLong(1);
        if (key > TextFold.CONTAINS) {
            long top = key >>> 48;
            return new FallbackHit((int) (top >> 7), 100 - (top & 127), key & ROWID_MASK);
        }
        int rank = key != 0 ? (int) key : TextFold.rank(rs.getString(4), foldedQuery);
        if (rank == TextFold.NO_MATCH) {
            return null;
        }
        Long stored = Values.integer(rs, 3);
        Number served = kind == SearchKind.ARTISTS ? (Number) Values.bigCount(stored) : Values.popularity(stored);
        return new FallbackHit(rank, served == null ? -1 : served.longValue(), rs.getLong(2));
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
        boolean escaped = escapes(TextFold.fold(request.q()));
        acquireSlot();
        try {
            return pool.read(session -> run(session, kind, escaped, request), false); // a search is no quick recheck
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

    /** What every part of one search's scan shares. */
    private record Scan(SearchKind kind, String folded, String[] parameters, int window, Deadline deadline) {}

    /**
     * The search's scan on its own session: whole, or split into parts of its table by rowid
     * when helpers are free ({@link ScanHelpers}), each thread taking the next part until none is
     * left, their matches merged. A part that fails stops the others (their progress handlers)
     * and fails the search as the whole scan would; the budget stops every part.
     */
    private SearchHits run(Session session, SearchKind kind, boolean escaped, SearchRequest request) throws SQLException {
        String folded = TextFold.fold(request.q());
        Scan scan = new Scan(kind, folded, parameters(ScanFilter.of(folded), ScanFilter.escapeLike(folded)),
                request.offset() + request.limit(), new Deadline(budget));
        Matches mine = new Matches(scan.window);
        helpers.started();
        try {
            session.progressHandler(PROGRESS_OPS, scan.deadline);
            List<Session> taken = helpers.take(cores - 1);
            long last = 0;
            try {
                last = taken.isEmpty() ? 0 : lastRowid(session, kind);
            } finally {
                if (last == 0) {
                    taken.forEach(helpers::giveBack);
                    taken = List.of();
                }
            }
            int parts = (int) Math.min(PARTS_PER_THREAD * (taken.size() + 1L), last / minPartRows);
            if (parts < 2) {
                taken.forEach(helpers::giveBack);
                scanRows(session, whole(kind, escaped), scan, null, mine);
                return Matches.page(List.of(mine), request.offset());
            }
            Parts split = new Parts(last, parts, part(kind, escaped), scan);
            List<Future<Matches>> running = new ArrayList<>();
            for (Session helper : taken) {
                Future<Matches> future = helpers.run(helper, own -> {
                    own.progressHandler(PROGRESS_OPS, scan.deadline);
                    try {
                        Matches theirs = new Matches(scan.window);
                        split.scan(own, theirs);
                        return theirs;
                    } catch (SQLException | RuntimeException e) {
                        split.failed(e);
                        throw e;
                    } finally {
                        own.progressHandler(0, null);
                    }
                });
                if (future != null) {
                    running.add(future);
                }
            }
            try {
                split.scan(session, mine);
            } catch (SQLException | RuntimeException e) {
                split.failed(e);
            }
            List<Matches> all = new ArrayList<>(running.size() + 1);
            all.add(mine);
            for (Future<Matches> future : running) {
                Matches theirs = join(future, scan.deadline);
                if (theirs != null) {
                    all.add(theirs);
                }
            }
            split.rethrow();
            return Matches.page(all, request.offset());
        } finally {
            try {
                session.progressHandler(0, null);
            } finally {
                helpers.finished();
            }
        }
    }

    /** A helper's matches once it ends; null when it failed (its failure is the split's). */
    private static Matches join(Future<Matches> future, Deadline deadline) {
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the part must end before its session is given back: stop it, then wait
                    deadline.cancel();
                } catch (ExecutionException e) {
                    return null;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A table cut into {@code count} ranges of rowids, handed out in order; the first failure of any part. */
    private final class Parts {

        private final long last;
        private final int count;
        private final Sql sql;
        private final Scan scan;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        Parts(long last, int count, Sql sql, Scan scan) {
            this.last = last;
            this.count = count;
            this.sql = sql;
            this.scan = scan;
        }

        /** Scans the parts not yet taken, one after the other, into {@code into}. */
        void scan(Session session, Matches into) throws SQLException {
            long width = last / count + 1;
            for (int part = next.getAndIncrement(); part < count; part = next.getAndIncrement()) {
                if (failure.get() != null) {
                    return;
                }
                // The first part from the lowest rowid there can be, the last to the highest: every row is in one.
                long first = part == 0 ? Long.MIN_VALUE : part * width;
                long end = part == count - 1 ? Long.MAX_VALUE : (part + 1) * width - 1;
                scanRows(session, sql, scan, new long[] {first, end}, into);
            }
        }

        /** Keeps the first failure and stops every other part. */
        void failed(Exception e) {
            failure.compareAndSet(null, e);
            scan.deadline.cancel();
        }

        /** Throws the first failure, if a part failed. */
        void rethrow() throws SQLException {
            Exception e = failure.get();
            if (e instanceof SQLException sql) {
                throw sql;
            }
            if (e != null) {
                throw (RuntimeException) e;
            }
        }
    }

    private static Sql whole(SearchKind kind, boolean escaped) {
        return switch (kind) {
            case TRACKS -> escaped ? Sql.SEARCH_TRACKS_ESCAPED : Sql.SEARCH_TRACKS;
            case ARTISTS -> escaped ? Sql.SEARCH_ARTISTS_ESCAPED : Sql.SEARCH_ARTISTS;
            case ALBUMS -> escaped ? Sql.SEARCH_ALBUMS_ESCAPED : Sql.SEARCH_ALBUMS;
        };
    }

    private static Sql part(SearchKind kind, boolean escaped) {
        return switch (kind) {
            case TRACKS -> escaped ? Sql.SEARCH_TRACKS_PART_ESCAPED : Sql.SEARCH_TRACKS_PART;
            case ARTISTS -> escaped ? Sql.SEARCH_ARTISTS_PART_ESCAPED : Sql.SEARCH_ARTISTS_PART;
            case ALBUMS -> escaped ? Sql.SEARCH_ALBUMS_PART_ESCAPED : Sql.SEARCH_ALBUMS_PART;
        };
    }

    /** The table's highest rowid, 0 when it is empty. */
    private static long lastRowid(Session session, SearchKind kind) throws SQLException {
        Sql sql = switch (kind) {
            case TRACKS -> Sql.LAST_TRACK_ROWID;
            case ARTISTS -> Sql.LAST_ARTIST_ROWID;
            case ALBUMS -> Sql.LAST_ALBUM_ROWID;
        };
        try (ResultSet rs = session.query(sql)) {
            return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
        }
    }

    /**
     * Adds the matches of {@code sql} to {@code into}: of a whole table, or of a part's rowids
     * {@code range} (first and last).
     *
     * @throws SearchTimeoutException when the budget is spent
     */
    private void scanRows(Session session, Sql sql, Scan scan, long[] range, Matches into) throws SQLException {
        Deadline deadline = scan.deadline;
        long started = session.clock();
        try (ResultSet rs = range == null ? session.query(sql, scan.parameters)
                : session.query(sql, scan.parameters, range[0], range[1])) {
            while (rs.next()) {
                if (deadline.stopped()) {
                    throw stopped(deadline);
                }
                FallbackHit hit = hit(rs, scan.kind, scan.folded);
                if (hit != null) { // else let through by the filter, not a match
                    into.add(hit);
                }
            }
            if (deadline.stopped()) { // SQLite checks it only every PROGRESS_OPS instructions
                throw stopped(deadline);
            }
        } catch (SQLException e) {
            if (deadline.fired) {
                throw timeout(budget);
            }
            throw e;
        } finally {
            session.finished(sql, started);
        }
    }

    private RuntimeException stopped(Deadline deadline) {
        return deadline.passed() ? timeout(budget)
                : new CatalogUnavailableException("stopped: another part of the same scan failed", null);
    }

    /** ?1 to ?14 of {@link #scan}. */
    static String[] parameters(ScanFilter filter, String like) {
        String[] spellings = filter.spellingParameters();
        String[] out = new String[6 + spellings.length + CHARS];
        out[0] = filter.like();
        out[1] = filter.glob();
        out[2] = filter.runs();
        out[3] = like;
        out[4] = like + "%";
        System.arraycopy(spellings, 0, out, 5, spellings.length);
        // The query's length, for a query of ASCII (the only kind with a LIKE ?1): its escapes skipped.
        int length = 0;
        for (int i = 0; i < like.length(); i++, length++) {
            i += like.charAt(i) == '\\' ? 1 : 0;
        }
        out[5 + spellings.length] = filter.like() == null || length == 0 ? null : String.valueOf(length);
        String glob = filter.glob();
        if (filter.like() != null && glob != null) { // *c* or *[chars]*, all past ASCII and none special to GLOB
            String chars = glob.startsWith("*[") ? glob.substring(2, glob.length() - 2) : glob.substring(1, glob.length() - 1);
            if (chars.codePointCount(0, chars.length()) <= CHARS) {
                int at = 6 + spellings.length;
                for (int i = 0; i < chars.length(); i += Character.charCount(chars.codePointAt(i))) {
                    out[at++] = chars.substring(i, i + Character.charCount(chars.codePointAt(i)));
                }
            }
        }
        return out;
    }

    /** Lets the helpers' threads go. */
    @Override
    public void close() {
        helpers.close();
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

        /** Set when another part of the same scan failed: this one stops too. */
        private volatile boolean cancelled;

        boolean passed() {
            return System.nanoTime() - start >= budgetNanos;
        }

        void cancel() {
            cancelled = true;
        }

        boolean stopped() {
            return cancelled || passed();
        }

        @Override
        protected int progress() {
            if (passed()) {
                fired = true;
                return 1;
            }
            return cancelled ? 1 : 0;
        }
    }
}
