package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchTimeoutException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The timers of searches, {@code mma_search_seconds} by {@code kind} (tracks, albums, artists),
 * {@code searcher} (index, or fallback: the scan of names in SQLite when there is no index) and
 * {@code outcome} (ok, timeout past the search budget, error); and {@code mma_search_fallback},
 * 1 when searches scan SQLite. A search is the searcher's part: finding the page's rowids and the
 * total, not loading the items. Every timer is made up front, so recording allocates nothing.
 */
final class SearchMeters {

    static final String TIMER = "mma.search";
    private static final String[] OUTCOMES = {"ok", "timeout", "error"};

    /** By {@link SearchKind} ordinal, then outcome. */
    private final Timer[][] timers = new Timer[SearchKind.values().length][OUTCOMES.length];

    SearchMeters(MeterRegistry registry, boolean fallback) {
        String searcher = fallback ? "fallback" : "index";
        for (SearchKind kind : SearchKind.values()) {
            for (int o = 0; o < OUTCOMES.length; o++) {
                timers[kind.ordinal()][o] = Timer.builder(TIMER)
                        .description("Searches by kind, searcher and outcome: finding a page of hits and the total")
                        .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                        .tag("searcher", searcher)
                        .tag("outcome", OUTCOMES[o])
                        .register(registry);
            }
        }
        registry.find("mma.search.fallback").meters().forEach(registry::remove); // a refreshed catalog's answer
        Gauge.builder("mma.search.fallback", () -> fallback ? 1 : 0)
                .description("1 when searches scan the names in SQLite (no usable search index: no prefixes,"
                        + " typos or filters, and slow on a large catalog), 0 when they use the index")
                .register(registry);
    }

    /** Records a search that started at {@code started} (System.nanoTime) and ended with {@code failure} (or null). */
    void record(SearchKind kind, long started, RuntimeException failure) {
        int outcome = failure == null ? 0 : failure instanceof SearchTimeoutException ? 1 : 2;
        timers[kind.ordinal()][outcome].record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
