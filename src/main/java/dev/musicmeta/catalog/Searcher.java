package dev.musicmeta.catalog;

import java.util.function.Supplier;

/**
 * Finds one page of a search: a kind and a request in, rowids and a total out. The catalog turns
 * the rowids into items, so a searcher never reads or builds an item. Implemented by the search
 * index ({@code search.SearchIndex}) and by the catalog's own scan of names when there is no index
 * ({@code catalog.sqlite.FallbackSearch}). Implementations are thread-safe and bound each search
 * by a time budget of their own.
 */
public interface Searcher extends AutoCloseable {

    /**
     * Runs {@code work} (a search and the loading of its page's items) when this searcher admits
     * it, so that a searcher can bound how many run at once; at once by default.
     *
     * @throws CatalogBusyException when it could not be admitted in time (a 503 with Retry-After)
     */
    default <T> T admit(Supplier<T> work) {
        return work.get();
    }

    /**
     * @throws SearchTimeoutException      when the search runs past its time budget
     * @throws CatalogUnavailableException when what it searches cannot be read
     */
    SearchHits search(SearchKind kind, SearchRequest request);

    /** Releases what the searcher holds open; nothing by default. */
    @Override
    default void close() {}
}
