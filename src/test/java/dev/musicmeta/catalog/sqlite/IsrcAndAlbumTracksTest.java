package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import dev.musicmeta.testing.TestCatalogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IsrcAndAlbumTracksTest {

    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        catalog = SqliteCatalog.open(EdgeCatalog.shared().files(), SqliteOptions.defaults().withConnections(2));
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    @Test
    void tracksOfAnIsrcFollowPopularityThenReleaseDateThenRowid() {
        assertThat(catalog.tracksByIsrc(ISRC_MANY)).extracting(Track::id).isEqualTo(ISRC_MANY_ORDER);
    }

    @Test
    void bestTrackIsTheFirstOfThatOrder() {
        Track best = catalog.bestTrackByIsrc(ISRC_MANY).orElseThrow();
        assertThat(best.id()).isEqualTo(ISRC_R7_POP90_ALBUM_MISSING);
        assertThat(best.album()).isNull();
        assertThat(best).isEqualTo(catalog.track(ISRC_R7_POP90_ALBUM_MISSING).orElseThrow());
    }

    /**
     * On a generated catalog, where about one ISRC in eight is on several tracks and some of those
     * tie on popularity: the best track of each, looked up all in one batch, is the first of the
     * ISRC's tracks in the order above (which reads every track whole).
     */
    @Test
    void bestTrackOfEveryIsrcInABatchIsTheFirstOfItsTracks() throws Exception {
        Path main = TestCatalogs.smallMain();
        List<String> shared = Db.column(main, "SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc HAVING count(*) > 1 ORDER BY external_id_isrc LIMIT 300")
                .stream().map(String::valueOf).toList();
        long tiedAtTheTop = ((Number) Db.value(main, "SELECT count(*) FROM (SELECT external_id_isrc, max(popularity) AS top"
                + " FROM tracks WHERE external_id_isrc IS NOT NULL GROUP BY external_id_isrc HAVING count(*) > 1) g"
                + " WHERE (SELECT count(*) FROM tracks t WHERE t.external_id_isrc = g.external_id_isrc"
                + " AND t.popularity = g.top) > 1")).longValue();
        List<String> single = Db.column(main, "SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc HAVING count(*) = 1 ORDER BY external_id_isrc LIMIT 100")
                .stream().map(String::valueOf).toList();
        assertThat(shared).hasSize(300);
        assertThat(tiedAtTheTop).isPositive(); // some best tracks are decided by release date or rowid
        List<String> isrcs = new ArrayList<>(shared);
        isrcs.addAll(single);
        try (SqliteCatalog generated = SqliteCatalog.open(CatalogFiles.resolve(main, TestCatalogs.smallTrackFiles()),
                SqliteOptions.defaults().withConnections(1))) {
            Map<String, Track> best = generated.bestTrackByIsrc(isrcs);
            Map<String, List<Track>> all = generated.tracksByIsrc(isrcs);
            assertThat(best.keySet()).containsExactlyElementsOf(isrcs);
            for (String isrc : isrcs) {
                assertThat(best.get(isrc)).as(isrc).isEqualTo(all.get(isrc).get(0));
            }
        }
    }

    @Test
    void isrcTracksCarryTheirAlbums() {
        List<Track> tracks = catalog.tracksByIsrc(ISRC_MANY);
        Track r9 = tracks.get(1);
        assertThat(r9.album().releaseDate()).isEqualTo("1999");
        assertThat(r9).isEqualTo(catalog.track(ISRC_R9_POP70_1999).orElseThrow());
    }

    @Test
    void unknownIsrcIsAbsent() {
        assertThat(catalog.tracksByIsrc(ISRC_UNKNOWN)).isEmpty();
        assertThat(catalog.bestTrackByIsrc(ISRC_UNKNOWN)).isEmpty();
        assertThat(catalog.bestTrackByIsrc(List.of(ISRC_UNKNOWN, TRACK_FULL_ISRC)).keySet())
                .containsExactly(TRACK_FULL_ISRC);
    }

    @Test
    void trackWithNullIdIsServedByIsrc() {
        Track t = catalog.bestTrackByIsrc(ISRC_NULL_ID_TRACK).orElseThrow();
        assertThat(t.id()).isNull();
        assertThat(t.name()).isEqualTo("Null Id Track");
        assertThat(t.languages()).isEmpty();
    }

    @Test
    void isrcBatchesAnswerInRequestOrder() {
        List<String> isrcs = bulkIsrcs();
        Map<String, Track> best = catalog.bestTrackByIsrc(isrcs);
        assertThat(best.keySet()).containsExactlyElementsOf(isrcs);
        assertThat(best.get(isrcs.get(41)).id()).isEqualTo(bulkTrackIds().get(41));
        Map<String, List<Track>> all = catalog.tracksByIsrc(List.of(TRACK_FULL_ISRC, ISRC_MANY));
        assertThat(all.keySet()).containsExactly(TRACK_FULL_ISRC, ISRC_MANY);
        assertThat(all.get(ISRC_MANY)).extracting(Track::id).isEqualTo(ISRC_MANY_ORDER);
    }

    @Test
    void albumTracksAreByDiscThenNumberNullsLastThenRowidWithoutAlbum() {
        List<Track> tracks = catalog.albumTracks(ALBUM_ORDER).orElseThrow();
        assertThat(tracks).extracting(Track::id).isEqualTo(ALBUM_ORDER_TRACKS);
        assertThat(tracks).allSatisfy(t -> assertThat(t.album()).isNull());
        assertThat(tracks.get(0).artists()).extracting(a -> a.id()).containsExactly(ARTIST_CJK);
    }

    @Test
    void albumTracksEqualTrackLookupsWithoutAlbum() {
        for (Track listed : catalog.albumTracks(ALBUM_FULL).orElseThrow()) {
            if (listed.id() != null) {
                assertThat(listed).isEqualTo(catalog.track(listed.id()).orElseThrow().withoutAlbum());
            }
        }
    }

    @Test
    void unknownAlbumHasNoTrackList() {
        assertThat(catalog.albumTracks(UNKNOWN_ALBUM)).isEmpty();
        assertThat(catalog.albumTracks(ALBUM_NULLS)).contains(List.of());
    }
}
