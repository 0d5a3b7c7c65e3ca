package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.testing.Db;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the start-up checks require agrees with the bundled schema files. */
class SchemaResourceTest {

    static final Pattern CREATE_INDEX = Pattern.compile("CREATE INDEX (\\w+)\\s+ON (\\w+)\\((\\w+)\\)");

    static String schema(String name) throws Exception {
        try (InputStream in = SchemaResourceTest.class.getResourceAsStream("/schema/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, List<String>> columns(String name) {
        return name.equals("main.sql") ? SchemaCheck.MAIN_COLUMNS : SchemaCheck.TRACK_FILES_COLUMNS;
    }

    static List<SchemaCheck.RequiredIndex> indexes(String name) {
        return name.equals("main.sql") ? SchemaCheck.MAIN_INDEXES : SchemaCheck.TRACK_FILES_INDEXES;
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.sql", "track_files.sql"})
    void everyIndexOfTheSchemaIsCheckedAndNoOther(String name) throws Exception {
        Set<String> declared = new HashSet<>();
        Matcher m = CREATE_INDEX.matcher(schema(name));
        while (m.find()) {
            declared.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        Set<String> checked = indexes(name).stream()
                .map(i -> i.name() + " " + i.table() + " " + i.column())
                .collect(Collectors.toSet());
        assertThat(declared).isNotEmpty();
        assertThat(checked).isEqualTo(declared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.sql", "track_files.sql"})
    void everyColumnTheServiceReadsIsInTheSchema(String name) throws Exception {
        try (Db db = Db.memory()) {
            db.execute("PRAGMA foreign_keys = OFF");
            db.script(schema(name).replaceAll("--[^\\n]*", ""));
            for (Map.Entry<String, List<String>> table : columns(name).entrySet()) {
                Set<String> present = new HashSet<>(db.strings("SELECT name FROM pragma_table_info(?)", table.getKey()));
                assertThat(present).as(table.getKey()).containsAll(table.getValue());
            }
        }
    }
}
