package dev.musicmeta.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.Db;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

    private static final List<String> MAIN_TABLES = List.of("artists", "artist_genres", "artist_images", "albums",
            "album_images", "artist_albums", "tracks", "track_artists");

    @TempDir
    Path temp;

    @Test
    void sameSeedGivesTheSameRowsAndAnotherSeedOtherRows() throws Exception {
        SampleGenerator.generate(temp.resolve("a"), 3_000, 7, Progress.NONE);
        SampleGenerator.generate(temp.resolve("b"), 3_000, 7, Progress.NONE);
        SampleGenerator.generate(temp.resolve("c"), 3_000, 8, Progress.NONE);

        List<String> a = tableHashes(temp.resolve("a"));
        assertThat(tableHashes(temp.resolve("b"))).isEqualTo(a);
        List<String> c = tableHashes(temp.resolve("c"));
        for (int i = 0; i < a.size(); i++) {
            assertThat(c.get(i)).as("table %d", i).isNotEqualTo(a.get(i));
        }
    }

    @Test
    void writesExactlyTheRequestedNumberOfTracksWithConsistentAlbums() throws Exception {
        SampleGenerator.generate(temp, 1_234, 3, Progress.NONE);
        try (Db db = Db.readOnly(temp.resolve(CatalogFiles.MAIN_FILE))) {
            assertThat(db.number("SELECT count(*) FROM tracks")).isEqualTo(1_234);
            assertThat(db.number("SELECT max(rowid) FROM tracks")).isEqualTo(1_234);
            assertThat(db.number("SELECT count(*) FROM albums a WHERE total_tracks"
                    + " <> (SELECT count(*) FROM tracks t WHERE t.album_rowid = a.rowid)")).isZero();
            assertThat(db.number("SELECT count(*) FROM tracks WHERE album_rowid NOT IN (SELECT rowid FROM albums)")).isZero();
            assertThat(db.number("SELECT count(*) FROM track_artists WHERE artist_rowid NOT IN (SELECT rowid FROM artists)"))
                    .isZero();
        }
    }

    @Test
    void tellsProgressUpToTheTotal() {
        AtomicLong last = new AtomicLong(-1);
        List<Long> totals = new ArrayList<>();
        SampleGenerator.generate(temp, 500, 1, (done, total) -> {
            assertThat(done).isGreaterThanOrEqualTo(last.get());
            last.set(done);
            totals.add(total);
        });
        assertThat(last.get()).isEqualTo(500);
        assertThat(totals).containsOnly(500L);
    }

    @Test
    void refusesToReplaceAnExistingCatalogUnlessAsked() throws Exception {
        SampleGenerator.generate(temp, 200, 1, Progress.NONE);
        Path main = temp.resolve(CatalogFiles.MAIN_FILE);
        byte[] before = Files.readAllBytes(main);

        assertThatThrownBy(() -> SampleGenerator.generate(temp, 300, 2, Progress.NONE))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(CatalogFiles.MAIN_FILE);
        assertThat(Files.readAllBytes(main)).isEqualTo(before);

        SampleGenerator.generate(temp, 300, 2, Progress.NONE, true);
        try (Db db = Db.readOnly(main)) {
            assertThat(db.number("SELECT count(*) FROM tracks")).isEqualTo(300);
        }
        assertThat(listing(temp)).containsExactlyInAnyOrder(CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE);
    }

    @Test
    void createsFilesWithTheUsualPermissionsForNewFiles() throws Exception {
        SampleGenerator.generate(temp.resolve("catalog"), 100, 1, Progress.NONE);
        Path plain = Files.createFile(temp.resolve("plain"));
        boolean othersMayRead = Files.getPosixFilePermissions(plain).contains(PosixFilePermission.OTHERS_READ);
        for (String name : List.of(CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(temp.resolve("catalog").resolve(name));
            assertThat(permissions).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(permissions.contains(PosixFilePermission.OTHERS_READ)).as(name).isEqualTo(othersMayRead);
        }
    }

    @Test
    void refusesWhenOnlyTheTrackFilesFileIsThere() throws Exception {
        Files.writeString(temp.resolve(CatalogFiles.TRACK_FILES_FILE), "not mine");
        assertThatThrownBy(() -> SampleGenerator.generate(temp, 100, 1, Progress.NONE))
                .hasCauseInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(temp.resolve(CatalogFiles.TRACK_FILES_FILE))).isEqualTo("not mine");
        assertThat(listing(temp)).containsExactly(CatalogFiles.TRACK_FILES_FILE);
    }

    @Test
    void leavesNoPartialFilesWhenWritingFails() throws Exception {
        // A directory where the track_files file should go makes the final rename fail.
        Files.createDirectories(temp.resolve(CatalogFiles.TRACK_FILES_FILE).resolve("occupied"));
        assertThatThrownBy(() -> SampleGenerator.generate(temp, 100, 1, Progress.NONE, true))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(listing(temp)).containsExactly(CatalogFiles.TRACK_FILES_FILE);
    }

    @Test
    void rejectsFewerThanOneTrack() {
        assertThatThrownBy(() -> SampleGenerator.generate(temp, 0, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesTheSmallestCatalog() throws Exception {
        SampleGenerator.generate(temp, 1, 1, Progress.NONE);
        try (Db db = Db.readOnly(temp.resolve(CatalogFiles.MAIN_FILE))) {
            assertThat(db.number("SELECT count(*) FROM tracks")).isEqualTo(1);
            assertThat(db.number("SELECT total_tracks FROM albums")).isEqualTo(1);
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    /** One SHA-256 per table, over every column of every row in rowid order. */
    private static List<String> tableHashes(Path dir) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Db main = Db.readOnly(dir.resolve(CatalogFiles.MAIN_FILE))) {
            for (String table : MAIN_TABLES) {
                hashes.add(hash(main.textRows("SELECT rowid, * FROM " + table + " ORDER BY rowid")));
            }
        }
        try (Db files = Db.readOnly(dir.resolve(CatalogFiles.TRACK_FILES_FILE))) {
            hashes.add(hash(files.textRows("SELECT rowid, * FROM track_files ORDER BY rowid")));
        }
        return hashes;
    }

    private static String hash(List<String> rows) throws Exception {
        assertThat(rows).isNotEmpty();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String row : rows) {
            digest.update(row.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
