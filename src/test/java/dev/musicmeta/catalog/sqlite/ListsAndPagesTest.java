package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.AlbumGroup;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.TestCatalogs;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog's lists and pages over the generated catalog, caches off: a page costs a fixed
 * number of statements however long its list, and the key filters of a search without the index
 * (isrc:, upc:) answer exactly what the rows hold.
 */
class ListsAndPagesTest {

    static final Path DB = TestCatalogs.smallMain();
    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        catalog = SqliteCatalog.open(CatalogFiles.resolve(DB, null),
                SqliteOptions.defaults().withConnections(1).withoutCaches());
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static long statements(Runnable request) {
        return StatementCountTest.statements(catalog, request);
    }

    private static List<String> strings(String sql, Object... args) {
        return Db.column(DB, sql, args).stream().map(String::valueOf).toList();
    }

    private static List<String> ids(List<Track> tracks) {
        return tracks.stream().map(Track::id).toList();
    }

    @Test
    void aPageOfAnAlbumCostsTheSameForAnyAlbumAndAnyNumberOfAlbums() {
        List<String> albums = strings("SELECT al.id FROM albums al WHERE (SELECT count(*) FROM tracks t"
                + " WHERE t.album_rowid = al.rowid) >= 2 ORDER BY al.rowid LIMIT 20");
        String big = strings("SELECT al.id FROM albums al ORDER BY (SELECT count(*) FROM tracks t"
                + " WHERE t.album_rowid = al.rowid) DESC, al.rowid LIMIT 1").get(0);

        long one = statements(() -> catalog.albumTracks(albums.get(0), 0, 1));
        long large = statements(() -> catalog.albumTracks(big, 0, 50));
        long twenty = statements(() -> assertThat(catalog.albumTrackPages(albums, 0, 50)).hasSize(20));

        // keys, tracks, artists
        assertThat(one).isEqualTo(3);
        assertThat(large).isEqualTo(one);
        assertThat(twenty).isEqualTo(one);
    }

    @Test
    void aPageOfAnAlbumIsThatPartOfTheWholeList() {
        String album = strings("SELECT al.id FROM albums al WHERE (SELECT count(*) FROM tracks t"
                + " WHERE t.album_rowid = al.rowid) >= 5 ORDER BY al.rowid LIMIT 1").get(0);
        List<Track> whole = catalog.albumTracks(album).orElseThrow();

        Page<Track> page = catalog.albumTracks(album, 2, 2).orElseThrow();
        Map<String, Page<Track>> pages = catalog.albumTrackPages(List.of(album, "0000000000000000000000"), 0, 50);

        assertThat(page.items()).containsExactlyElementsOf(whole.subList(2, 4));
        assertThat(page.total()).isEqualTo(whole.size());
        assertThat(pages).containsOnlyKeys(album);
        assertThat(pages.get(album).items()).containsExactlyElementsOf(whole);
        assertThat(catalog.albumTracks(album, whole.size(), 5).orElseThrow().items()).isEmpty();
    }

    @Test
    void aPageOfAnIsrcIsThatPartOfItsTracksAndCostsTheSameForAnyIsrc() {
        List<String> isrcs = strings("SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc ORDER BY count(*) DESC, external_id_isrc LIMIT 1");
        String single = strings("SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc HAVING count(*) = 1 ORDER BY external_id_isrc LIMIT 1").get(0);
        List<Track> whole = catalog.tracksByIsrc(isrcs.get(0));

        long many = statements(() -> assertThat(catalog.tracksByIsrc(isrcs.get(0), 1, 2).items())
                .containsExactlyElementsOf(whole.subList(1, 3)));
        long one = statements(() -> assertThat(catalog.tracksByIsrc(single, 0, 2).total()).isEqualTo(1));

        // ranks, tracks, albums, artists
        assertThat(many).isEqualTo(4).isEqualTo(one);
        assertThat(catalog.tracksByIsrc("ZZZZZ9999999", 0, 2).total()).isZero();
    }

