package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up checks: a file that cannot be served stops open() with one line naming it and the problem. */
class OpenChecksTest {

    static EdgeCatalog edge;

    @TempDir
    Path work;

    @BeforeAll
    static void build() {
        edge = EdgeCatalog.shared();
    }

    static SqliteOptions options() {
        return SqliteOptions.defaults().withConnections(1);
    }

    /** A copy of the edge main file (or track_files file), changed by {@code sql}. */
    Path variant(Path original, String... sql) throws IOException {
        Path copy = Files.createTempDirectory(work, "variant").resolve(original.getFileName());
        Files.copy(original, copy);
        try (Db db = Db.open(copy)) {
            for (String statement : sql) {
                db.execute(statement);
            }
        }
        return copy;
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertOpenFails(CatalogFiles files) {
        return assertThatThrownBy(() -> SqliteCatalog.open(files, options()))
                .isInstanceOf(CatalogFileException.class)
                .hasMessageNotContaining("\n")
                .hasMessageStartingWith(files.main() + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r"));
    }

    @Test
    void missingMainFile() {
        Path missing = work.resolve("nowhere").resolve(CatalogFiles.MAIN_FILE);
        assertOpenFails(new CatalogFiles(missing, null)).hasMessage(missing + ": no such file");
    }

    @Test
    void directoryWithoutTheMainFile() {
        CatalogFiles files = CatalogFiles.resolve(work, null);
        assertThat(files.main()).isEqualTo(work.resolve(CatalogFiles.MAIN_FILE));
        assertOpenFails(files).hasMessage(files.main() + ": no such file");
    }

    @Test
    void mainFileIsADirectory() throws IOException {
        Path sub = Files.createDirectory(work.resolve("db.sqlite3"));
        assertOpenFails(new CatalogFiles(sub, null)).hasMessage(sub + ": is a directory, not an SQLite file");
    }

    @Test
    void fileThatIsNotSqlite() throws IOException {
        Path text = Files.writeString(work.resolve(CatalogFiles.MAIN_FILE), "id,name\n1,Beyoncé\n".repeat(20));
        assertOpenFails(new CatalogFiles(text, null)).hasMessageContaining("not an SQLite database");
        Path empty = Files.write(work.resolve("empty.sqlite3"), new byte[0]);
        assertOpenFails(new CatalogFiles(empty, null)).hasMessage(empty + ": not an SQLite database (the file is empty)");
    }

    @Test
    void fileWithTheSqliteHeaderButCorruptContent() throws IOException {
        byte[] bytes = Files.readAllBytes(edge.main());
        Arrays.fill(bytes, 100, 4096, (byte) 0x5A); // the schema's page, after the header
        Path corrupt = Files.write(work.resolve("corrupt.sqlite3"), bytes);
        assertOpenFails(new CatalogFiles(corrupt, null)).hasMessageContaining("malformed");
    }

    @Test
    void aCorruptMainFileIsNamedNotTheIntactTrackFilesBesideIt() throws IOException {
        byte[] bytes = Files.readAllBytes(edge.main());
        Arrays.fill(bytes, 100, 4096, (byte) 0x5A);
        Path corrupt = Files.write(work.resolve(CatalogFiles.MAIN_FILE), bytes);
        assertOpenFails(new CatalogFiles(corrupt, edge.trackFiles())).hasMessageContaining("malformed")
                .hasMessageNotContaining(CatalogFiles.TRACK_FILES_FILE);
    }

    @Test
    void checkReadsNewFilesOnceAndKeepsNothingOpen() throws Exception {
        assertThat(SqliteCatalog.check(edge.files(), options())).isEmpty();
        byte[] bytes = Files.readAllBytes(edge.trackFiles());
        Path truncated = Files.write(work.resolve(CatalogFiles.TRACK_FILES_FILE), Arrays.copyOf(bytes, bytes.length - 4096));
        assertThatThrownBy(() -> SqliteCatalog.check(new CatalogFiles(edge.main(), truncated), options()))
                .isInstanceOf(CatalogFileException.class)
                .hasMessageStartingWith(truncated + ": shorter than its header says");
    }

    @Test
    void aTruncatedFileIsNamedAndSaysSo() throws IOException {
        byte[] bytes = Files.readAllBytes(edge.main());
        Path truncated = Files.write(work.resolve("truncated.sqlite3"), Arrays.copyOf(bytes, bytes.length / 2));
        assertOpenFails(new CatalogFiles(truncated, null)).hasMessage(truncated + ": shorter than its header says ("
                + bytes.length / 2 + " bytes, where " + bytes.length / 4096 + " pages of 4096 bytes are " + bytes.length
                + "): truncated, or being rewritten");
    }

    @Test
    void missingTable() throws Exception {
        Path main = variant(edge.main(), "DROP TABLE artist_genres");
        assertOpenFails(new CatalogFiles(main, null)).hasMessage(main + ": table artist_genres is missing");
    }

    @Test
    void missingColumn() throws Exception {
        Path main = variant(edge.main(), "DROP INDEX tracks_isrc", "ALTER TABLE tracks DROP COLUMN external_id_isrc");
        assertOpenFails(new CatalogFiles(main, null)).hasMessage(main + ": table tracks has no column external_id_isrc");
    }

    @Test
    void everyProblemOfAFileOnOneLine() throws Exception {
        Path main = variant(edge.main(), "DROP TABLE artist_genres", "ALTER TABLE albums DROP COLUMN label",
                "ALTER TABLE albums DROP COLUMN copyright_p");
        assertOpenFails(new CatalogFiles(main, null)).hasMessage(main + ": table artist_genres is missing;"
                + " table albums has no column label; table albums has no column copyright_p");
    }

    @Test
    void trackFilesGivenAsMainFile() {
        Path swapped = edge.trackFiles();
        assertOpenFails(new CatalogFiles(swapped, null)).hasMessageContaining("table artists is missing")
                .hasMessageContaining("table tracks is missing");
    }

    @Test
    void brokenTrackFilesFileIsNamed() throws Exception {
        Path notSqlite = Files.writeString(work.resolve(CatalogFiles.TRACK_FILES_FILE), "not a database at all");
        assertThatThrownBy(() -> SqliteCatalog.open(new CatalogFiles(edge.main(), notSqlite), options()))
                .isInstanceOf(CatalogFileException.class)
                .hasMessageStartingWith(notSqlite + ": not an SQLite database");

        Path noColumn = variant(edge.trackFiles(), "ALTER TABLE track_files DROP COLUMN artist_roles");
        assertThatThrownBy(() -> SqliteCatalog.open(new CatalogFiles(edge.main(), noColumn), options()))
                .isInstanceOf(CatalogFileException.class)
                .hasMessage(noColumn + ": table track_files has no column artist_roles");

        Path missing = work.resolve("elsewhere").resolve(CatalogFiles.TRACK_FILES_FILE);
        assertThatThrownBy(() -> SqliteCatalog.open(CatalogFiles.resolve(edge.main(), missing), options()))
                .isInstanceOf(CatalogFileException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void completeFilesOpenWithoutWarnings() throws Exception {
        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(), options())) {
            assertThat(catalog.warnings()).isEmpty();
            assertThat(catalog.notices()).isEmpty();
            assertThat(catalog.hasTrackFiles()).isTrue();
            assertThat(catalog.files()).isEqualTo(edge.files());
        }
    }

    @Test
    void missingIndexIsAWarningThatNamesItAndItsCost() throws Exception {
        Path main = variant(edge.main(), "DROP INDEX tracks_isrc");
        try (SqliteCatalog catalog = SqliteCatalog.open(new CatalogFiles(main, edge.trackFiles()), options())) {
            assertThat(catalog.warnings()).singleElement().asString()
                    .startsWith(main + ": missing index tracks_isrc on tracks(external_id_isrc)")
                    .contains("ISRC lookups scan all tracks")
                    .doesNotContain("\n");
            // Slower, still right.
            assertThat(catalog.tracksByIsrc(ISRC_MANY)).extracting(Track::id).isEqualTo(ISRC_MANY_ORDER);
        }
    }

    @Test
    void indexesAreMatchedByTableAndFirstColumnNotByName() throws Exception {
        Path main = variant(edge.main(),
                "DROP INDEX tracks_isrc", "CREATE INDEX idx_t_isrc_pop ON tracks(external_id_isrc, popularity)",
                "DROP INDEX artist_genres_artist", "CREATE INDEX idx_genre_first ON artist_genres(genre, artist_rowid)",
                "DROP INDEX album_images_album");
        Path trackFiles = variant(edge.trackFiles(), "DROP INDEX track_files_track");
        try (SqliteCatalog catalog = SqliteCatalog.open(new CatalogFiles(main, trackFiles), options())) {
            assertThat(catalog.warnings()).hasSize(3);
            assertThat(catalog.warnings().get(0)).contains("artist_genres_artist on artist_genres(artist_rowid)")
                    .contains("every artist lookup scans all genres");
            assertThat(catalog.warnings().get(1)).contains("album_images_album on album_images(album_rowid)");
            assertThat(catalog.warnings().get(2)).startsWith(trackFiles + ": missing index track_files_track")
                    .contains("track_files");
        }
    }

    @Test
    void withoutTrackFilesEverythingElseIsServed(@TempDir Path alone) throws Exception {
        EdgeCatalog mainOnly = EdgeCatalog.createWithoutTrackFiles(alone);
        CatalogFiles files = CatalogFiles.resolve(mainOnly.main(), null);
        assertThat(files.trackFiles()).isNull();
        try (SqliteCatalog bare = SqliteCatalog.open(files, options());
             SqliteCatalog full = SqliteCatalog.open(edge.files(), options())) {
            assertThat(bare.hasTrackFiles()).isFalse();
            assertThat(bare.notices()).singleElement().asString().contains(CatalogFiles.TRACK_FILES_FILE)
                    .contains("null or []");
            Track t = bare.track(TRACK_FULL).orElseThrow();
            assertThat(t.hasLyrics()).isNull();
            assertThat(t.originalTitle()).isNull();
            assertThat(t.versionTitle()).isNull();
            assertThat(t.languages()).isEmpty();
            assertThat(t.artistRolesJson()).isNull();
            Track enriched = full.track(TRACK_FULL).orElseThrow();
            assertThat(t).isEqualTo(new Track(enriched.id(), enriched.name(), enriched.isrc(), enriched.durationMs(),
                    enriched.explicit(), enriched.trackNumber(), enriched.discNumber(), enriched.popularity(),
                    enriched.previewUrl(), enriched.album(), enriched.artists(), null, null, null, List.of(), null));
            assertThat(bare.albumTracks(ALBUM_ORDER).orElseThrow()).extracting(Track::id).isEqualTo(ALBUM_ORDER_TRACKS);
        }
    }

    @Test
    void resolveFindsTrackFilesBesideTheMainFile() {
        assertThat(CatalogFiles.resolve(edge.main(), null)).isEqualTo(edge.files());
        assertThat(CatalogFiles.resolve(edge.dir(), null)).isEqualTo(edge.files());
        Path other = work.resolve("other.sqlite3");
        assertThat(CatalogFiles.resolve(edge.main(), other).trackFiles()).isEqualTo(other);
        assertThat(CatalogFiles.resolve(work.resolve("x.sqlite3"), null).trackFiles()).isNull();
    }
}
