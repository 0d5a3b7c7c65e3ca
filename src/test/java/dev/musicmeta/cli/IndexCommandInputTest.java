package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.CliRun;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.TestCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code index} accepts as {@code --db} and how it refuses what it cannot use: like
 * {@code serve}, with exit code 2 and one line naming the file; and that it leaves the catalog
 * and its folder exactly as they were.
 */
class IndexCommandInputTest {

    @TempDir
    Path tmp;

    @Test
    void aWalModeCatalogIsIndexedWithoutAnyFileAppearingBesideIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("catalog"));
        Path main = Files.copy(TestCatalogs.smallMain(), dir.resolve(CatalogFiles.MAIN_FILE));
        try (Db db = Db.open(main)) {
            assertThat(db.strings("PRAGMA journal_mode = WAL")).singleElement().asString().isEqualToIgnoringCase("wal");
        }
        List<String> before = names(dir);
        byte[] bytes = Files.readAllBytes(main);
        FileTime modified = Files.getLastModifiedTime(main);

        CliRun run = CliRun.of("index", "--db", main.toString(), "--out", tmp.resolve("index").toString(),
                "--threads", "1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(names(dir)).isEqualTo(before).containsExactly(CatalogFiles.MAIN_FILE);
        assertThat(Files.readAllBytes(main)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(main)).isEqualTo(modified);
    }

    @Test
    void aFolderStandsForTheMainFileInsideItAndGetsTheIndexBesideIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("catalog"));
        Files.copy(TestCatalogs.smallMain(), dir.resolve(CatalogFiles.MAIN_FILE));

        CliRun run = CliRun.of("index", "--db", dir.toString(), "--threads", "1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains(dir.resolve("search-index").toString())
                .contains(String.format("%,d tracks", TestCatalogs.SMALL_TRACKS));
        assertThat(dir.resolve("search-index/manifest.json")).isRegularFile();
    }

    @Test
    void aFolderWithoutTheMainFileIsExitCode2WithOneLineNamingTheFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));

        CliRun run = CliRun.of("index", "--db", dir.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains(dir.resolve(CatalogFiles.MAIN_FILE).toString()).contains("no such file");
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void aMissingFileIsExitCode2WithOneLineNamingIt() {
        Path missing = tmp.resolve("nothing-here.sqlite3");

        CliRun run = CliRun.of("index", "--db", missing.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains(missing.toString()).contains("no such file");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aFileThatIsNotSqliteIsExitCode2WithOneLineSayingSo() throws Exception {
        Path text = Files.writeString(tmp.resolve(CatalogFiles.MAIN_FILE), "just some text\n".repeat(200));

        CliRun run = CliRun.of("index", "--db", text.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains(text.toString()).contains("not an SQLite database").doesNotContain("SQLITE_");
        assertThat(names(tmp)).containsExactly(CatalogFiles.MAIN_FILE);
    }

    @Test
    void aMissingColumnIsExitCode2WithOneLineNamingTableAndColumn() throws Exception {
        Path main = tmp.resolve(CatalogFiles.MAIN_FILE);
        Files.copy(TestCatalogs.smallMain(), main);
        try (Db db = Db.open(main)) {
            db.execute("ALTER TABLE albums DROP COLUMN label");
        }

        CliRun run = CliRun.of("index", "--db", main.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains(main.toString()).contains("table albums has no column label");
        assertThat(tmp.resolve("search-index")).doesNotExist();
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