    @Test
    void anArtistsAlbumsAndTopTracksCostTheSameForAnyArtist() {
        String most = strings("SELECT ar.id FROM artists ar JOIN artist_albums aa ON aa.artist_rowid = ar.rowid"
                + " GROUP BY ar.rowid ORDER BY count(*) DESC LIMIT 1").get(0);
        String few = strings("SELECT ar.id FROM artists ar JOIN artist_albums aa ON aa.artist_rowid = ar.rowid"
                + " JOIN track_artists ta ON ta.artist_rowid = ar.rowid GROUP BY ar.rowid HAVING count(DISTINCT"
                + " aa.album_rowid) = 1 ORDER BY ar.rowid LIMIT 1").get(0);
        EnumSet<AlbumGroup> all = EnumSet.allOf(AlbumGroup.class);

        long manyAlbums = statements(() -> catalog.artistAlbums(most, all, 0, 50));
        long oneAlbum = statements(() -> catalog.artistAlbums(few, all, 0, 50));
        long manyTracks = statements(() -> catalog.topTracks(most, 50));
        long oneTrack = statements(() -> catalog.topTracks(few, 50));

        // artist rowid, credits, albums, artists
        assertThat(manyAlbums).isEqualTo(4).isEqualTo(oneAlbum);
        // artist rowid, credits, tracks, albums, artists
        assertThat(manyTracks).isEqualTo(5).isEqualTo(oneTrack);
        assertThat(statements(() -> assertThat(catalog.topTracks("0000000000000000000000", 10)).isEmpty()))
                .isEqualTo(1);
    }

    @Test
    void withoutTheIndexIsrcAndUpcFiltersAnswerWhatTheRowsHold() {
        Object[] album = Db.rows(DB, "SELECT al.id, al.external_id_upc FROM albums al WHERE length(al.external_id_upc)"
                + " = 12 AND (SELECT count(*) FROM tracks t WHERE t.album_rowid = al.rowid) >= 3 ORDER BY al.rowid"
                + " LIMIT 1").get(0);
        String upc = (String) album[1];
        List<String> albumTracks = strings("SELECT t.id FROM tracks t JOIN albums al ON al.rowid = t.album_rowid"
                + " WHERE al.external_id_upc = ? ORDER BY t.popularity IS NULL, t.popularity DESC, t.rowid", upc);
        String isrc = strings("SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc HAVING count(*) >= 2 ORDER BY external_id_isrc LIMIT 1").get(0);
        List<String> isrcTracks = strings("SELECT id FROM tracks WHERE external_id_isrc = ?"
                + " ORDER BY popularity IS NULL, popularity DESC, rowid", isrc);
        String firstName = (String) Db.value(DB, "SELECT name FROM tracks WHERE id = ?", albumTracks.get(1));

        Page<Track> byUpc = catalog.searchTracks(new SearchRequest("upc:0" + upc, 50, 0));
        Page<Track> byIsrc = catalog.searchTracks(new SearchRequest("ISRC:" + isrc.toLowerCase(), 50, 0));
        Page<Track> byUpcAndName = catalog.searchTracks(new SearchRequest(firstName + " upc:" + upc, 50, 0));

        assertThat(ids(byUpc.items())).containsExactlyElementsOf(albumTracks);
        assertThat(byUpc.total()).isEqualTo(albumTracks.size());
        assertThat(ids(byIsrc.items())).containsExactlyElementsOf(isrcTracks);
        assertThat(ids(byUpcAndName.items())).contains(albumTracks.get(1)).isSubsetOf(albumTracks);
        assertThat(catalog.searchAlbums(new SearchRequest("upc:" + upc, 5, 0)).items())
                .extracting(a -> a.id()).containsExactly((String) album[0]);
        assertThat(catalog.searchArtists(new SearchRequest("upc:" + upc, 5, 0)).items()).isEmpty();
        assertThat(catalog.albumsByUpc(dev.musicmeta.catalog.Upcs.normalize("00" + upc))).extracting(a -> a.id())
                .containsExactly((String) album[0]);
    }
}
