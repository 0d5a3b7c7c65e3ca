package dev.musicmeta.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Plain JDBC over an SQLite file, the one JDBC helper of the tests: reading expectations from a
 * catalog file apart from the code under test (read-only), and writing hand-built catalogs with
 * the shared schema. Failures are unchecked, naming the statement.
 */
public final class Db implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    private Db(Connection connection) {
        this.connection = connection;
    }

    /** Opens {@code file} read-only, for assertions. */
    public static Db readOnly(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try {
            return new Db(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file, e);
        }
    }

    /** Opens {@code file} read-write as it is, each statement committed at once: to change a copy. */
    public static Db open(Path file) {
        try {
            return new Db(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file, e);
        }
    }

    /**
     * Opens {@code file} for writing, creating it if needed, in one transaction that
     * {@link #close()} commits. The file keeps a rollback journal, so nothing but the file is
     * left beside it.
     */
    public static Db write(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.executeUpdate("PRAGMA journal_mode = DELETE");
            }
            c.setAutoCommit(false);
            return new Db(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file, e);
        }
    }

    /** An empty database in memory. */
    public static Db memory() {
        try {
            return new Db(DriverManager.getConnection("jdbc:sqlite::memory:"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single value the query yields on {@code file}, read-only. */
    public static Object value(Path file, String sql, Object... args) {
        try (Db db = readOnly(file)) {
            return db.value(sql, args);
        }
    }

    /** Every value of the query's first column on {@code file}, read-only. */
    public static List<Object> column(Path file, String sql, Object... args) {
        try (Db db = readOnly(file)) {
            return db.column(sql, args);
        }
    }

    /** Every row of the query on {@code file}, read-only. */
    public static List<Object[]> rows(Path file, String sql, Object... args) {
        try (Db db = readOnly(file)) {
            return db.rows(sql, args);
        }
    }

    /**
     * A schema resource ({@code /schema/main.sql}, {@code /schema/track_files.sql}) without its
     * comments, which hold semicolons; {@code withoutNotNull} drops its NOT NULL constraints, as
     * the real data holds NULL everywhere.
     */
    public static String schema(String resource, boolean withoutNotNull) {
        try (InputStream in = Db.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            StringBuilder out = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf("--");
                out.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
            }
            String schema = out.toString();
            return withoutNotNull ? schema.replace("NOT NULL", "") : schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Connection connection() {
        return connection;
    }

    // ---- reading

    /** Every row of the query, each as its columns' values. */
    public List<Object[]> rows(String sql, Object... args) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, args);
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Every value of the query's first column. */
    public List<Object> column(String sql, Object... args) {
        List<Object> out = new ArrayList<>();
        for (Object[] row : rows(sql, args)) {
            out.add(row[0]);
        }
        return out;
    }

    /** The single value the query yields; fails on any other number of rows. */
    public Object value(String sql, Object... args) {
        List<Object[]> rows = rows(sql, args);
        if (rows.size() != 1) {
            throw new IllegalStateException(sql + " gave " + rows.size() + " rows");
        }
        return rows.get(0)[0];
    }

    /** The first column of the first row as JDBC's getLong reads it; 0 when there is no row. */
    public long number(String sql, Object... args) {
        return first(sql, args, rs -> rs.getLong(1), 0L);
    }

    /** The first column of the first row as JDBC's getDouble reads it; 0 when there is no row. */
    public double real(String sql, Object... args) {
        return first(sql, args, rs -> rs.getDouble(1), 0.0);
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T first(String sql, Object[] args, Column<T> column, T none) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? column.read(rs) : none;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first column of every row as text (as JDBC's getString reads it). */
    public List<String> strings(String sql, Object... args) {
        List<String> out = new ArrayList<>();
        for (String[] row : text(sql, args)) {
            out.add(row[0]);
        }
        return out;
    }

    /** Every row of the query as its columns' text joined by tabs (NULL as \N). */
    public List<String> textRows(String sql, Object... args) {
        List<String> out = new ArrayList<>();
        for (String[] row : text(sql, args)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i > 0 ? "\t" : "").append(row[i] == null ? "\\N" : row[i]);
            }
            out.add(line.toString());
        }
        return out;
    }

    private List<String[]> text(String sql, Object... args) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, args);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    // ---- writing

    /**
     * Runs a statement: with {@code args}, prepared once per text and bound to them; without,
     * as given, which may hold several statements.
     */
    public void execute(String sql, Object... args) {
        try {
            if (args.length == 0) {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate(sql);
                }
                return;
            }
            PreparedStatement s = prepared.get(sql);
            if (s == null) {
                s = connection.prepareStatement(sql);
                prepared.put(sql, s);
            }
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs each statement of {@code script} (statements end with a semicolon; no comments). */
    public void script(String script) {
        for (String statement : script.split(";")) {
            if (!statement.isBlank()) {
                execute(statement);
            }
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private static IllegalStateException failed(String sql, SQLException e) {
        return new IllegalStateException(sql + ": " + e.getMessage(), e);
    }

    /** Commits what was written, and closes. */
    @Override
    public void close() {
        try {
            for (PreparedStatement s : prepared.values()) {
                s.close();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
