package dev.musicmeta.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import dev.musicmeta.testing.TestCatalogs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Swapping the catalog served: a request keeps the catalog it started with, the replaced one
 * closes after its grace period, and a call that comes later still is answered by the new one.
 */
class LiveCatalogTest {

    @Test
    void aRequestKeepsItsCatalogAcrossASwapAndTheReplacedOneClosesAfterTheGracePeriod() throws Exception {
        SqliteCatalog sample = SqliteCatalog.open(CatalogFiles.resolve(TestCatalogs.smallMain(), null),
                SqliteOptions.defaults().withConnections(2));
        SqliteCatalog edge = SqliteCatalog.open(EdgeCatalog.shared().files(), SqliteOptions.defaults().withConnections(2));
        String inSample = Db.value(TestCatalogs.smallMain(), "SELECT id FROM tracks LIMIT 1").toString();
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveCatalog live = new LiveCatalog(sample, log::add)) {
            Catalog request = live.current();
            assertThat(request.track(inSample)).isPresent();

            live.swap(edge, "the edge catalog", Duration.ofMillis(300));

            assertThat(live.served()).isSameAs(edge);
            assertThat(request.track(inSample)).as("the request's catalog, within the grace period").isPresent();
            assertThat(live.current().track(inSample)).as("a new request").isEmpty();
            assertThat(live.track(EdgeCatalog.TRACK_FULL)).isPresent();

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (log.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(log).singleElement().asString().startsWith("closed the catalog opened at start-up");
            assertThatThrownBy(() -> sample.track(inSample)).isInstanceOf(CatalogUnavailableException.class)
                    .hasMessageContaining("closed");
            assertThat(request.track(inSample)).as("a late call: answered by the catalog served now").isEmpty();
            assertThat(request.track(EdgeCatalog.TRACK_FULL)).isPresent();
        }
        assertThatThrownBy(() -> edge.track(EdgeCatalog.TRACK_FULL)).as("closed with the live catalog")
                .isInstanceOf(CatalogUnavailableException.class);
    }
}
