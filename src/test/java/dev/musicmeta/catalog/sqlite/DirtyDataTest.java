package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Image;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.EdgeCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Dirty rows never fail a request and never lose a credit: every row of the edge catalog
 * assembles, and the values the real data gets wrong read as documented. Caches are off, so
 * every answer is read from the files.
 */
class DirtyDataTest {

    @TempDir
    static Path dir;
    static EdgeCatalog edge;
    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        edge = EdgeCatalog.create(dir);
        catalog = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(1).withoutCaches());
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    /** One column of {@code sql} over the edge main file, read-only. */
    static List<Object> column(String sql, Object... parameters) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + edge.main(), config.toProperties());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<Object> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
            }
            return out;
        }
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
        assertThat(catalog.albumsByRowids(new long[] {1}).get(0)).isEqualTo(album);
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
        assertThat(catalog.tracksByRowids(tracks)).hasSize(tracks.length);
        assertThat(catalog.artistsByRowids(artists)).hasSize(artists.length);
        assertThat(catalog.albumsByRowids(albums)).hasSize(albums.length);

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
        List<Track> servedTracks = catalog.tracksByRowids(tracks);
        for (int i = 0; i < tracks.length; i++) {
            assertThat(servedTracks.get(i).artists()).as("track rowid %d", tracks[i])
                    .hasSize(((Number) trackCredits.get(i)).intValue());
        }
        long[] albums = rowids("albums");
        List<Object> albumCredits = column("SELECT (SELECT count(DISTINCT ar.rowid) FROM artist_albums aa"
                + " JOIN artists ar ON ar.rowid = aa.artist_rowid"
                + " WHERE aa.album_rowid = l.rowid AND aa.index_in_album IS NOT NULL) FROM albums l ORDER BY l.rowid");
        List<Album> servedAlbums = catalog.albumsByRowids(albums);
        for (int i = 0; i < albums.length; i++) {
            assertThat(servedAlbums.get(i).artists()).as("album rowid %d", albums[i])
                    .hasSize(((Number) albumCredits.get(i)).intValue());
        }
    }
}
