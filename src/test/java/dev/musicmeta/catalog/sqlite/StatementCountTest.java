package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Searcher;
import dev.musicmeta.testing.EdgeCatalog;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries are set-based: the number of statements a request runs depends on its kind, never on
 * how many items it holds or how many artists they have. Caches are off, so every request takes
 * the path that reads the files.
 */
class StatementCountTest {

    /** tracks (with their credits and track_files values), albums (with images and artists), artists. */
    static final int TRACK_LOOKUP = 3;
    /** artists (with genres and images). */
    static final int ARTIST_LOOKUP = 1;
    /** albums (with images and artists), artists. */
    static final int ALBUM_LOOKUP = 2;

    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        catalog = SqliteCatalog.open(EdgeCatalog.shared().files(),
                SqliteOptions.defaults().withConnections(1).withoutCaches());
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    static long statements(Runnable request) {
        return statements(catalog, request);
    }

    static long statements(SqliteCatalog catalog, Runnable request) {
        long before = catalog.statements().total();
        request.run();
        return catalog.statements().total() - before;
    }

    @Test
    void trackWithTenArtistsRunsAsManyStatementsAsTrackWithOne() {
        long one = statements(() -> catalog.track(TRACK_FULL));
        long ten = statements(() -> catalog.track(TRACK_TEN_ARTISTS));
        assertThat(one).isEqualTo(TRACK_LOOKUP);
        assertThat(ten).isEqualTo(one);
    }

    @Test
    void batchOf400TracksRunsAsManyStatementsAsOne() {
        List<String> ids = bulkTrackIds();
        long one = statements(() -> catalog.tracks(ids.subList(0, 1)));
        long all = statements(() -> assertThat(catalog.tracks(ids)).hasSize(BULK));
        assertThat(one).isEqualTo(TRACK_LOOKUP);
        assertThat(all).isEqualTo(one);
    }

    @Test
    void batchOf400ArtistsRunsAsManyStatementsAsOne() {
        List<String> ids = bulkArtistIds();
        long one = statements(() -> catalog.artists(ids.subList(0, 1)));
        long all = statements(() -> assertThat(catalog.artists(ids)).hasSize(BULK));
        assertThat(one).isEqualTo(ARTIST_LOOKUP);
        assertThat(all).isEqualTo(one);
    }

    @Test
    void batchOf400AlbumsRunsAsManyStatementsAsOne() {
        List<String> ids = bulkAlbumIds();
        long one = statements(() -> catalog.albums(ids.subList(0, 1)));
        long all = statements(() -> assertThat(catalog.albums(ids)).hasSize(BULK));
        assertThat(one).isEqualTo(ALBUM_LOOKUP);
        assertThat(all).isEqualTo(one);
    }

    @Test
    void batchOf400IsrcsRunsAsManyStatementsAsOne() {
        List<String> isrcs = bulkIsrcs();
        long one = statements(() -> catalog.bestTrackByIsrc(isrcs.subList(0, 1)));
        long all = statements(() -> assertThat(catalog.bestTrackByIsrc(isrcs)).hasSize(BULK));
        long every = statements(() -> assertThat(catalog.tracksByIsrc(isrcs)).hasSize(BULK));
        assertThat(one).isEqualTo(TRACK_LOOKUP);
        assertThat(all).isEqualTo(one);
        assertThat(every).isEqualTo(one);
    }

    /**
     * An ISRC on several tracks reads only their order keys with the others' tracks, then its best
     * track whole by rowid: one statement more than an ISRC on one track, for any number of them.
     * Where tracks tie on popularity at the top of their ISRC (TRACK_OUT_OF_RANGE_ISRC: two
     * popularities served as NULL), the release dates of their albums decide, read in one more
     * statement for all such ISRCs.
     */
    @Test
    void bestTracksOfIsrcsOnSeveralTracksTakeOneStatementMoreForAllOfThem() {
        List<String> isrcs = new java.util.ArrayList<>(bulkIsrcs().subList(0, BULK - 2));
        isrcs.add(ISRC_MANY);
        long one = statements(() -> assertThat(catalog.bestTrackByIsrc(ISRC_MANY)).isPresent());
        long all = statements(() -> assertThat(catalog.bestTrackByIsrc(isrcs)).hasSize(BULK - 1));
        isrcs.add(TRACK_OUT_OF_RANGE_ISRC);
        long tied = statements(() -> assertThat(catalog.bestTrackByIsrc(TRACK_OUT_OF_RANGE_ISRC)).isPresent());
        long allWithTie = statements(() -> assertThat(catalog.bestTrackByIsrc(isrcs)).hasSize(BULK));
        assertThat(one).isEqualTo(TRACK_LOOKUP + 1);
        assertThat(all).isEqualTo(one);
        assertThat(tied).isEqualTo(TRACK_LOOKUP + 2);
        assertThat(allWithTie).isEqualTo(tied);
    }

