package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.testing.CliRun;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.RelevanceCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code index} subcommand as a user runs it. */
class IndexCommandTest {

    @TempDir
    Path dir;

    @Test
    void buildsBesideTheMainFileByDefault() throws Exception {
        Path main = RelevanceCatalog.write(dir.resolve("catalog")).mainFile();
        CliRun run = CliRun.of("index", "--db", main.toString(), "--threads", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("search-index").contains("52 tracks");
        assertThat(SearchIndex.exists(main.resolveSibling("search-index"))).isTrue();
    }

    @Test
    void buildsWhereToldWithOut() throws Exception {
        Path main = RelevanceCatalog.write(dir.resolve("catalog")).mainFile();
        Path out = dir.resolve("elsewhere/idx");
        assertThat(CliRun.of("index", "--db", main.toString(), "--out", out.toString()).code()).isZero();
        assertThat(SearchIndex.exists(out)).isTrue();
        assertThat(main.resolveSibling("search-index")).doesNotExist();
    }

    @Test
    void anUnusableCatalogExitsWithTwoAndOneLine() throws Exception {
        Path notSqlite = Files.writeString(dir.resolve("main_database.sqlite3"), "not a database");
        CliRun run = CliRun.of("index", "--db", notSqlite.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("index: ").contains(notSqlite.toString()).doesNotContain("\n");
        assertThat(dir.resolve("search-index")).doesNotExist();

        CliRun missing = CliRun.of("index", "--db", dir.resolve("nope.sqlite3").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.sqlite3");
    }

    @Test
    void aCatalogMissingATableIsRefusedBeforeAnyWorkAndLeavesNothing() throws Exception {
        Path catalogDir = Files.createDirectories(dir.resolve("broken"));
        Path main = catalogDir.resolve("main_database.sqlite3");
        try (Db db = Db.write(main)) {
            db.execute("CREATE TABLE tracks (rowid INTEGER PRIMARY KEY, id TEXT, name TEXT)");
        }
        CliRun run = CliRun.of("index", "--db", main.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains(main.toString()).contains("table artists is missing");
        try (var files = Files.list(catalogDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("main_database.sqlite3");
        }
    }

    @Test
    void withoutDbItIsAUsageError() {
        CliRun run = CliRun.of("index");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--db");
    }
}
