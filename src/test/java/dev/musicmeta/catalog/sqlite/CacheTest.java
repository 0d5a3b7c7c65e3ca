package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.EdgeCatalog;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The artist and album caches: same answers, fewer statements, bounded, counted. */
class CacheTest {

    static EdgeCatalog edge;
    static SqliteCatalog uncached;

    @BeforeAll
    static void build() throws Exception {
        edge = EdgeCatalog.shared();
        uncached = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(1).withoutCaches());
    }

    @AfterAll
    static void close() {
        uncached.close();
    }

    static SqliteCatalog cached(int size) throws CatalogFileException {
        return SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(1).withCacheSizes(size, size));
    }

    static long statements(SqliteCatalog catalog, Runnable request) {
        long before = catalog.statements().total();
        request.run();
        return catalog.statements().total() - before;
    }

    @Test
    void secondTrackLookupReadsOnlyTheTrackRows() throws Exception {
        try (SqliteCatalog catalog = cached(100)) {
            long miss = statements(catalog, () -> catalog.track(TRACK_TEN_ARTISTS));
            long hit = statements(catalog, () -> catalog.track(TRACK_TEN_ARTISTS));
            assertThat(miss).isEqualTo(StatementCountTest.TRACK_LOOKUP);
            // the track row only: album and the ten artists come from the caches
            assertThat(hit).isEqualTo(1);
            assertThat(catalog.track(TRACK_TEN_ARTISTS)).isEqualTo(uncached.track(TRACK_TEN_ARTISTS));
            CatalogCacheStats stats = catalog.cacheStats();
            assertThat(stats.albumHits()).isEqualTo(2);
            assertThat(stats.albumMisses()).isEqualTo(1);
            assertThat(stats.artistHits()).isEqualTo(2 * TRACK_TEN_ARTISTS_CREDITS.size());
            assertThat(stats.albumEntries()).isEqualTo(1);
            long artistLookups = stats.artistHits() + stats.artistMisses(); // the credits and the album's artist
            assertThat(stats.summary()).isEqualTo(String.format(Locale.ROOT,
                    "artists: %.1f%% hits of %d lookups, %d entries; albums: 66.7%% hits of 3 lookups, 1 entries",
                    100.0 * stats.artistHits() / artistLookups, artistLookups, stats.artistEntries()));
        }
    }

    @Test
    void cachedArtistsAndAlbumsAreServedAfterOneStatement() throws Exception {
        try (SqliteCatalog catalog = cached(1000)) {
            assertThat(statements(catalog, () -> catalog.artists(bulkArtistIds())))
                    .isEqualTo(StatementCountTest.ARTIST_LOOKUP);
            assertThat(statements(catalog, () -> catalog.artists(bulkArtistIds()))).isEqualTo(1);
            assertThat(statements(catalog, () -> catalog.albums(bulkAlbumIds())))
                    .isEqualTo(StatementCountTest.ALBUM_LOOKUP - 1); // the album artists are cached already
            assertThat(statements(catalog, () -> catalog.albums(bulkAlbumIds()))).isEqualTo(1);
            assertThat(catalog.albums(bulkAlbumIds())).isEqualTo(uncached.albums(bulkAlbumIds()));
            assertThat(catalog.artists(List.of(ARTIST_FULL, ARTIST_DIRTY)))
                    .isEqualTo(uncached.artists(List.of(ARTIST_FULL, ARTIST_DIRTY)));
        }
    }

    @Test
    void mixOfCachedAndUncachedItemsIsComplete() throws Exception {
        try (SqliteCatalog catalog = cached(1000)) {
            catalog.tracks(bulkTrackIds().subList(0, 200));
            assertThat(catalog.tracks(bulkTrackIds())).isEqualTo(uncached.tracks(bulkTrackIds()));
            assertThat(catalog.tracksByIsrc(ISRC_MANY)).isEqualTo(uncached.tracksByIsrc(ISRC_MANY));
        }
    }

    @Test
    void cachesAreBoundedByEntryCount() throws Exception {
        try (SqliteCatalog catalog = cached(10)) {
            catalog.tracks(bulkTrackIds());
            CatalogCacheStats stats = catalog.cacheStats();
            assertThat(stats.artistEntries()).isLessThanOrEqualTo(10);
            assertThat(stats.albumEntries()).isLessThanOrEqualTo(10);
            assertThat(catalog.tracks(bulkTrackIds())).isEqualTo(uncached.tracks(bulkTrackIds()));
        }
    }

    @Test
    void searchPagesReadTheCachesButDoNotFillThem() throws Exception {
        try (SqliteCatalog catalog = cached(1000)) {
            SearchRequest request = new SearchRequest("a", 50, 0);
            Page<Track> page = catalog.searchTracks(request);
            assertThat(page.items()).isNotEmpty().isEqualTo(uncached.searchTracks(request).items());
            CatalogCacheStats afterSearch = catalog.cacheStats();
            assertThat(afterSearch.albumMisses()).isPositive(); // looked up, counted, not kept
            assertThat(afterSearch.albumEntries()).isZero();
            assertThat(afterSearch.artistEntries()).isZero();

            // A lookup fills them; the same search then takes its items from them.
            catalog.tracks(page.items().stream().map(Track::id).toList());
            long albums = catalog.cacheStats().albumEntries();
            assertThat(albums).isPositive();
            long statements = statements(catalog, () -> catalog.searchTracks(request));
            long uncachedStatements = statements(uncached, () -> uncached.searchTracks(request));
            assertThat(statements).isLessThan(uncachedStatements);
            assertThat(catalog.cacheStats().albumHits()).isGreaterThan(afterSearch.albumHits());
            assertThat(catalog.cacheStats().albumEntries()).isEqualTo(albums);
            assertThat(catalog.searchTracks(request)).isEqualTo(uncached.searchTracks(request));
        }
    }

    @Test
    void cachesOffCountNothing() {
        uncached.tracks(bulkTrackIds());
        assertThat(uncached.cacheStats()).isEqualTo(new CatalogCacheStats(0, 0, 0, 0, 0, 0));
        assertThat(uncached.cacheStats().summary())
                .isEqualTo("artists: no lookups, 0 entries; albums: no lookups, 0 entries");
    }
}
