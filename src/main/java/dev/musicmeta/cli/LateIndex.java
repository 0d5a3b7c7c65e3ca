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
 * are open, {@link #opening()} holds {@code /ready} at 503 and searches wait for them; readers
 * that cannot be opened are this index's {@link #fault()}, and searches answer 503.
 */
final class LateIndex implements Searcher {

    private static final Logger LOG = LoggerFactory.getLogger(LateIndex.class);

    private final Path folder;
    private final CompletableFuture<SearchIndex> opened = new CompletableFuture<>();
    private volatile boolean closed;

    /**
     * @param after completes when the readers may open (the server listens); failed or cancelled,
     *              they never open
     */
    LateIndex(Path folder, Duration budget, CompletableFuture<?> after) {
        this.folder = folder;
        after.whenComplete((ignored, failure) -> {
            if (failure != null || closed) {
                opened.cancel(false);
                return;
            }
            Thread opener = new Thread(() -> open(budget), "index-open");
            opener.setDaemon(true);
            opener.start();
        });
    }

    private void open(Duration budget) {
        try {
            SearchIndex index = SearchIndex.open(folder, budget);
            if (!opened.complete(index)) {
                index.close(); // closed meanwhile
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.warn("{}: the search index cannot be read ({}); searches answer 503 until it is rebuilt", folder,
                    e.getMessage());
            opened.completeExceptionally(e);
        }
    }

    /** Whether the readers are still opening (or waiting for the server to listen). */
    boolean opening() {
        return !opened.isDone();
    }

    /** Why searches cannot read the index, or null: while opening, and while it reads well. */
    String fault() {
        if (!opened.isDone()) {
            return null;
        }
        if (opened.isCompletedExceptionally()) {
            return folder + ": the search index cannot be read";
        }
        return opened.join().fault();
    }

    /** The open index, waiting for it. */
    private SearchIndex index() {
        try {
            return opened.join();
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
    public void close() {
        closed = true;
        if (!opened.cancel(false) && !opened.isCompletedExceptionally()) {
            opened.join().close();
        }
    }
}
