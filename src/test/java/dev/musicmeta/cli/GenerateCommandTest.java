package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.Db;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void helpListsTheOptions() {
        assertThat(Main.run("generate", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--out", "--tracks", "--seed", "--force", "Exit codes");
    }

    @Test
    void writesACatalogAndSaysWhatItWrote() throws Exception {
        Path dir = temp.resolve("catalog");
        assertThat(Main.run("generate", "--out", dir.toString(), "--tracks", "2k", "--seed", "5")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2,000 tracks", CatalogFiles.MAIN_FILE, "seed 5");
        try (Db db = Db.readOnly(dir.resolve(CatalogFiles.MAIN_FILE))) {
            assertThat(db.number("SELECT count(*) FROM tracks")).isEqualTo(2_000);
        }
        assertThat(dir.resolve(CatalogFiles.TRACK_FILES_FILE)).isRegularFile();
        // Not a terminal: a final log line on standard error, nothing redrawn in place.
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("generate: 2,000/2,000 (100.0%)").doesNotContain("\r");
    }

    @Test
    void withExamplesTheDemosRealRecordingsFollowTheGeneratedTracks() throws Exception {
        Path dir = temp.resolve("catalog");
        assertThat(Main.run("generate", "--out", dir.toString(), "--tracks", "300", "--examples")).isZero();

        try (Db db = Db.readOnly(dir.resolve(CatalogFiles.MAIN_FILE))) {
            assertThat(db.number("SELECT count(*) FROM tracks")).isEqualTo(307);
            assertThat(db.strings("SELECT name FROM tracks WHERE id = '4uLU6hMCjMI75M1A2tKUQC'"))
                    .containsExactly("Never Gonna Give You Up");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("307 tracks");
    }

    @Test
    void refusesToOverwriteWithOneLineAndExitCodeTwoUnlessForced() throws Exception {
        Path dir = temp.resolve("catalog");
        assertThat(Main.run("generate", "--out", dir.toString(), "--tracks", "300")).isZero();
        long size = Files.size(dir.resolve(CatalogFiles.MAIN_FILE));
        err.reset();

        assertThat(Main.run("generate", "--out", dir.toString(), "--tracks", "600")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .singleElement().asString().contains(CatalogFiles.MAIN_FILE, "already exists", "--force");
        assertThat(Files.size(dir.resolve(CatalogFiles.MAIN_FILE))).isEqualTo(size);

        assertThat(Main.run("generate", "--out", dir.toString(), "--tracks", "600", "--force")).isZero();
        assertThat(Files.size(dir.resolve(CatalogFiles.MAIN_FILE))).isNotEqualTo(size);
    }

    @Test
    void rejectsBadArgumentsWithExitCodeTwo() {
        assertThat(Main.run("generate", "--out", temp.toString(), "--tracks", "many")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'many' is not a count of tracks");
        assertThat(Main.run("generate", "--out", temp.toString(), "--tracks", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tracks must be at least 1");
        assertThat(Main.run("generate", "--tracks", "10")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out");
        assertThat(Main.run("generate", "--out", temp.toString(), "--tracks", "10", "--seed", "x")).isEqualTo(2);
        assertThat(temp.resolve(CatalogFiles.MAIN_FILE)).doesNotExist();
    }

    @Test
    void rejectsAnOutputThatIsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThat(Main.run("generate", "--out", file.toString(), "--tracks", "10")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a directory");
    }

    @Test
    void describesWriteFailuresInPlainWords() {
        assertThat(FileErrors.describe(new AccessDeniedException("/data/catalog")))
                .isEqualTo("permission denied: /data/catalog");
        assertThat(FileErrors.describe(new NoSuchFileException("/data/x")))
                .isEqualTo("no such file or directory: /data/x");
        assertThat(FileErrors.describe(new FileSystemException("/data/x", null, "No space left on device")))
                .isEqualTo("/data/x: No space left on device");
        assertThat(FileErrors.describe(new IOException("writing main_database.sqlite3 failed: disk I/O error")))
                .isEqualTo("writing main_database.sqlite3 failed: disk I/O error");
    }

    @Test
    void readsCountsWithSuffixes() {
        GenerateCommand.CountConverter converter = new GenerateCommand.CountConverter();
        assertThat(converter.convert("5000")).isEqualTo(5_000);
        assertThat(converter.convert("1_000_000")).isEqualTo(1_000_000);
        assertThat(converter.convert("100k")).isEqualTo(100_000);
        assertThat(converter.convert("10M")).isEqualTo(10_000_000);
    }
}
