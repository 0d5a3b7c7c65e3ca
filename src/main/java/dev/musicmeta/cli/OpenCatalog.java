package dev.musicmeta.cli;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Searcher;
import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.SearchIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog {@code serve} serves, opened in one call: the SQLite files, searching with the
 * search index when there is one. One closeable thing: closing it closes both.
 *
 * @param sqlite      the catalog: what the routes are given, and the state of its files and caches
 * @param index       what was found in the index folder, and so how the catalog searches
 * @param searchIndex the index searched with ({@link SearchIndex}, or a {@link LateIndex} that may still be
 *                    opening), or null
 * @param budget      the time budget of one search, which the fallback's consequences mention
 */
record OpenCatalog(SqliteCatalog sqlite, SearchSetup.IndexState index, Searcher searchIndex, Duration budget)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCatalog.class);

    /**
     * {@link #open(CatalogFiles, Path, SqliteOptions, CompletableFuture)} on a thread of its own.
     * The future fails with a {@link CatalogFileException} or a
     * {@link SearchSetup.IndexUnavailableException} when a file cannot be served.
     */
    static CompletableFuture<OpenCatalog> inBackground(CatalogFiles files, Path index, SqliteOptions options,
                                                       CompletableFuture<?> listening) {
        CompletableFuture<OpenCatalog> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(open(files, index, options, listening));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "catalog-open");
        opener.setDaemon(true);
        opener.start();
        return opening;
    }

    /**
     * Opens the catalog files and the index beside them (or in {@code index}), and logs what it
     * found: missing indexes of the files, a missing track_files, how search runs. The index opens
     * on a thread of its own while this one opens the SQLite files: each is mostly loading and
     * initialising classes (Lucene's codecs, sqlite-jdbc and its native library), and neither needs
     * the other until the catalog is put together.
     *
     * @param index   the index folder given with {@code --index}, or null for the default beside the main file
     * @param options the tuning of the SQLite catalog; its search budget bounds index searches too
     * @throws CatalogFileException      when a catalog file cannot be served
     * @throws SearchSetup.IndexUnavailableException when an index named with {@code --index} cannot be;
     *                                   reported before a catalog file's problem, as when the index opened first
     */
    static OpenCatalog open(CatalogFiles files, Path index, SqliteOptions options)
            throws CatalogFileException, SearchSetup.IndexUnavailableException {
        return open(files, index, options, null);
    }

    /**
     * As {@link #open(CatalogFiles, Path, SqliteOptions)}; with {@code listening} and the index in
     * its default folder, only the index's manifest is read and checked now, and its readers open
     * once {@code listening} completes ({@link SearchSetup#chooseLater}). An index named with
     * {@code --index} opens now: one that cannot be served must end the program before it listens.
     */
    static OpenCatalog open(CatalogFiles files, Path index, SqliteOptions options, CompletableFuture<?> listening)
            throws CatalogFileException, SearchSetup.IndexUnavailableException {
        Path folder = index != null ? index : IndexBuilder.defaultFolder(files.main());
        CompletableFuture<SearchSetup> choosing = new CompletableFuture<>();
        Thread chooser = new Thread(() -> {
            try {
                choosing.complete(index == null && listening != null
                        ? SearchSetup.chooseLater(files.main(), folder, options.searchBudget(), listening)
                        : SearchSetup.choose(files.main(), folder, index != null, options.searchBudget()));
            } catch (Throwable e) {
                choosing.completeExceptionally(e);
            }
        }, "index-open");
        chooser.setDaemon(true);
        chooser.start();
        SqliteCatalog sqlite;
        try {
            sqlite = SqliteCatalog.open(files, options, () -> settled(choosing).index());
        } catch (Throwable e) { // an Error too: the index must not leak
            Throwable indexFailure = choosing.handle((setup, t) -> {
                if (setup != null && setup.index() != null) {
                    setup.index().close();
                }
                return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            }).join();
            if (indexFailure instanceof SearchSetup.IndexUnavailableException unavailable) {
                throw unavailable;
            }
            if (e instanceof IndexFailed) {
                if (indexFailure instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                if (indexFailure instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("the search index did not open", indexFailure);
            }
            throw e;
        }
        SearchSetup search = choosing.join(); // settled: the catalog asked for its index
        sqlite.warnings().forEach(w -> LOG.warn("{}", w));
        sqlite.notices().forEach(n -> LOG.info("{}", n));
        search.log();
        return new OpenCatalog(sqlite, search.state(), search.index(), options.searchBudget());
    }

    /** The index's opening once it has ended; its failure thrown as {@link IndexFailed}, which {@link #open} unwraps. */
    private static SearchSetup settled(CompletableFuture<SearchSetup> choosing) {
        try {
            return choosing.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            throw new IndexFailed();
        }
    }

    /** The index did not open; {@link #open} throws what it failed with. */
    private static final class IndexFailed extends RuntimeException {
        IndexFailed() {
            super(null, null, false, false);
        }
    }

    /** Why searches cannot read the index that was opened (damaged while served), or null. */
    String indexFault() {
        return searchIndex instanceof SearchIndex open ? open.fault()
                : searchIndex instanceof LateIndex late ? late.fault() : null;
    }

    /** Whether the index's readers are still opening ({@link LateIndex}). */
    boolean indexOpening() {
        return searchIndex instanceof LateIndex late && late.opening();
    }

    /** Whether searches use the search index (current or stale) rather than a scan of SQLite. */
    boolean searchesIndex() {
        return index == SearchSetup.IndexState.CURRENT || index == SearchSetup.IndexState.STALE;
    }

    /** What the routes serve. */
    Catalog catalog() {
        return sqlite;
    }

    @Override
    public void close() {
        sqlite.close(); // and the search index it searches with
    }
}
