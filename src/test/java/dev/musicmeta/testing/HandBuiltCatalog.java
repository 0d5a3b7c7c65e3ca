package dev.musicmeta.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A small catalog written row by row with the shared schema, so that relevance tests name the
 * exact rows they expect. Ids are made up, 22 base62 characters.
 */
public final class HandBuiltCatalog implements AutoCloseable {

    private final Path main;
    private final Db db;
    private final Map<String, Long> counters = new HashMap<>();
    public final Map<Long, String> trackNames = new HashMap<>();
    public final Map<Long, String> artistNames = new HashMap<>();
    public final Map<Long, String> albumNames = new HashMap<>();

    private HandBuiltCatalog(Path main, Db db) {
        this.main = main;
        this.db = db;
    }

    public static HandBuiltCatalog create(Path dir) throws IOException {
        return create(dir, false);
    }

    /**
     * The schema without its NOT NULL constraints: real data holds NULL anywhere (see the
     * schema's header), and tests must be able to write such rows.
     */
    public static HandBuiltCatalog createLenient(Path dir) throws IOException {
        return create(dir, true);
    }

    private static HandBuiltCatalog create(Path dir, boolean lenient) throws IOException {
        Files.createDirectories(dir);
        Path main = dir.resolve("main_database.sqlite3");
        Db db = Db.write(main);
        db.script(Db.schema("/schema/main.sql", lenient));
        return new HandBuiltCatalog(main, db);
    }

    public Path mainFile() {
        return main;
    }

    public long artist(String name, long followers, String... genres) {
        long rowid = next("artists");
        db.execute("INSERT INTO artists (rowid, id, name, followers_total, popularity) VALUES (?, ?, ?, ?, ?)",
                rowid, id("ar", rowid), name, followers, (int) Math.min(100, followers / 10_000));
        for (String genre : genres) {
            db.execute("INSERT INTO artist_genres (artist_rowid, genre) VALUES (?, ?)", rowid, genre);
        }
        artistNames.put(rowid, name);
        return rowid;
    }

    public long album(String name, String releaseDate, String upc, int popularity, long... artists) {
        long rowid = next("albums");
        db.execute("INSERT INTO albums (rowid, id, name, album_type, external_id_upc, label, popularity, release_date,"
                        + " release_date_precision, total_tracks) VALUES (?, ?, ?, 'album', ?, 'Label', ?, ?, 'day', 10)",
                rowid, id("al", rowid), name, upc, popularity, releaseDate);
        for (int i = 0; i < artists.length; i++) {
            db.execute("INSERT INTO artist_albums (artist_rowid, album_rowid, is_appears_on, is_implicit_appears_on,"
                    + " index_in_album) VALUES (?, ?, 0, 0, ?)", artists[i], rowid, i);
        }
        albumNames.put(rowid, name);
        return rowid;
    }

    public long track(String name, long album, String isrc, int popularity, long... artists) {
        return trackStoring(name, album, isrc, popularity, artists);
    }

    /** A track whose popularity is stored as given, as dirty data has it: out of range, text, NULL. */
    public long trackStoring(String name, long album, String isrc, Object popularity, long... artists) {
        long rowid = next("tracks");
        db.execute("INSERT INTO tracks (rowid, id, name, album_rowid, track_number, external_id_isrc, popularity,"
                        + " disc_number, duration_ms, explicit) VALUES (?, ?, ?, ?, 1, ?, ?, 1, 200000, 0)",
                rowid, id("tr", rowid), name, album, isrc, popularity);
        for (long artist : artists) {
            db.execute("INSERT INTO track_artists (track_rowid, artist_rowid) VALUES (?, ?)", rowid, artist);
        }
        trackNames.put(rowid, name);
        return rowid;
    }

    /** Runs any statement, for rows the helpers do not write (NULLs, odd types). */
    public void execute(String sql, Object... args) {
        db.execute(sql, args);
    }

    /** The id {@link #track}, {@link #album} and {@link #artist} give the row of this rowid. */
    public static String id(String prefix, long rowid) {
        String digits = Long.toString(rowid, 36);
        return prefix + "0".repeat(22 - prefix.length() - digits.length()) + digits;
    }

    private long next(String table) {
        return counters.merge(table, 1L, Long::sum);
    }

    @Override
    public void close() {
        db.close();
    }
}
