package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.http.ApiClient;
import dev.musicmeta.http.ApiKeys;
import dev.musicmeta.http.ApiServer;
import dev.musicmeta.http.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A small demo catalog made as {@code serve --demo} makes one ({@link DemoCatalog},
 * {@link DemoSearchIndex}), freshly generated once per test run, and servers over it: without
 * keys, and with one key ({@link #KEY}). Shared by the tests of what the README and the docs show.
 */
final class DemoServer {

    /** Small, yet with the generated data around the example recordings. */
    static final long TRACKS = 2_000;
    /** The key of the keyed server. */
    static final String KEY = "mma_readmeReadmeReadmeReadmeReadmeReadmeReadm";

    private static ApiClient open;
    private static ApiClient keyed;

    private DemoServer() {}

    static synchronized ApiClient open() {
        if (open == null) {
            start();
        }
        return open;
    }

    static synchronized ApiClient keyed() {
        if (keyed == null) {
            start();
        }
        return keyed;
    }

    private static void start() {
        try {
            Path dir = Path.of(System.getProperty("basedir", "."), "target", "readme-demo");
            if (Files.exists(dir)) { // fresh every run, in one place rather than a new folder each time
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Path main = DemoCatalog.ensure(dir, TRACKS);
            DemoSearchIndex.ensure(main);
            OpenCatalog catalog = OpenCatalog.open(CatalogFiles.resolve(main, null), null, SqliteOptions.defaults());
            ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withRateLimit(0, 0);
            Path keysFile = Files.writeString(dir.resolve("keys.txt"), "readme " + ApiKeys.sha256Hex(KEY) + "\n");
            ApiServer plain = new ApiServer(catalog.catalog(), config).start();
            ApiServer withKeys = new ApiServer(CompletableFuture.completedFuture(catalog.catalog()), config,
                    ApiKeys.load(keysFile)).start();
            open = new ApiClient(URI.create("http://127.0.0.1:" + plain.port() + "/"));
            keyed = new ApiClient(URI.create("http://127.0.0.1:" + withKeys.port() + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
