package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing the catalog does changes its files or creates files beside them. */
class ReadOnlyTest {

    @TempDir
    Path dir;

    /** Every file of the directory: name to size, mtime and SHA-256. */
    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                out.put(file.getFileName().toString(), Files.size(file) + " " + Files.getLastModifiedTime(file)
                        + " " + HexFormat.of().formatHex(hash));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "immutable={0}")
    @ValueSource(booleans = {true, false})
    void servingLeavesTheFilesByteForByteAsTheyWere(boolean immutable) throws Exception {
        EdgeCatalog edge = EdgeCatalog.create(dir);
        Map<String, String> before = snapshot(dir);
        assertThat(before).containsOnlyKeys(CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE);

        SqliteOptions options = SqliteOptions.defaults().withConnections(3).withImmutable(immutable);
        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(), options)) {
            catalog.tracks(bulkTrackIds());
            catalog.artists(bulkArtistIds());
            catalog.albums(bulkAlbumIds());
            catalog.tracksByIsrc(bulkIsrcs());
            catalog.bestTrackByIsrc(ISRC_MANY);
            catalog.albumTracks(ALBUM_FULL);
            catalog.searchTracks(new SearchRequest("bulk", 50, 100));
            catalog.searchArtists(new SearchRequest("echo", 10, 0));
            catalog.searchAlbums(new SearchRequest("album", 10, 0));
            assertThat(snapshot(dir)).isEqualTo(before);
        }
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void walModeFileGetsNoWalOrShmFileBesideIt() throws Exception {
        EdgeCatalog edge = EdgeCatalog.create(dir);
        try (Db db = Db.open(edge.main())) {
            db.execute("PRAGMA journal_mode = WAL");
        }
        Map<String, String> before = snapshot(dir);
        assertThat(before).containsOnlyKeys(CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE);
        // With mode=ro alone SQLite would create main_database.sqlite3-wal and -shm here.
        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(2))) {
            assertThat(catalog.track(TRACK_FULL)).isPresent();
            assertThat(snapshot(dir)).isEqualTo(before);
        }
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void connectionsRefuseWrites() throws Exception {
        EdgeCatalog edge = EdgeCatalog.create(dir);
        StatementCounter counter = new StatementCounter();
        try (Session session = Session.open(edge.files(), SqliteOptions.defaults(), counter)) {
            for (String write : new String[] {"CREATE TABLE t (x)", "DELETE FROM tracks",
                    "UPDATE tf.track_files SET has_lyrics = 0", "PRAGMA journal_mode = WAL"}) {
                assertThatThrownBy(() -> execute(session, write)).as(write).isInstanceOf(SQLException.class);
            }
        }
        assertThat(edge.main()).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE);
        }
    }

    private static void execute(Session session, String sql) throws SQLException {
        try (Statement s = session.connection().createStatement()) {
            s.execute(sql);
            if (sql.startsWith("PRAGMA journal_mode")) {
                // SQLite answers this pragma with the mode it kept instead of failing.
                try (var rs = s.getResultSet()) {
                    rs.next();
                    if (!"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new SQLException("journal mode unchanged: " + rs.getString(1));
                    }
                }
            }
        }
    }

    @Test
    void pathsThatNeedUriEscapingOpen() throws IOException, Exception {
        Path odd = Files.createDirectories(dir.resolve("a dir with spaces, ümlauts ?and# %41"));
        EdgeCatalog edge = EdgeCatalog.create(odd);
        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(1))) {
            assertThat(catalog.track(TRACK_FULL).orElseThrow().versionTitle()).isEqualTo(TRACK_FULL_VERSION_TITLE);
        }
    }
}
