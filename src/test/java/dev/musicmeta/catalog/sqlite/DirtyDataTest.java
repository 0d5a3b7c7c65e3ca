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
        return column("SELECT rowid FROM " + table + " ORDER BY rowid").stream().mapToLong(v -> ((Number) v).longValue()).toArray();
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
    }

    @Test
    void albumArtistsWithAnIndexThatIsNotAnIntegerFollowTheOthers() {
        Album album = catalog.album(ALBUM_FULL).orElseThrow();
        assertThat(ids(album.artists())).isEqualTo(ALBUM_FULL_ARTISTS);
        assertThat(ids(album.artists()).subList(5, 8)).containsExactly(ARTIST_CYRILLIC, ARTIST_EMOJI, ARTIST_DIACRITICS);
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
        assertThat(catalog.artist(ARTIST_FULL).orElseThrow().genres()).containsExactly("zouk", "afrobeat", "pop", "Pop");
    }

    @Test
    void imagesWithoutSizeAreKeptAndImagesWithoutUrlLeftOut() {
        assertThat(catalog.album(ALBUM_FULL).orElseThrow().images()).extracting(Image::url)
                .isEqualTo(ALBUM_FULL_IMAGE_URLS);
        assertThat(catalog.artist(ARTIST_DIRTY).orElseThrow().images()).extracting(Image::url)
                .containsExactly(ARTIST_DIRTY_IMAGE_URL);
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
