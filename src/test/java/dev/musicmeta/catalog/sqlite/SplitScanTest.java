package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.SearchTimeoutException;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.TestCatalogs;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search without the index split over idle connections: the same pages and totals as the scan
 * of the whole table, on a generated catalog with ties across parts and popularities the API
 * serves as null; alone on a busy pool; stopped as a whole by its budget or a part's failure.
 */
class SplitScanTest {

    static final int CONNECTIONS = 8;

    @TempDir
    static Path dir;
    static CatalogFiles files;
    static Map<String, String> before;
    static SessionPool serialPool;
    static SessionPool splitPool;
    static StatementCounter splitStatements = new StatementCounter();
    /** Whole scans only: a single core. */
    static FallbackSearch serial;
    /** Up to four threads, parts of a row or more: every table here is split. */
    static FallbackSearch split;

    @BeforeAll
    static void open() throws Exception {
        Path generated = TestCatalogs.small();
        for (String file : List.of(CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE)) {
            Files.copy(generated.resolve(file), dir.resolve(file));
        }
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        try (Db db = Db.write(main)) {
            // Equal names and popularities every few rows, so ties fall across every part's edges;
            // and popularities served as null (a blob, out of range, text, a real with a fraction).
            db.execute("UPDATE tracks SET name = 'Love', popularity = 40 WHERE rowid % 11 = 0");
            db.execute("UPDATE tracks SET name = 'Love Song' WHERE rowid % 13 = 0");
            db.execute("UPDATE tracks SET popularity = CASE rowid % 5 WHEN 0 THEN X'01' WHEN 1 THEN 150"
                    + " WHEN 2 THEN 'high' WHEN 3 THEN 50.5 ELSE -3 END WHERE rowid % 7 = 0");
            db.execute("UPDATE albums SET name = 'Love', popularity = 10 WHERE rowid % 5 = 0");
            db.execute("UPDATE albums SET popularity = CASE rowid % 3 WHEN 0 THEN 1e300 WHEN 1 THEN 101 ELSE 'x' END"
                    + " WHERE rowid % 4 = 0");
            db.execute("UPDATE artists SET name = 'The Love', followers_total = 7 WHERE rowid % 6 = 0");
            db.execute("UPDATE artists SET followers_total = 'many' WHERE rowid % 9 = 0");
        }
        files = CatalogFiles.resolve(main, dir.resolve(CatalogFiles.TRACK_FILES_FILE));
        before = ReadOnlyTest.snapshot(dir);
        SqliteOptions options = SqliteOptions.defaults().withConnections(CONNECTIONS);
        serialPool = SessionPool.open(files, options, new StatementCounter());
        splitPool = SessionPool.open(files, options, splitStatements);
        serial = new FallbackSearch(serialPool, options, 1, FallbackSearch.MIN_PART_ROWS);
        split = new FallbackSearch(splitPool, options, 4, 1);
    }

