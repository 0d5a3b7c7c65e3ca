import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The catalog part of a lookup, in thread CPU time: one track by id and the best track of an
 * ISRC, looked up on one thread over 8,192 uniformly random rows of a catalog (the same rows for
 * every build: a fixed seed), caches on or off. CPU time of the calling thread, which runs SQLite
 * too, holds on a shared machine where wall-clock microbenchmarks do not; run two builds one
 * after the other, or alternating, to compare them.
 *
 * Run from the repository: java -cp target/music-metadata-api.jar bench/LookupCpu.java
 *   CATALOG_FOLDER [caches: on|off] [blocks, default 5] [lookups per block, default 5000]
 * Prints the median of the blocks, in µs of CPU per lookup, for each kind.
 */
public class LookupCpu {

    public static void main(String[] args) throws Exception {
        Path main = Path.of(args[0], CatalogFiles.MAIN_FILE);
        boolean caches = args.length < 2 || args[1].equals("on");
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int perBlock = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        String[] ids = new String[8192];
        String[] isrcs = new String[8192];
        sample(main, ids, isrcs);
        SqliteOptions options = caches ? SqliteOptions.defaults() : SqliteOptions.defaults().withoutCaches();
        try (SqliteCatalog catalog = SqliteCatalog.open(CatalogFiles.resolve(main, null), options)) {
            int[] next = {0};
            Consumer<Integer> track = n -> {
                for (int i = 0; i < n; i++) {
                    catalog.track(ids[next[0]++ & 8191]).orElseThrow();
                }
            };
            Consumer<Integer> isrc = n -> {
                for (int i = 0; i < n; i++) {
                    catalog.bestTrackByIsrc(isrcs[next[0]++ & 8191]).orElseThrow();
                }
            };
            track.accept(30_000); // warm-up: compiled code, the page cache, and with caches on full caches
            isrc.accept(30_000);
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            double[] trackUs = new double[blocks];
            double[] isrcUs = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                track.accept(perBlock);
                long t1 = cpu.getCurrentThreadCpuTime();
                isrc.accept(perBlock);
                long t2 = cpu.getCurrentThreadCpuTime();
                trackUs[b] = (t1 - t0) / 1e3 / perBlock;
                isrcUs[b] = (t2 - t1) / 1e3 / perBlock;
            }
            System.out.printf("caches %s: track by id %.1f us CPU %s; best track of an ISRC %.1f us CPU %s%n",
                    caches ? "on" : "off", median(trackUs), round(trackUs), median(isrcUs), round(isrcUs));
        }
    }

    /** The ids and ISRCs of 8192 rows drawn uniformly by rowid with a fixed seed. */
    private static void sample(Path main, String[] ids, String[] isrcs) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + main + "?mode=ro&immutable=1")) {
            long max;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT max(rowid) FROM tracks")) {
                max = rs.next() ? rs.getLong(1) : 0;
            }
            Random random = new Random(7);
            List<String> idList = new ArrayList<>();
            List<String> isrcList = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, external_id_isrc FROM tracks WHERE rowid = ?")) {
                while (idList.size() < ids.length || isrcList.size() < isrcs.length) {
                    s.setLong(1, 1 + (long) (random.nextDouble() * max));
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            if (rs.getString(1) != null && idList.size() < ids.length) {
                                idList.add(rs.getString(1));
                            }
                            if (rs.getString(2) != null && isrcList.size() < isrcs.length) {
                                isrcList.add(rs.getString(2));
                            }
                        }
                    }
                }
            }
            idList.toArray(ids);
            isrcList.toArray(isrcs);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String round(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (double v : values) {
            out.append(out.length() > 1 ? ", " : "").append(String.format("%.1f", v));
        }
        return out.append(']').toString();
    }
}
