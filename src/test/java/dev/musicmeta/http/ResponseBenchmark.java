package dev.musicmeta.http;

import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a lookup costs after the catalog has answered: writing one assembled track as JSON, its
 * ETag, and its gzip copy. Tracks of a generated catalog, assembled once up front. Run with
 * {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ResponseBenchmark {

    @Param("bench/out/catalog-1m")
    public String catalog;

    private Track[] tracks;
    private int next;

    @Setup
    public void assemble() throws Exception {
        Path main = Path.of(catalog, CatalogFiles.MAIN_FILE);
        try (SqliteCatalog sqlite = SqliteCatalog.open(CatalogFiles.resolve(main, null), SqliteOptions.defaults())) {
            long[] rowids = new long[1024];
            for (int i = 0; i < rowids.length; i++) {
                rowids[i] = 1 + (i * 7919L) % 1_000_000L;
            }
            List<Track> assembled = new ArrayList<>(sqlite.tracksByRowids(rowids));
            tracks = assembled.subList(0, 512).toArray(Track[]::new);
        }
    }

    @Benchmark
    public int json() throws IOException {
        ResponseBuffer body = write(tracks[next++ & 511]);
        body.release();
        return body.size();
    }

    @Benchmark
    public String jsonAndEtag() throws IOException {
        ResponseBuffer body = write(tracks[next++ & 511]);
        try {
            return ETags.of(body.array(), body.size());
        } finally {
            body.release();
        }
    }

    @Benchmark
    public int jsonAndGzip() throws IOException {
        ResponseBuffer body = write(tracks[next++ & 511]);
        ResponseBuffer compressed = ResponseBuffer.acquireForGzip();
        try {
            Gzip.compress(body.array(), body.size(), compressed);
            return compressed.size();
        } finally {
            compressed.release();
            body.release();
        }
    }

    private static ResponseBuffer write(Track track) throws IOException {
        ResponseBuffer body = ResponseBuffer.acquire();
        try (JsonWriter w = JsonWriter.to(body)) {
            w.track(track);
        }
        return body;
    }
}
