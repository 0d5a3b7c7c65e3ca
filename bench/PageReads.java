import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Pages read per request, by kind of request: read system calls (/proc/thread-self/io syscr:
 * SQLite reads each 4 KiB page it does not hold with one pread) and thread CPU time per call of
 * the catalog, in process, on one thread, with the server's default options (page cache per
 * connection and file, album and artist caches). Kinds: a track by id, the best track of an ISRC,
 * a batch of 400 ISRCs, a batch of 400 track ids, and the 20 items of a search page (20 tracks by rowid, as a search page
 * loads its hits). Keys are drawn uniformly at random from the catalog with a fixed seed, so two
 * builds read the same keys; a warm-up fills the caches first, so the figures are steady state.
 *
 * Run from the repository: java -cp JAR bench/PageReads.java CATALOG_FOLDER [rounds, default 3]
 *   [page cache KiB per connection and file, default the jar's]
 * Prints, per kind and round: reads per request, CPU µs per request, statements per request.
 */
public class PageReads {

    public static void main(String[] args) throws Exception {
        Path main = Path.of(args[0], CatalogFiles.MAIN_FILE);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SqliteOptions options = SqliteOptions.defaults();
        if (args.length > 2 && !args[2].equals("-")) {
            options = options.withPageCacheKib(Integer.parseInt(args[2]));
        }
        Random random = new Random(1);
        List<String> ids = new ArrayList<>();
        List<String> isrcs = new ArrayList<>();
        List<Long> rowids = new ArrayList<>();
        sample(main, random, ids, isrcs, rowids);
        try (SqliteCatalog catalog = SqliteCatalog.open(CatalogFiles.resolve(main, null), options)) {
            Method served = SqliteCatalog.class.getDeclaredMethod("served", SearchKind.class, Set.class);
            served.setAccessible(true);
            int[] next = {0};
            IntConsumer track = n -> {
                for (int i = 0; i < n; i++) {
                    catalog.track(ids.get(next[0]++ % ids.size())).orElseThrow();
                }
            };
            IntConsumer isrc = n -> {
                for (int i = 0; i < n; i++) {
                    catalog.bestTrackByIsrc(isrcs.get(next[0]++ % isrcs.size())).orElseThrow();
                }
            };
            IntConsumer batch = n -> {
                for (int i = 0; i < n; i++) {
                    List<String> keys = new ArrayList<>(400);
                    for (int k = 0; k < 400; k++) {
                        keys.add(isrcs.get(next[0]++ % isrcs.size()));
                    }
                    if (catalog.bestTrackByIsrc(keys).size() < 390) {
                        throw new IllegalStateException("a batch found too few tracks");
                    }
                }
            };
            IntConsumer idBatch = n -> {
                for (int i = 0; i < n; i++) {
                    List<String> keys = new ArrayList<>(400);
                    for (int k = 0; k < 400; k++) {
                        keys.add(ids.get(next[0]++ % ids.size()));
                    }
                    if (catalog.tracks(keys).size() < 390) {
                        throw new IllegalStateException("a batch found too few tracks");
                    }
                }
            };
            IntConsumer page = n -> {
                for (int i = 0; i < n; i++) {
                    Set<Long> hits = new LinkedHashSet<>();
                    while (hits.size() < 20) {
                        hits.add(rowids.get(next[0]++ % rowids.size()));
                    }
                    try {
                        served.invoke(catalog, SearchKind.TRACKS, hits);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            String[] names = {"track", "isrc", "batch400", "ids400", "page20"};
            IntConsumer[] kinds = {track, isrc, batch, idBatch, page};
            int[] counts = {4000, 4000, 20, 20, 400};
            for (int k = 0; k < kinds.length; k++) {
                kinds[k].accept(counts[k] * 2); // warm-up: compiled code, full caches
            }
            if (args.length > 3) { // one kind between two markers, for strace -e pread64,openat
                int k = List.of(names).indexOf(args[3]);
                mark("start");
                kinds[k].accept(counts[k]);
                mark("end");
                return;
            }
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= rounds; round++) {
                for (int k = 0; k < kinds.length; k++) {
                    long statements = catalog.statements().total();
                    long reads = reads();
                    long t0 = cpu.getCurrentThreadCpuTime();
                    kinds[k].accept(counts[k]);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    System.out.printf("round %d %-8s %8.1f reads %9.1f µs CPU %5.2f statements per request%n", round,
                            names[k], (reads() - reads) / (double) counts[k], (t1 - t0) / 1e3 / counts[k],
                            (catalog.statements().total() - statements) / (double) counts[k]);
                }
            }
        }
    }

    /** Ids, ISRCs and rowids of 20,000 tracks drawn at random. */
    static void sample(Path main, Random random, List<String> ids, List<String> isrcs, List<Long> rowids)
            throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + main + "?mode=ro&immutable=1");
             ResultSet max = c.createStatement().executeQuery("SELECT max(rowid) FROM tracks");
             PreparedStatement p = c.prepareStatement("SELECT id, external_id_isrc FROM tracks WHERE rowid = ?")) {
            long last = max.getLong(1);
            while (rowids.size() < 20_000) {
                long rowid = 1 + (long) (random.nextDouble() * last);
                p.setLong(1, rowid);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next() && rs.getString(2) != null) {
                        rowids.add(rowid);
                        ids.add(rs.getString(1));
                        isrcs.add(rs.getString(2));
                    }
                }
            }
        }
    }

    static void mark(String name) {
        try (var in = new java.io.FileInputStream("/nonexistent/page-reads-" + name)) {
            in.read();
        } catch (java.io.IOException expected) {
            // the failed open is the marker
        }
    }

    static long reads() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/io"))) {
            if (line.startsWith("syscr:")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        return 0;
    }
}
