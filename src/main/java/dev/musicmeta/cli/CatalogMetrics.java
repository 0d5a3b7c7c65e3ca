package dev.musicmeta.cli;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.http.ServiceInfo;
import dev.musicmeta.http.ServiceMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Puts what {@code serve} opened on {@code /metrics}: the catalog's own meters (statements, pool,
 * caches, searches), bound before the port opens so that no request goes unrecorded, and the
 * facts {@code /info} reports as gauges once gathered: rows per table, file sizes, and the search
 * index's documents and build time.
 */
final class CatalogMetrics {

    private CatalogMetrics() {}

    /** Binds the catalog's meters unless metrics are off; returns what the routes serve. */
    static Catalog bind(OpenCatalog opened, ServiceMetrics metrics) {
        if (metrics.enabled()) {
            opened.sqlite().bindTo(metrics.registry());
        }
        return opened.catalog();
    }

    /**
     * Registers the gauges of {@code facts} once they are gathered, in place of those of a catalog
     * served before.
     */
    static void bindFacts(CompletableFuture<ServiceInfo> facts, ServiceMetrics metrics) {
        if (metrics.enabled()) {
            facts.thenAccept(info -> register(info, metrics.registry()));
        }
    }

    /** The gauges of the facts: a refreshed catalog's replace the last one's, none left behind. */
    private static final List<String> FACTS = List.of("mma.catalog.rows", "mma.catalog.file.size",
            "mma.search.index.documents", "mma.search.index.built.timestamp");

    private static synchronized void register(ServiceInfo info, MeterRegistry registry) {
        FACTS.forEach(name -> registry.find(name).meters().forEach(registry::remove));
        ServiceInfo.CatalogFacts catalog = info.catalog();
        if (catalog != null) {
            Map.of("tracks", catalog.tracks(), "albums", catalog.albums(), "artists", catalog.artists())
                    .forEach((table, rows) -> {
                        if (rows >= 0) {
                            Gauge.builder("mma.catalog.rows", () -> rows)
                                    .description("Rows of the catalog's tables (the largest rowid, read at start)")
                                    .tag("table", table).register(registry);
                        }
                    });
            for (ServiceInfo.File file : catalog.files()) {
                if (file.bytes() >= 0) {
                    Gauge.builder("mma.catalog.file.size", file::bytes).baseUnit("bytes")
                            .description("Size of each catalog file served").tag("file", file.name()).register(registry);
                }
            }
        }
        ServiceInfo.Index index = info.index();
        if (index != null) {
            index.documents().forEach((kind, documents) -> Gauge.builder("mma.search.index.documents", () -> documents)
                    .description("Documents of the search index by kind").tag("kind", kind).register(registry));
            try {
                long built = Instant.parse(index.builtAt()).getEpochSecond();
                Gauge.builder("mma.search.index.built.timestamp", () -> built).baseUnit("seconds")
                        .description("When the search index served was built, in seconds since the epoch")
                        .register(registry);
            } catch (DateTimeParseException | NullPointerException e) {
                // an index without a readable build time: no gauge rather than a wrong one
            }
        }
    }
}
