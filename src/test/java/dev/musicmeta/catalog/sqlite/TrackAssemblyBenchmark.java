package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Assembling one full track from SQLite inside the process, without HTTP: the floor of a
 * {@code /lookup/track} or {@code /lookup/isrc} request. Random ids of a generated catalog, never
 * one hot id. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class TrackAssemblyBenchmark {

    /** A folder holding main_database.sqlite3 (and track_files.sqlite3). */
    @Param("bench/out/catalog-1m")
    public String catalog;

    /** Whether the artist and album caches are on (their default sizes) or off. */
    @Param({"true", "false"})
    public boolean caches;

    private SqliteCatalog sqlite;
    private String[] trackIds;
    private String[] isrcs;
    private int next;

    @Setup
    public void open() throws Exception {
        Path main = Path.of(catalog, CatalogFiles.MAIN_FILE);
        SqliteOptions options = caches ? SqliteOptions.defaults() : SqliteOptions.defaults().withoutCaches();
        sqlite = SqliteCatalog.open(CatalogFiles.resolve(main, null), options);
        trackIds = sample(main, "id", "");
        isrcs = sample(main, "external_id_isrc", "AND external_id_isrc IS NOT NULL");
    }

    @TearDown
    public void close() {
        sqlite.close();
    }

    @Benchmark
    public Track trackById() {
        return sqlite.track(trackIds[next++ & (trackIds.length - 1)]).orElseThrow();
    }

    @Benchmark
    public Track bestTrackByIsrc() {
        return sqlite.bestTrackByIsrc(isrcs[next++ & (isrcs.length - 1)]).orElseThrow();
    }

    /** 8192 values of random rows, in random order (a power of two, so the cursor wraps with a mask). */
    private static String[] sample(Path main, String column, String condition) {
        List<String> values;
        try (Db db = Db.readOnly(main)) {
            values = new ArrayList<>(db.strings("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                    + " WHERE i < 20000) SELECT " + column + " FROM tracks WHERE rowid IN (SELECT abs(random())"
                    + " % (SELECT max(rowid) FROM tracks) + 1 FROM n) " + condition));
        }
        if (values.size() < 8192) {
            throw new IllegalStateException("the catalog is too small for this benchmark: " + main);
        }
        Collections.shuffle(values, new Random(7)); // rowid order would flatter the page cache
        return values.subList(0, 8192).toArray(String[]::new);
    }
}
