package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.CatalogScan;
import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.testing.EdgeCatalog;
import dev.musicmeta.testing.IndexDump;
import dev.musicmeta.testing.TestCatalogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scan reads only the values the search index holds (the index-only select lists), and the
 * index built from it is the index built from the items as served: the same terms in the same
 * documents at the same positions, the same norms, doc values and points. On the edge catalog
 * (every kind of dirty value) and on a generated one.
 */
class IndexedColumnsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> catalogs() {
        return Stream.of(Arguments.of("edge", EdgeCatalog.shared().files()),
                Arguments.of("generated", new CatalogFiles(TestCatalogs.smallMain(), TestCatalogs.smallTrackFiles())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogs")
    void theIndexOfTheIndexedValuesIsTheIndexOfTheItemsAsServed(String name, CatalogFiles files) throws Exception {
        try (SqliteCatalog catalog = SqliteCatalog.open(files, SqliteOptions.defaults().withConnections(2))) {
            new IndexBuilder(1, 16).build(catalog, files.main(), dir.resolve("indexed"), Progress.NONE);
            Served served = new Served(catalog, new AtomicInteger());
            new IndexBuilder(1, 16).build(served, files.main(), dir.resolve("served"), Progress.NONE);
            assertThat(served.fuller()).as("items the scan holds less of than a lookup serves").hasPositiveValue();
        }
        for (SearchKind kind : SearchKind.values()) {
            String folder = kind.name().toLowerCase(Locale.ROOT);
            List<String> indexed = IndexDump.lines(dir.resolve("indexed").resolve(folder));
            List<String> served = IndexDump.lines(dir.resolve("served").resolve(folder));
            assertThat(indexed).as(kind + " terms").anyMatch(line -> line.startsWith("term "));
            assertThat(indexed).as(kind.toString()).isEqualTo(served);
        }
    }

    /**
     * The scan's rowids and ranks, with each item as a lookup serves it: every value read.
     * {@code fuller} counts the items served with more than the scan holds.
     */
    private record Served(SqliteCatalog catalog, AtomicInteger fuller) implements CatalogScan {

        @Override
        public long maxRowid(SearchKind kind) {
            return catalog.maxRowid(kind);
        }

        @Override
        public List<RankedItem<Track>> tracksInRange(long after, long last) {
            return served(SearchKind.TRACKS, catalog.tracksInRange(after, last));
        }

        @Override
        public List<RankedItem<Album>> albumsInRange(long after, long last) {
            return served(SearchKind.ALBUMS, catalog.albumsInRange(after, last));
        }

        @Override
        public List<RankedItem<Artist>> artistsInRange(long after, long last) {
            return served(SearchKind.ARTISTS, catalog.artistsInRange(after, last));
        }

        @SuppressWarnings("unchecked")
        private <T> List<RankedItem<T>> served(SearchKind kind, List<RankedItem<T>> scanned) {
            Set<Long> rowids = new LinkedHashSet<>();
            scanned.forEach(item -> rowids.add(item.rowid()));
            Map<Long, ?> items = catalog.served(kind, rowids);
            List<RankedItem<T>> out = new ArrayList<>(scanned.size());
            for (RankedItem<T> item : scanned) {
                T whole = (T) items.get(item.rowid());
                assertThat(whole).as("%s rowid %d", kind, item.rowid()).isNotNull();
                if (!whole.equals(item.item())) {
                    fuller.incrementAndGet();
                }
                out.add(new RankedItem<>(item.rowid(), whole, item.rank()));
            }
            return out;
        }
    }
}
