package dev.musicmeta.http;

import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
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
 * What an answer costs after the catalog has answered: writing assembled tracks as JSON, its
 * ETag, and its gzip copy at a given level. {@code items} tracks per answer: 1 is a lookup, 20 an
 * album's tracks or a page of search results. Tracks of a generated catalog, assembled once up
 * front; the setup prints the compression ratio of each level on them. Run with
 * {@code bench/jmh.sh Response} (e.g. {@code -p items=1 -p level=1,6}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ResponseBenchmark {

    private static final int ANSWERS = 512;

    @Param("bench/out/catalog-1m")
    public String catalog;

    @Param({"1", "20"})
    public int items;

    /** gzip level of {@link #jsonAndGzip}: 1 is BEST_SPEED, 6 zlib's default. */
    @Param({"1", "6"})
    public int level;

    private List<List<Track>> answers;
    private Deflater deflater;
    private int next;

    @Setup
    public void assemble() throws Exception {
        Path main = Path.of(catalog, CatalogFiles.MAIN_FILE);
        try (SqliteCatalog sqlite = SqliteCatalog.open(CatalogFiles.resolve(main, null), SqliteOptions.defaults())) {
            List<Track> tracks = new ArrayList<>(ANSWERS * items);
            for (int i = 0; tracks.size() < ANSWERS * items; i++) {
                long rowid = 1 + (i * 7919L) % 1_000_000L; // spread over the catalog
                // the scan holds only what the index reads: the track as served is looked up by its id
                sqlite.tracksInRange(rowid - 1, rowid).forEach(track -> sqlite.track(track.item().id())
                        .ifPresent(tracks::add));
            }
            answers = new ArrayList<>();
            for (int i = 0; i < ANSWERS; i++) {
                answers.add(List.copyOf(tracks.subList(i * items, (i + 1) * items)));
            }
        }
        deflater = new Deflater(level, true);
        long plain = 0;
        long compressed = 0;
        for (List<Track> answer : answers) {
            ResponseBuffer body = write(answer);
            ResponseBuffer gz = new ResponseBuffer(body.size());
            Gzip.compress(body.array(), body.size(), gz, deflater);
            plain += body.size();
            compressed += gz.size();
            body.release();
        }
        System.out.printf(Locale.ROOT, "%n%d track(s) per answer: %d B of JSON on average, %d B gzipped at level %d"
                + " (%.1f%%)%n", items, plain / ANSWERS, compressed / ANSWERS, level, 100.0 * compressed / plain);
    }

    @TearDown
    public void end() {
        deflater.end();
    }

    @Benchmark
    public int json() throws IOException {
        ResponseBuffer body = write(answers.get(next++ & (ANSWERS - 1)));
        body.release();
        return body.size();
    }

    @Benchmark
    public String jsonAndEtag() throws IOException {
        ResponseBuffer body = write(answers.get(next++ & (ANSWERS - 1)));
        try {
            return ETags.of(body.array(), body.size());
        } finally {
            body.release();
        }
    }

    @Benchmark
    public int jsonAndGzip() throws IOException {
        ResponseBuffer body = write(answers.get(next++ & (ANSWERS - 1)));
        ResponseBuffer compressed = ResponseBuffer.acquireForGzip();
        try {
            Gzip.compress(body.array(), body.size(), compressed, deflater);
            return compressed.size();
        } finally {
            compressed.release();
            body.release();
        }
    }

    private static ResponseBuffer write(List<Track> answer) throws IOException {
        ResponseBuffer body = ResponseBuffer.acquire();
        try (JsonWriter w = JsonWriter.to(body)) {
            if (answer.size() == 1) {
                w.track(answer.get(0));
            } else {
                w.list(answer, w::track);
            }
        }
        return body;
    }
}
