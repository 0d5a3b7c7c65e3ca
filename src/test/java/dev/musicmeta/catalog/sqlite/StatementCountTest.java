package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.testing.EdgeCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    static Path dir;
    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        catalog = SqliteCatalog.open(EdgeCatalog.create(dir).files(),
                SqliteOptions.defaults().withConnections(1).withoutCaches());
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    static long statements(Runnable request) {
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
    void rowidHydrationOf400RunsAsManyStatementsAsOne() {
        long[] rowids = LongStream.rangeClosed(100_001, 100_000 + BULK).toArray();
        long one = statements(() -> catalog.tracksByRowids(new long[] {rowids[0]}));
        long all = statements(() -> assertThat(catalog.tracksByRowids(rowids)).hasSize(BULK));
        assertThat(all).isEqualTo(one).isEqualTo(TRACK_LOOKUP);
        assertThat(statements(() -> catalog.artistsByRowids(rowids))).isEqualTo(ARTIST_LOOKUP);
        assertThat(statements(() -> catalog.albumsByRowids(rowids))).isEqualTo(ALBUM_LOOKUP);
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
