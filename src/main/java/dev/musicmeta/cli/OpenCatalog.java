package dev.musicmeta.cli;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.SearchSetup;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog {@code serve} serves: the SQLite files, and the search index over them when there
 * is one ({@code served}). Closing it closes both.
 */
record OpenCatalog(SqliteCatalog sqlite, Catalog served) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCatalog.class);

    /**
     * Opens the catalog on a thread of its own. The future fails with a {@link CatalogFileException}
     * or a {@link SearchSetup.IndexUnavailableException} when a file cannot be served.
     *
     * @param index   the index folder given with {@code --index}, or null for the default beside the main file
     * @param options the tuning of the SQLite catalog; its search budget bounds index searches too
     */
    static CompletableFuture<OpenCatalog> inBackground(CatalogFiles files, Path index, SqliteOptions options) {
        CompletableFuture<OpenCatalog> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(open(files, index, options));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "catalog-open");
        opener.setDaemon(true);
        opener.start();
        return opening;
    }

    static OpenCatalog open(CatalogFiles files, Path index, SqliteOptions options)
            throws CatalogFileException, SearchSetup.IndexUnavailableException {
        SqliteCatalog sqlite = SqliteCatalog.open(files, options);
        try {
            sqlite.warnings().forEach(w -> LOG.warn("{}", w));
            sqlite.notices().forEach(n -> LOG.info("{}", n));
            Path folder = index != null ? index : IndexBuilder.defaultFolder(files.main());
            return new OpenCatalog(sqlite, SearchSetup.catalog(sqlite, folder, index != null, options.searchBudget()));
        } catch (Throwable e) { // an Error opening the index too: the connections must not leak
            sqlite.close();
            throw e;
        }
    }

    @Override
    public void close() {
        served.close(); // an indexed catalog closes the SQLite one it wraps
    }
}
