package dev.musicmeta.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The snapshot's schema, read from {@code /schema/*.sql} in the jar: the one source of truth for
 * the tables and indexes that {@code generate} writes.
 */
public final class Schema {

    /** {@code /schema/main.sql}: the tables and indexes of main_database.sqlite3. */
    public static final String MAIN = "/schema/main.sql";
    /** {@code /schema/track_files.sql}: the table and index of track_files.sqlite3. */
    public static final String TRACK_FILES = "/schema/track_files.sql";

    private final List<String> tables;
    private final List<String> indexes;

    private Schema(List<String> tables, List<String> indexes) {
        this.tables = tables;
        this.indexes = indexes;
    }

    /** Loads one of {@link #MAIN} or {@link #TRACK_FILES}. */
    public static Schema load(String resource) {
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the jar: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema parse(String script) {
        List<String> tables = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (String statement : statements(script)) {
            String head = statement.toUpperCase(Locale.ROOT);
            if (head.startsWith("CREATE TABLE")) {
                tables.add(statement);
            } else if (head.startsWith("CREATE INDEX") || head.startsWith("CREATE UNIQUE INDEX")) {
                indexes.add(statement);
            } else {
                throw new IllegalStateException("unexpected statement in schema: " + statement);
            }
        }
        return new Schema(List.copyOf(tables), List.copyOf(indexes));
    }

    /** CREATE TABLE statements, verbatim (inner comments kept, so sqlite_master holds the file's text). */
    public List<String> tables() {
        return tables;
    }

    /** CREATE INDEX statements, verbatim; run after the data is in, which is far faster. */
    public List<String> indexes() {
        return indexes;
    }

    void createTables(Connection connection) throws SQLException {
        execute(connection, tables);
    }

    void createIndexes(Connection connection) throws SQLException {
        execute(connection, indexes);
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    /**
     * Splits a script at semicolons outside comments and string literals; leading comments and
     * white space of each statement are dropped, the rest is kept as written.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        int start = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                if (start < 0) {
                    start = i;
                }
                int end = script.indexOf(c, i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == ';') {
                if (start >= 0) {
                    out.add(script.substring(start, i).strip());
                }
                start = -1;
                i++;
            } else {
                if (start < 0 && !Character.isWhitespace(c)) {
                    start = i;
                }
                i++;
            }
        }
        if (start >= 0 && !script.substring(start).isBlank()) {
            out.add(script.substring(start).strip());
        }
        return out;
    }
}
