package dev.musicmeta.cli;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Searcher;
import dev.musicmeta.search.SearchIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index beside the catalog, its readers opened on a thread of their own once
 * {@code serve} listens: its manifest was read and checked against the catalog file before (see
 * {@link SearchSetup#chooseLater}), so what was left of the opening is Lucene's readers and their
 * classes, about a tenth of a second of CPU that the first answer need not wait for. Until they
 * are open, {@link #opening()} holds {@code /ready} at 503 and searches wait for them. Readers
 * that cannot be opened (files damaged or being replaced) are this index's {@link #fault()}:
 * searches answer 503, and the next search or readiness check at least a second later opens them
 * again, as a damaged index that reads well again is served again.
 */
final class LateIndex implements Searcher {

    private static final Logger LOG = LoggerFactory.getLogger(LateIndex.class);
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final Path folder;
    private final Duration budget;
    private volatile CompletableFuture<SearchIndex> opened = new CompletableFuture<>();
    private volatile boolean closed;
    private long failedAt;

    /**
     * @param after completes when the readers may open (the server listens); failed or cancelled,
     *              they never open
     */
    LateIndex(Path folder, Duration budget, CompletableFuture<?> after) {
        this.folder = folder;
        this.budget = budget;
        after.whenComplete((ignored, failure) -> {
            if (failure != null || closed) {
                opened.cancel(false);
                return;
            }
            Thread opener = new Thread(() -> open(opened), "index-open");
            opener.setDaemon(true);
            opener.start();
        });
    }

    private void open(CompletableFuture<SearchIndex> into) {
        try {
            SearchIndex index = SearchIndex.open(folder, budget);
            if (!into.complete(index) || closed) {
                index.close(); // closed meanwhile
            }
        } catch (IOException | RuntimeException | Error e) {
            synchronized (this) {
                failedAt = System.nanoTime();
            }
            LOG.warn("{}: the search index cannot be read ({}); searches answer 503 until it can", folder,
                    e.getMessage());
            into.completeExceptionally(e);
        }
    }

    /** Whether the readers are still opening (or waiting for the server to listen). */
    boolean opening() {
        return !opened.isDone();
    }

    /** Why searches cannot read the index, or null: while opening, and while it reads well. */
    String fault() {
        CompletableFuture<SearchIndex> now = retried();
        if (!now.isDone()) {
            return null;
        }
        if (now.isCompletedExceptionally()) {
            return folder + ": the search index cannot be read";
        }
        return now.join().fault();
    }

    /** The readers, opened again here when they failed to open at least a second ago. */
    private CompletableFuture<SearchIndex> retried() {
        CompletableFuture<SearchIndex> now = opened;
        if (!now.isCompletedExceptionally() || now.isCancelled() || closed) {
            return now;
        }
        synchronized (this) {
            if (opened != now || System.nanoTime() - failedAt < RETRY_NANOS) {
                return opened;
            }
            CompletableFuture<SearchIndex> again = new CompletableFuture<>();
            open(again);
            if (!again.isCompletedExceptionally()) {
                LOG.info("{}: the search index reads well again", folder);
            }
            opened = again;
            return again;
        }
    }

    /** The open index, waiting for it. */
    private SearchIndex index() {
        try {
            return retried().join();
        } catch (CompletionException | CancellationException e) {
            throw new CatalogUnavailableException("the search index cannot be read", e.getCause(), true);
        }
    }

    @Override
    public <T> T admit(Supplier<T> work) {
        return index().admit(work);
    }

    @Override
    public SearchHits search(SearchKind kind, SearchRequest request) {
        return index().search(kind, request);
    }

    @Override
    public synchronized void close() { // waits for a retry in progress, to close what it opened
        closed = true;
        CompletableFuture<SearchIndex> now = opened;
        if (!now.cancel(false) && !now.isCompletedExceptionally()) {
            now.join().close();
        }
    }
}
