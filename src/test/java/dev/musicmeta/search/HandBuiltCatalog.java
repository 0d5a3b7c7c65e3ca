package dev.musicmeta.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A small catalog written row by row with the shared schema, so that relevance tests name the
 * exact rows they expect. Ids are made up, 22 base62 characters.
 */
final class HandBuiltCatalog implements AutoCloseable {

    private final Path main;
    private final Connection connection;
    private final Map<String, Long> counters = new HashMap<>();
    final Map<Long, String> trackNames = new HashMap<>();
    final Map<Long, String> artistNames = new HashMap<>();
    final Map<Long, String> albumNames = new HashMap<>();

    private HandBuiltCatalog(Path main, Connection connection) {
        this.main = main;
        this.connection = connection;
    }

    static HandBuiltCatalog create(Path dir) throws IOException, SQLException {
        return create(dir, schema());
    }

    /**
     * The schema without its NOT NULL constraints: real data holds NULL anywhere (see the
     * schema's header), and tests must be able to write such rows.
     */
    static HandBuiltCatalog createLenient(Path dir) throws IOException, SQLException {
        return create(dir, schema().replace("NOT NULL", ""));
    }

    private static HandBuiltCatalog create(Path dir, String schema) throws IOException, SQLException {
        Files.createDirectories(dir);
        Path main = dir.resolve("main_database.sqlite3");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + main);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : schema.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        return new HandBuiltCatalog(main, c);
    }

    /** The shared schema without its comments (they hold semicolons). */
    static String schema() throws IOException {
        try (InputStream in = HandBuiltCatalog.class.getResourceAsStream("/schema/main.sql")) {
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf("--");
                sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
            }
            return sql.toString();
        }
    }

    Path mainFile() {
        return main;
    }

    long artist(String name, long followers, String... genres) throws SQLException {
        long rowid = next("artists");
        insert("INSERT INTO artists (rowid, id, name, followers_total, popularity) VALUES (?, ?, ?, ?, ?)",
                rowid, id("ar", rowid), name, followers, (int) Math.min(100, followers / 10_000));
        for (String genre : genres) {
            insert("INSERT INTO artist_genres (artist_rowid, genre) VALUES (?, ?)", rowid, genre);
        }
        artistNames.put(rowid, name);
        return rowid;
    }

    long album(String name, String releaseDate, String upc, int popularity, long... artists) throws SQLException {
        long rowid = next("albums");
        insert("INSERT INTO albums (rowid, id, name, album_type, external_id_upc, label, popularity, release_date,"
                        + " release_date_precision, total_tracks) VALUES (?, ?, ?, 'album', ?, 'Label', ?, ?, 'day', 10)",
                rowid, id("al", rowid), name, upc, popularity, releaseDate);
        for (int i = 0; i < artists.length; i++) {
            insert("INSERT INTO artist_albums (artist_rowid, album_rowid, is_appears_on, is_implicit_appears_on,"
                    + " index_in_album) VALUES (?, ?, 0, 0, ?)", artists[i], rowid, i);
        }
        albumNames.put(rowid, name);
        return rowid;
    }

    long track(String name, long album, String isrc, int popularity, long... artists) throws SQLException {
        long rowid = next("tracks");
        insert("INSERT INTO tracks (rowid, id, name, album_rowid, track_number, external_id_isrc, popularity,"
                        + " disc_number, duration_ms, explicit) VALUES (?, ?, ?, ?, 1, ?, ?, 1, 200000, 0)",
                rowid, id("tr", rowid), name, album, isrc, popularity);
        for (long artist : artists) {
            insert("INSERT INTO track_artists (track_rowid, artist_rowid) VALUES (?, ?)", rowid, artist);
        }
        trackNames.put(rowid, name);
        return rowid;
    }

    /** Runs any statement, for rows the helpers do not write (NULLs, odd types). */
    void execute(String sql, Object... args) throws SQLException {
        insert(sql, args);
    }

    private void insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private long next(String table) {
        return counters.merge(table, 1L, Long::sum);
    }

    private static String id(String prefix, long rowid) {
        String digits = Long.toString(rowid, 36);
        return prefix + "0".repeat(22 - prefix.length() - digits.length()) + digits;
    }

    @Override
    public void close() throws SQLException {
        connection.commit();
        connection.close();
    }
}
