package dev.musicmeta.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.TestCatalogs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private static final String MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name";

    @Test
    void mainFileHasExactlyTheTablesAndIndexesOfTheSchemaFile() throws Exception {
        assertSameSchema(TestCatalogs.small().resolve(CatalogFiles.MAIN_FILE), Schema.MAIN);
    }

    @Test
    void trackFilesFileHasExactlyTheTableAndIndexOfTheSchemaFile() throws Exception {
        assertSameSchema(TestCatalogs.small().resolve(CatalogFiles.TRACK_FILES_FILE), Schema.TRACK_FILES);
    }

    /** The reference is SQLite's own reading of the whole script, not the generator's splitting of it. */
    private static void assertSameSchema(Path file, String resource) throws Exception {
        List<String> expected;
        try (Db reference = Db.memory()) {
            reference.execute(script(resource));
            expected = reference.textRows(MASTER);
        }
        try (Db generated = Db.readOnly(file)) {
            assertThat(generated.textRows(MASTER)).containsExactlyElementsOf(expected);
        }
        assertThat(expected).anyMatch(row -> row.startsWith("table\t")).anyMatch(row -> row.startsWith("index\t"));
    }

    @Test
    void splitsStatementsAtSemicolonsOutsideCommentsAndStrings() {
        List<String> statements = Schema.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a (x TEXT DEFAULT 'x;y' -- why; because
                );
                /* block; comment */ CREATE INDEX a_x ON a(x);
                """);
        assertThat(statements).containsExactly(
                "CREATE TABLE a (x TEXT DEFAULT 'x;y' -- why; because\n)",
                "CREATE INDEX a_x ON a(x)");
    }

    @Test
    void sortsTablesBeforeIndexes() {
        Schema schema = Schema.load(Schema.MAIN);
        assertThat(schema.tables()).hasSize(8).allMatch(sql -> sql.startsWith("CREATE TABLE"));
        assertThat(schema.indexes()).hasSize(13).allMatch(sql -> sql.startsWith("CREATE INDEX"));
    }

    private static String script(String resource) throws IOException, SQLException {
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
