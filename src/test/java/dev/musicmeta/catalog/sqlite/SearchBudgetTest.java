package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.SearchTimeoutException;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback search stops at its time budget; a budget of 1 ns is spent before any scan ends. */
class SearchBudgetTest {

    static final int FILLERS = 30_000;

    @TempDir
    static Path dir;
    static EdgeCatalog edge;

    @BeforeAll
    static void build() throws Exception {
        edge = EdgeCatalog.create(dir); // its own: it gets more artists
        try (Db db = Db.write(edge.main())) {
            for (int i = 0; i < FILLERS; i++) {
                db.execute("INSERT INTO artists (id, name, followers_total, popularity) VALUES (?, ?, ?, 0)",
                        id("Filler", i), "Filler artist " + i, i);
            }
        }
    }

    static SqliteCatalog open(Duration budget) throws CatalogFileException {
        return SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(1).withSearchBudget(budget));
    }

    @Test
    void searchPastItsBudgetTimesOutAndSuggestsAMoreSpecificQuery() throws Exception {
        try (SqliteCatalog tiny = open(Duration.ofNanos(1))) {
            // Nothing matches: only SQLite's progress handler can stop this scan.
            assertThatThrownBy(() -> tiny.searchArtists(new SearchRequest("matches nothing", 20, 0)))
                    .isInstanceOf(SearchTimeoutException.class)
                    .hasMessageContaining("time budget of 1 ns")
                    .hasMessageContaining("more specific query");
            // Thousands match: the scan stops at the first match past the budget.
            assertThatThrownBy(() -> tiny.searchArtists(new SearchRequest("filler", 20, 0)))
                    .isInstanceOf(SearchTimeoutException.class);
        }
    }

    @Test
    void connectionServesLookupsAfterATimeout() throws Exception {
        try (SqliteCatalog tiny = open(Duration.ofNanos(1)); SqliteCatalog normal = open(Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> tiny.searchArtists(new SearchRequest("matches nothing", 20, 0)))
                    .isInstanceOf(SearchTimeoutException.class);
            // The one connection was interrupted mid-statement; it must be reset and no longer interrupted.
            assertThat(tiny.track(TRACK_FULL)).isEqualTo(normal.track(TRACK_FULL));
            assertThat(tiny.tracksByIsrc(ISRC_MANY)).extracting(Track::id).isEqualTo(ISRC_MANY_ORDER);
        }
    }

    @Test
    void aBudgetLargeEnoughLetsTheScanFinishWithAnExactTotal() throws Exception {
        try (SqliteCatalog normal = open(Duration.ofSeconds(30))) {
            var page = normal.searchArtists(new SearchRequest("filler artist", 3, 0));
            assertThat(page.total()).isEqualTo(FILLERS);
            // All prefix matches: by followers, highest first.
            assertThat(page.items()).extracting(Artist::name)
                    .containsExactly("Filler artist 29999", "Filler artist 29998", "Filler artist 29997");
        }
    }

    @Test
    void budgetsOfConcurrentSearchesDoNotMix() throws Exception {
        try (SqliteCatalog tiny = open(Duration.ofNanos(1)); SqliteCatalog normal = open(Duration.ofSeconds(30))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    runs.add(pool.submit(() -> assertThatThrownBy(
                            () -> tiny.searchArtists(new SearchRequest("matches nothing", 20, 0)))
                            .isInstanceOf(SearchTimeoutException.class)));
                    runs.add(pool.submit(() -> assertThat(
                            normal.searchArtists(new SearchRequest("matches nothing", 20, 0)).total()).isZero()));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