    @Test
    void isrcOnNineAlbumsRunsAsManyStatementsAsIsrcOnOne() {
        long one = statements(() -> catalog.tracksByIsrc(TRACK_FULL_ISRC));
        long nine = statements(() -> assertThat(catalog.tracksByIsrc(ISRC_MANY)).hasSize(ISRC_MANY_ORDER.size()));
        assertThat(nine).isEqualTo(one);
    }

    @Test
    void albumTrackListDoesNotGrowWithItsTracks() {
        long small = statements(() -> assertThat(catalog.albumTracks(ALBUM_NO_IMAGES).orElseThrow()).hasSize(8));
        long large = statements(() -> assertThat(catalog.albumTracks(ALBUM_FULL).orElseThrow()).hasSizeGreaterThan(15));
        // album rowid, tracks, artists
        assertThat(small).isEqualTo(3);
        assertThat(large).isEqualTo(small);
    }

    @Test
    void turningSearchHitsIntoItemsRunsAsManyStatementsFor400AsForOne() throws Exception {
        long[] rowids = LongStream.rangeClosed(100_001, 100_000 + BULK).toArray();
        long[] first = {rowids[0]};
        Map<SearchKind, long[]> hits = new EnumMap<>(SearchKind.class);
        Searcher fixed = (kind, request) -> new SearchHits(hits.get(kind), null);
        SearchRequest any = new SearchRequest("any", 1, 0);
        try (SqliteCatalog searching = SqliteCatalog.open(catalog.files(),
                SqliteOptions.defaults().withConnections(1).withoutCaches(), fixed)) {
            for (SearchKind kind : SearchKind.values()) {
                hits.put(kind, first);
            }
            long one = statements(searching, () -> searching.searchTracks(any));
            for (SearchKind kind : SearchKind.values()) {
                hits.put(kind, rowids);
            }
            long all = statements(searching, () -> assertThat(searching.searchTracks(any).items()).hasSize(BULK));
            assertThat(all).isEqualTo(one).isEqualTo(TRACK_LOOKUP);
            assertThat(statements(searching, () -> searching.searchArtists(any))).isEqualTo(ARTIST_LOOKUP);
            assertThat(statements(searching, () -> searching.searchAlbums(any))).isEqualTo(ALBUM_LOOKUP);
        }
    }

    /** A page of tracks reads its credits in a statement of their own, one range for the whole page. */
    @Test
    void aPageOfTheScanRunsTheStatementsOfALookup() {
        assertThat(statements(() -> assertThat(catalog.tracksInRange(100_000, 100_000 + BULK)).hasSize(BULK)))
                .isEqualTo(TRACK_LOOKUP + 1);
        assertThat(statements(() -> assertThat(catalog.artistsInRange(100_000, 100_000 + BULK)).hasSize(BULK)))
                .isEqualTo(ARTIST_LOOKUP);
        assertThat(statements(() -> assertThat(catalog.albumsInRange(100_000, 100_000 + BULK)).hasSize(BULK)))
                .isEqualTo(ALBUM_LOOKUP);
    }

    @Test
    void searchPageOf50RunsAsManyStatementsAsPageOf1() {
        long one = statements(() -> catalog.searchTracks(new SearchRequest("bulk track", 1, 0)));
        long fifty = statements(() -> assertThat(catalog.searchTracks(new SearchRequest("bulk track", 50, 0)).items())
                .hasSize(50));
        assertThat(fifty).isEqualTo(one).isEqualTo(1 + TRACK_LOOKUP);
    }

    @Test
    void unknownIdsStopAfterOneStatement() {
        assertThat(statements(() -> catalog.track(UNKNOWN_TRACK))).isEqualTo(1);
        assertThat(statements(() -> catalog.tracks(List.of()))).isZero();
    }
}