    @AfterAll
    static void close() {
        for (AutoCloseable open : new AutoCloseable[] {serial, split, serialPool, splitPool}) {
            if (open != null) {
                try {
                    open.close();
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** Words and fragments of the catalog's own names, and edge queries. */
    static List<String> queries() {
        Path main = files.main();
        Set<String> out = new LinkedHashSet<>(List.of("love", "LOVE", "Love Song", "e", "a", "the", "Lö", "%", "_",
                "zzzz", "夜", "é"));
        for (String table : List.of("tracks", "albums", "artists")) {
            for (Object name : Db.column(main, "SELECT name FROM " + table + " WHERE rowid % 97 = 1 LIMIT 12")) {
                String text = String.valueOf(name);
                out.add(text);
                out.add(text.split(" ")[0]);
                if (text.length() > 4) {
                    out.add(text.substring(1, 4));
                }
            }
        }
        return new ArrayList<>(out);
    }

    @Test
    void partsGiveTheWholeScansPagesAndTotals() {
        int compared = 0;
        long nonEmpty = 0;
        for (String q : queries()) {
            for (SearchKind kind : SearchKind.values()) {
                for (int[] page : new int[][] {{20, 0}, {7, 3}, {50, 40}, {1, 0}}) {
                    SearchRequest request = new SearchRequest(q, page[0], page[1]);
                    long statements = splitStatements.total();
                    SearchHits whole = serial.search(kind, request);
                    SearchHits parts = split.search(kind, request);
                    // The split ran: the table's last rowid, then more than one part.
                    assertThat(splitStatements.total() - statements).as("%s %s", kind, q).isGreaterThan(2);
                    assertThat(parts.rowids()).as("%s %s %s", kind, q, page[1]).containsExactly(whole.rowids());
                    assertThat(parts.total()).as("%s %s", kind, q).isEqualTo(whole.total());
                    compared++;
                    nonEmpty += whole.rowids().length > 0 ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(nonEmpty).isGreaterThan(compared / 2);
        SearchHits love = serial.search(SearchKind.TRACKS, new SearchRequest("love", 50, 0));
        assertThat(love.total()).isGreaterThan(450); // every 11th track and more: ties across the parts
    }

    @Test
    void aBusyPoolScansWholeAndStillAnswers() {
        SearchRequest request = new SearchRequest("love", 20, 0);
        SearchHits expected = serial.search(SearchKind.TRACKS, request);
        // Hold all but the sessions lookups keep (half) and the search's own: no helper may take one.
        List<Session> held = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS / 2 - 1; i++) {
            held.add(splitPool.acquire());
        }
        try {
            long statements = splitStatements.total();
            SearchHits hits = split.search(SearchKind.TRACKS, request);
            assertThat(splitStatements.total() - statements).isEqualTo(1); // the whole scan, one statement
            assertThat(hits.rowids()).containsExactly(expected.rowids());
            assertThat(hits.total()).isEqualTo(expected.total());
        } finally {
            held.forEach(splitPool::release);
        }
        // One session fewer held: one helper can take one, and does.
        for (int i = 0; i < CONNECTIONS / 2 - 2; i++) {
            held.add(splitPool.acquire());
        }
        try {
            long statements = splitStatements.total();
            SearchHits hits = split.search(SearchKind.TRACKS, request);
            assertThat(splitStatements.total() - statements).isGreaterThan(2);
            assertThat(hits.rowids()).containsExactly(expected.rowids());
        } finally {
            held.forEach(splitPool::release);
        }
    }

    @Test
    void theBudgetStopsEveryPartAndTheirSessionsComeBack() throws Exception {
        SqliteOptions options = SqliteOptions.defaults().withConnections(CONNECTIONS).withSearchBudget(Duration.ofNanos(1));
        StatementCounter counter = new StatementCounter();
        try (SessionPool pool = SessionPool.open(files, options, counter);
                FallbackSearch tiny = new FallbackSearch(pool, options, 4, 1)) {
            for (int i = 0; i < 20; i++) {
                long statements = counter.total();
                assertThatThrownBy(() -> tiny.search(SearchKind.TRACKS, new SearchRequest("matches nothing", 20, 0)))
                        .isInstanceOf(SearchTimeoutException.class).hasMessageContaining("time budget of 1 ns");
                assertThat(counter.total() - statements).isGreaterThan(1); // split, not whole
                // Every part ended before the search did: all sessions idle again, and they read well.
                assertThat(pool.idleNow()).isEqualTo(CONNECTIONS);
            }
            List<Session> all = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                all.add(pool.acquire());
            }
            for (Session session : all) {
                try (var rs = session.query(Sql.LAST_TRACK_ROWID)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(TestCatalogs.SMALL_TRACKS);
                }
                pool.release(session);
            }
        }
    }

    @Test
    void aPartOnADamagedPageFailsTheSearchAsTheWholeScanDoes(@TempDir Path damaged) throws Exception {
        Path generated = TestCatalogs.small();
        for (String file : List.of(CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE)) {
            Files.copy(generated.resolve(file), damaged.resolve(file));
        }
        Path main = damaged.resolve(CatalogFiles.MAIN_FILE);
        List<Object> leaves = Db.column(main, "SELECT pageno FROM dbstat WHERE name = 'tracks' AND pagetype = 'leaf'"
                + " ORDER BY path");
        assertThat(leaves).hasSizeGreaterThan(20);
        CatalogFiles copy = CatalogFiles.resolve(main, damaged.resolve(CatalogFiles.TRACK_FILES_FILE));
        SqliteOptions options = SqliteOptions.defaults().withConnections(CONNECTIONS);
        try (SessionPool wholePool = SessionPool.open(copy, options, new StatementCounter());
                SessionPool partsPool = SessionPool.open(copy, options, new StatementCounter());
                FallbackSearch whole = new FallbackSearch(wholePool, options, 1, FallbackSearch.MIN_PART_ROWS);
                FallbackSearch parts = new FallbackSearch(partsPool, options, 4, 1)) {
            // A leaf of the table's last third zeroed in place: one part reads it, the others do not.
            long page = ((Number) leaves.get(leaves.size() * 2 / 3)).longValue();
            try (FileChannel channel = FileChannel.open(main, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate(4096), (page - 1) * 4096);
            }
            SearchRequest request = new SearchRequest("e", 20, 0);
            assertThatThrownBy(() -> whole.search(SearchKind.TRACKS, request))
                    .isInstanceOf(CatalogUnavailableException.class);
            assertThatThrownBy(() -> parts.search(SearchKind.TRACKS, request))
                    .isInstanceOf(CatalogUnavailableException.class)
                    .satisfies(e -> assertThat(((CatalogUnavailableException) e).unreadable()).isTrue());
            assertThat(partsPool.fault()).isNotNull();
            assertThat(partsPool.idleNow()).isEqualTo(CONNECTIONS);
        }
    }

    @Test
    void splitScansLeaveTheFilesAsTheyWere() throws Exception {
        split.search(SearchKind.TRACKS, new SearchRequest("love", 20, 0));
        split.search(SearchKind.ARTISTS, new SearchRequest("e", 20, 5));
        assertThat(ReadOnlyTest.snapshot(dir)).isEqualTo(before);
    }
}
