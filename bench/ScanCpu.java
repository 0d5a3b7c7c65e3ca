import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * What the search index builder's reading costs, apart from indexing: the scan of every track,
 * album and artist of a catalog (CatalogScan, pages of 2,000 rowids, on one thread, opened as the
 * index command opens it), in thread CPU seconds of each kind. CPU time of the reading thread
 * (SQLite runs on it) holds on a shared machine; run two builds one after the other to compare.
 *
 * Run from the repository: java -cp target/music-metadata-api.jar bench/ScanCpu.java MAIN_FILE [passes, default 2]
 * Prints each pass; the last is the one with compiled code and the file in the page cache.
 */
public class ScanCpu {

    public static void main(String[] args) throws Exception {
        Path main = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        // as the index command reads (IndexCommand.reading): no track_files, artist cache only
        SqliteOptions options = SqliteOptions.defaults().withConnections(2).withCacheSizes(50_000, 0).withPageCacheKib(64 * 1024);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (SqliteCatalog catalog = SqliteCatalog.open(new CatalogFiles(main, null), options)) {
            for (int pass = 1; pass <= passes; pass++) {
                StringBuilder line = new StringBuilder("pass " + pass + ":");
                double total = 0;
                for (SearchKind kind : SearchKind.values()) {
                    long last = catalog.maxRowid(kind);
                    long items = 0;
                    long t0 = cpu.getCurrentThreadCpuTime();
                    for (long after = 0; after < last; after += 2_000) {
                        long to = Math.min(after + 2_000, last);
                        items += switch (kind) {
                            case TRACKS -> catalog.tracksInRange(after, to).size();
                            case ALBUMS -> catalog.albumsInRange(after, to).size();
                            case ARTISTS -> catalog.artistsInRange(after, to).size();
                        };
                    }
                    double seconds = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
                    total += seconds;
                    line.append(String.format(" %s %,d in %.2f s CPU;", kind.name().toLowerCase(), items, seconds));
                }
                System.out.println(line.append(String.format(" all %.2f s CPU", total)));
            }
        }
    }
}
