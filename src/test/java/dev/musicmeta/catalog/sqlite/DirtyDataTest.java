package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.CatalogScan.RankedItem;
import dev.musicmeta.catalog.Image;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dirty rows never fail a request and never lose a credit: every row of the edge catalog
 * assembles, and the values the real data gets wrong read as documented. Caches are off, so
 * every answer is read from the files.
 */
class DirtyDataTest {

    static EdgeCatalog edge;
    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        edge = EdgeCatalog.shared();
        catalog = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(1).withoutCaches());
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    /** One column of {@code sql} over the edge main file, read-only. */
    static List<Object> column(String sql, Object... parameters) {
        return Db.column(edge.main(), sql, parameters);
    }

    static long[] rowids(String table) throws Exception {
        return column("SELECT rowid FROM " + table + " ORDER BY rowid").stream()
                .mapToLong(v -> ((Number) v).longValue()).toArray();
    }

    static List<String> strings(String sql) throws Exception {
        return column(sql).stream().map(String.class::cast).toList();
    }

    static List<String> ids(List<Artist> artists) {
        return artists.stream().map(Artist::id).toList();
    }

    static List<Long> boxed(long[] rowids) {
        return LongStream.of(rowids).boxed().toList();
    }

    /** Every item of a table through the scan the search index is built from, in pages of 50 rowids. */
    static <T> List<RankedItem<T>> scan(SearchKind kind, BiFunction<Long, Long, List<RankedItem<T>>> pages) {
        List<RankedItem<T>> all = new ArrayList<>();
        for (long after = 0; after < catalog.maxRowid(kind); after += 50) {
            all.addAll(pages.apply(after, after + 50));
        }
        return all;
    }

    static <T> List<T> items(List<RankedItem<T>> items) {
        return items.stream().map(RankedItem::item).toList();
    }

    @Test
    void theEdgeRowsHoldTheStoredTypesTheyDescribe() throws Exception {
        // Guards the tests below: SQLite's type affinity must not have cleaned the dirt away.
        assertThat(column("SELECT typeof(index_in_album) FROM artist_albums a JOIN albums l"
                + " ON l.rowid = a.album_rowid WHERE l.id = ? ORDER BY a.rowid", ALBUM_FULL)).containsExactly(
                "integer", "integer", "integer", "null", "null", "text", "integer", "integer", "integer", "real",
                "blob", "text", "text", "integer", "integer", "integer", "integer");
        assertThat(column("SELECT typeof(followers_total) FROM artists WHERE id = ?", ARTIST_EMPTY))
                .containsExactly("real");
        assertThat(column("SELECT typeof(duration_ms) FROM tracks WHERE id = ?", TRACK_OUT_OF_RANGE))
                .containsExactly("real");
    }

    @Test
    void albumArtistsWithAnIndexThatIsNotAnIntegerFollowTheOthers() {
        Album album = catalog.album(ALBUM_FULL).orElseThrow();
        assertThat(ids(album.artists())).isEqualTo(ALBUM_FULL_ARTISTS);
        assertThat(ids(album.artists()).subList(5, 8))
                .containsExactly(ARTIST_CYRILLIC, ARTIST_EMOJI, ARTIST_DIACRITICS);
        assertThat(ids(catalog.track(TRACK_FULL).orElseThrow().album().artists())).isEqualTo(ALBUM_FULL_ARTISTS);
        assertThat(catalog.albumsInRange(0, 1)).singleElement().extracting(RankedItem::item)
                .isEqualTo(indexed(album)); // rowid 1
    }

    @Test
    void albumArtistsAreTheRowsWithAnIndexOnly() {
        List<String> artists = ids(catalog.album(ALBUM_FULL).orElseThrow().artists());
        // CJK has an own-album row with a NULL index, Arabic only an is_appears_on row.
        assertThat(artists).doesNotContain(ARTIST_CJK, ARTIST_ARABIC).doesNotHaveDuplicates();
    }

    @Test
    void genresAreKeptOnceInOrderOfFirstAppearanceComparedCaseSensitively() {
        assertThat(catalog.artist(ARTIST_FULL).orElseThrow().genres())
                .containsExactly("zouk", "afrobeat", "pop", "Pop");
        assertThat(catalog.artist(ARTIST_EMPTY).orElseThrow().genres()).isEmpty();
    }

    @Test
    void emptyTextIsServedAsStoredAndNumbersOutOfRangeAsNull() {
        assertThat(catalog.artist(ARTIST_EMPTY).orElseThrow())
                .isEqualTo(new Artist(ARTIST_EMPTY, "", null, null, List.of(), List.of()));

        Track t = catalog.track(TRACK_OUT_OF_RANGE).orElseThrow();
        assertThat(t.name()).isEmpty();
        assertThat(t.previewUrl()).isEmpty();
        assertThat(t.popularity()).isNull();
        assertThat(t.durationMs()).isNull();
        assertThat(t.trackNumber()).isNull();
        assertThat(t.explicit()).isNull();
        assertThat(t.discNumber()).isZero();
        assertThat(t.isrc()).isEqualTo(TRACK_OUT_OF_RANGE_ISRC);
        assertThat(ids(t.artists())).containsExactly(ARTIST_EMPTY);
        assertThat(catalog.track(TRACK_POPULARITY_OVERFLOW).orElseThrow().popularity()).isNull();
    }

    @Test
    void malformedReleaseDatesAreServedAsStored() {
        Album a = catalog.album(ALBUM_ODD).orElseThrow();
        assertThat(a.name()).isEmpty();
        assertThat(a.label()).isEmpty();
        assertThat(a.upc()).isEmpty();
        assertThat(a.releaseDate()).isEqualTo(ALBUM_ODD_RELEASE_DATE);
        assertThat(a.releaseDatePrecision()).isEqualTo(ALBUM_ODD_PRECISION);
        assertThat(a.totalTracks()).isNull();
        assertThat(ids(a.artists())).containsExactly(ARTIST_EMPTY);
        assertThat(catalog.track(TRACK_OUT_OF_RANGE).orElseThrow().album()).isEqualTo(a);
        assertThat(catalog.albumTracks(ALBUM_ODD).orElseThrow()).extracting(Track::id)
                .containsExactly(TRACK_OUT_OF_RANGE);
    }

    @Test
    void malformedReleaseDatesRankAsTextAmongTheTracksOfAnIsrc() {
        assertThat(catalog.tracksByIsrc(TRACK_OUT_OF_RANGE_ISRC)).extracting(Track::id)
                .containsExactly(TRACK_POPULARITY_OVERFLOW, TRACK_OUT_OF_RANGE);
        assertThat(catalog.bestTrackByIsrc(TRACK_OUT_OF_RANGE_ISRC).orElseThrow().id())
                .isEqualTo(TRACK_POPULARITY_OVERFLOW);
    }

    @Test
    void imagesWithoutSizeAreKeptAndImagesWithoutUrlLeftOut() {
        assertThat(catalog.album(ALBUM_ODD).orElseThrow().images()).containsExactly(
                new Image(ALBUM_ODD_IMAGE_URLS.get(0), 300, null),
                new Image(ALBUM_ODD_IMAGE_URLS.get(1), null, null),
                new Image(ALBUM_ODD_IMAGE_URLS.get(2), null, 640));
        assertThat(catalog.album(ALBUM_FULL).orElseThrow().images()).extracting(Image::url)
                .isEqualTo(ALBUM_FULL_IMAGE_URLS);
        assertThat(catalog.artist(ARTIST_DIRTY).orElseThrow().images()).extracting(Image::url)
                .containsExactly(ARTIST_DIRTY_IMAGE_URL);
    }

    @Test
    void everyRowOfEveryTableAssembles() throws Exception {
        long[] tracks = rowids("tracks");
        long[] artists = rowids("artists");
        long[] albums = rowids("albums");
        assertThat(scan(SearchKind.TRACKS, catalog::tracksInRange)).extracting(RankedItem::rowid).containsExactlyElementsOf(boxed(tracks));
        assertThat(scan(SearchKind.ARTISTS, catalog::artistsInRange)).extracting(RankedItem::rowid).containsExactlyElementsOf(boxed(artists));
        assertThat(scan(SearchKind.ALBUMS, catalog::albumsInRange)).extracting(RankedItem::rowid).containsExactlyElementsOf(boxed(albums));

        List<String> trackIds = strings("SELECT DISTINCT id FROM tracks WHERE id IS NOT NULL");
        List<String> artistIds = strings("SELECT DISTINCT id FROM artists WHERE id IS NOT NULL");
        List<String> albumIds = strings("SELECT DISTINCT id FROM albums WHERE id IS NOT NULL");
        assertThat(catalog.tracks(trackIds)).hasSize(trackIds.size());
        assertThat(catalog.artists(artistIds)).hasSize(artistIds.size());
        assertThat(catalog.albums(albumIds)).hasSize(albumIds.size());
        for (String album : albumIds) {
            assertThat(catalog.albumTracks(album)).as(album).isPresent();
        }

        List<String> isrcs = strings("SELECT DISTINCT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL");
        Map<String, List<Track>> byIsrc = catalog.tracksByIsrc(isrcs);
        assertThat(byIsrc).hasSize(isrcs.size());
        assertThat(byIsrc.values().stream().mapToInt(List::size).sum())
                .isEqualTo(column("SELECT rowid FROM tracks WHERE external_id_isrc IS NOT NULL").size());
        assertThat(catalog.bestTrackByIsrc(isrcs)).hasSize(isrcs.size());
    }

    @Test
    void noCreditOfAnExistingArtistIsLost() throws Exception {
        // Counted in SQL, apart from the assembly: the distinct existing artists of each link set.
        long[] tracks = rowids("tracks");
        List<Object> trackCredits = column("SELECT (SELECT count(DISTINCT ar.rowid) FROM track_artists ta"
                + " JOIN artists ar ON ar.rowid = ta.artist_rowid WHERE ta.track_rowid = t.rowid)"
                + " FROM tracks t ORDER BY t.rowid");
        List<Track> servedTracks = items(scan(SearchKind.TRACKS, catalog::tracksInRange));
        for (int i = 0; i < tracks.length; i++) {
            assertThat(servedTracks.get(i).artists()).as("track rowid %d", tracks[i])
                    .hasSize(((Number) trackCredits.get(i)).intValue());
        }
        long[] albums = rowids("albums");
        List<Object> albumCredits = column("SELECT (SELECT count(DISTINCT ar.rowid) FROM artist_albums aa"
                + " JOIN artists ar ON ar.rowid = aa.artist_rowid"
                + " WHERE aa.album_rowid = l.rowid AND aa.index_in_album IS NOT NULL) FROM albums l ORDER BY l.rowid");
        List<Album> servedAlbums = items(scan(SearchKind.ALBUMS, catalog::albumsInRange));
        for (int i = 0; i < albums.length; i++) {
            assertThat(servedAlbums.get(i).artists()).as("album rowid %d", albums[i])
                    .hasSize(((Number) albumCredits.get(i)).intValue());
        }
    }

    @Test
    void theScanTheIndexIsBuiltFromServesEveryItemAsTheLookupsDo() {
        List<RankedItem<Track>> tracks = scan(SearchKind.TRACKS, catalog::tracksInRange);
        for (RankedItem<Track> item : tracks) {
            if (item.item().id() != null) {
                assertThat(item.item()).as("track rowid %d", item.rowid()).isEqualTo(indexed(track(item.item().id())));
            }
            assertThat(item.rank()).as("track rowid %d", item.rowid())
                    .isEqualTo(item.item().popularity() == null ? null : item.item().popularity().longValue());
        }
        for (RankedItem<Artist> item : scan(SearchKind.ARTISTS, catalog::artistsInRange)) {
            if (item.item().id() != null) {
                assertThat(item.item()).isEqualTo(indexed(catalog.artist(item.item().id()).orElseThrow()));
            }
            assertThat(item.rank()).isEqualTo(item.item().followers());
        }
        List<RankedItem<Album>> albums = scan(SearchKind.ALBUMS, catalog::albumsInRange);
        for (RankedItem<Album> item : albums) {
            if (item.item().id() != null) {
                assertThat(item.item()).isEqualTo(indexed(catalog.album(item.item().id()).orElseThrow()));
            }
        }
        // Albums rank by a popularity the API does not serve, read by the rule that serves a track's.
        assertThat(rank(albums, ALBUM_FULL)).isEqualTo(77);
        assertThat(rank(albums, ALBUM_DIRTY)).as("stored as 'hot'").isNull();
        assertThat(rank(albums, ALBUM_ODD)).as("stored as 250").isNull();
        assertThat(rank(tracks, TRACK_DIRTY_TYPES)).as("stored as 'high'").isNull();
        assertThat(rank(tracks, TRACK_OUT_OF_RANGE)).as("stored as 101").isNull();
        assertThat(rank(scan(SearchKind.ARTISTS, catalog::artistsInRange), ARTIST_DIRTY)).as("stored as 'many'").isNull();
        assertThat(rank(scan(SearchKind.ARTISTS, catalog::artistsInRange), ARTIST_EMPTY)).as("stored as +Infinity").isNull();
    }

    /**
     * What the scan holds of a served track: the values a search index reads
     * ({@link dev.musicmeta.catalog.CatalogScan}), each as served; the others null or empty.
     */
    static Track indexed(Track t) {
        return new Track(t.id(), t.name(), t.isrc(), null, t.explicit(), null, null, t.popularity(), null,
                t.album() == null ? null : onTrack(t.album()), indexed(t.artists()), null, null, null, List.of(), null);
    }

    /** What the scan holds of a track's album: what the track's index document holds of it. */
    static Album onTrack(Album a) {
        return new Album(a.id(), a.name(), null, null, a.releaseDate(), null, a.upc(), null, null, null, null,
                List.of(), List.of());
    }

    static Album indexed(Album a) {
        return new Album(a.id(), a.name(), a.albumType(), null, a.releaseDate(), null, a.upc(), null, null, null,
                a.popularity(), List.of(), indexed(a.artists()));
    }

    static Artist indexed(Artist a) {
        return new Artist(a.id(), a.name(), a.followers(), null, a.genres(), List.of());
    }

    private static List<Artist> indexed(List<Artist> artists) {
        return artists.stream().map(DirtyDataTest::indexed).toList();
    }

    private static Track track(String id) {
        return catalog.track(id).orElseThrow();
    }

    private static Long rank(List<? extends RankedItem<?>> items, String id) {
        return items.stream().filter(i -> id.equals(idOf(i.item()))).findFirst().orElseThrow().rank();
    }

    private static String idOf(Object item) {
        if (item instanceof Track t) {
            return t.id();
        }
        return item instanceof Album a ? a.id() : ((Artist) item).id();
    }
}
