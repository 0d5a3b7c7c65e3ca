package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.TestCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + main);
                Statement s = c.createStatement();
                ResultSet mode = s.executeQuery("PRAGMA journal_mode = WAL")) {
            assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
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

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
