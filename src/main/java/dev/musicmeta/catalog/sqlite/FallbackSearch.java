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
 * match tested in SQLite ({@link ScanFilter}) so only matches reach Java. Order: exact
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

    /** A match: its rank, weight as served and rowid. */
    record FallbackHit(int rank, long weight, long rowid) {}

    private static final Comparator<FallbackHit> BEST_FIRST = (a, b) -> {
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
        Sql sql = switch (kind) {
            case TRACKS -> escaped ? Sql.SEARCH_TRACKS_ESCAPED : Sql.SEARCH_TRACKS;
            case ARTISTS -> escaped ? Sql.SEARCH_ARTISTS_ESCAPED : Sql.SEARCH_ARTISTS;
            case ALBUMS -> escaped ? Sql.SEARCH_ALBUMS_ESCAPED : Sql.SEARCH_ALBUMS;
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
        PriorityQueue<FallbackHit> best = new PriorityQueue<>(Math.min(window, 1024) + 1, BEST_FIRST.reversed());
        long total = 0;
        String folded = TextFold.fold(request.q());
        ScanFilter filter = ScanFilter.of(folded);
        session.progressHandler(PROGRESS_OPS, deadline);
        String like = ScanFilter.escapeLike(folded);
        long started = session.clock();
        try (ResultSet rs = session.query(sql, parameters(filter, like))) {
            while (rs.next()) {
                if (deadline.passed()) {
                    throw timeout(budget);
                }
                FallbackHit hit = hit(rs, kind, folded);
                if (hit == null) {
                    continue; // let through by the filter, not a match
                }
                total++;
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
        List<FallbackHit> sorted = new ArrayList<>(best);
        sorted.sort(BEST_FIRST);
        int from = Math.min(request.offset(), sorted.size());
        long[] page = new long[sorted.size() - from];
        for (int i = from; i < sorted.size(); i++) {
            page[i - from] = sorted.get(i).rowid;
        }
        return new SearchHits(page, total);
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
