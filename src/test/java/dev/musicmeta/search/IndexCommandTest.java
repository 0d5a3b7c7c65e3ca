package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code index} subcommand as a user runs it. */
class IndexCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void buildsBesideTheMainFileByDefault() throws Exception {
        Path main = RelevanceCatalog.write(dir.resolve("catalog")).mainFile();
        Run run = run("index", "--db", main.toString(), "--threads", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("search-index").contains("52 tracks");
        assertThat(SearchIndex.exists(main.resolveSibling("search-index"))).isTrue();
    }

    @Test
    void buildsWhereToldWithOut() throws Exception {
        Path main = RelevanceCatalog.write(dir.resolve("catalog")).mainFile();
        Path out = dir.resolve("elsewhere/idx");
        assertThat(run("index", "--db", main.toString(), "--out", out.toString()).code()).isZero();
        assertThat(SearchIndex.exists(out)).isTrue();
        assertThat(main.resolveSibling("search-index")).doesNotExist();
    }

    @Test
    void anUnusableCatalogExitsWithTwoAndOneLine() throws Exception {
        Path notSqlite = Files.writeString(dir.resolve("main_database.sqlite3"), "not a database");
        Run run = run("index", "--db", notSqlite.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("index: ").contains(notSqlite.toString()).doesNotContain("\n");
        assertThat(dir.resolve("search-index")).doesNotExist();

        Run missing = run("index", "--db", dir.resolve("nope.sqlite3").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.sqlite3");
    }

    @Test
    void withoutDbItIsAUsageError() {
        Run run = run("index");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--db");
    }
}
