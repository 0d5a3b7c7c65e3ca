package dev.musicmeta.catalog.sqlite;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the service needs of each file: the tables and columns it reads (a missing one stops
 * start-up) and the indexes of schema/main.sql and schema/track_files.sql (a missing one is a
 * warning that names what gets slow). Indexes are matched by table and first column, not by
 * name: the real file may name them differently.
 */
final class SchemaCheck {

    /** An index the schema declares, and what gets slow without it. */
    record RequiredIndex(String name, String table, String column, String cost) {}

    /** The columns read from the main file. Implicit rowids need no declared column. */
    static final Map<String, List<String>> MAIN_COLUMNS = ordered(
            Map.entry("artists", List.of("id", "name", "followers_total", "popularity")),
            Map.entry("artist_genres", List.of("artist_rowid", "genre")),
            Map.entry("artist_images", List.of("artist_rowid", "width", "height", "url")),
            Map.entry("albums", List.of("id", "name", "album_type", "label", "popularity", "release_date",
                    "release_date_precision", "external_id_upc", "total_tracks", "copyright_c", "copyright_p")),
            Map.entry("album_images", List.of("album_rowid", "width", "height", "url")),
            Map.entry("artist_albums", List.of("artist_rowid", "album_rowid", "index_in_album")),
            Map.entry("tracks", List.of("id", "name", "preview_url", "album_rowid", "track_number",
                    "external_id_isrc", "popularity", "disc_number", "duration_ms", "explicit")),
            Map.entry("track_artists", List.of("track_rowid", "artist_rowid")));

    static final Map<String, List<String>> TRACK_FILES_COLUMNS = ordered(
            Map.entry("track_files", List.of("track_id", "has_lyrics", "original_title", "version_title",
                    "language_of_performance", "artist_roles")));

    static final List<RequiredIndex> MAIN_INDEXES = List.of(
            new RequiredIndex("artists_id", "artists", "id", "artist lookups by id scan all artists"),
            new RequiredIndex("albums_id", "albums", "id", "album lookups by id scan all albums"),
            new RequiredIndex("albums_upc", "albums", "external_id_upc",
                    "UPC lookups would scan all albums (no current endpoint reads it from SQLite)"),
            new RequiredIndex("tracks_id", "tracks", "id", "track lookups by id scan all tracks"),
            new RequiredIndex("tracks_isrc", "tracks", "external_id_isrc", "ISRC lookups scan all tracks"),
            new RequiredIndex("tracks_album", "tracks", "album_rowid", "album track lists scan all tracks"),
            new RequiredIndex("track_artists_track", "track_artists", "track_rowid",
                    "every track lookup scans all track credits"),
            new RequiredIndex("track_artists_artist", "track_artists", "artist_rowid",
                    "artist-to-track queries would scan all track credits (no current endpoint runs one)"),
            new RequiredIndex("artist_albums_album", "artist_albums", "album_rowid",
                    "every album lookup scans all album-artist links"),
            new RequiredIndex("artist_albums_artist", "artist_albums", "artist_rowid",
                    "artist-to-album queries would scan all album-artist links (no current endpoint runs one)"),
            new RequiredIndex("artist_genres_artist", "artist_genres", "artist_rowid",
                    "every artist lookup scans all genres"),
            new RequiredIndex("artist_images_artist", "artist_images", "artist_rowid",
                    "every artist lookup scans all artist images"),
            new RequiredIndex("album_images_album", "album_images", "album_rowid",
                    "every album lookup scans all album images"));

    static final List<RequiredIndex> TRACK_FILES_INDEXES = List.of(
            new RequiredIndex("track_files_track", "track_files", "track_id",
                    "every track lookup scans all of track_files"));

    private SchemaCheck() {}

    /**
     * Fails with every missing table and column of {@code file} (attached as {@code schema}),
     * on one line.
     */
    static void checkColumns(Session session, String schema, Path file, Map<String, List<String>> required)
            throws CatalogFileException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement info = session.connection().prepareStatement(
                "SELECT lower(name) FROM pragma_table_info(?, ?)")) {
            for (Map.Entry<String, List<String>> table : required.entrySet()) {
                Set<String> present = new HashSet<>();
                info.setString(1, table.getKey());
                info.setString(2, schema);
                session.countOne();
                try (ResultSet rs = info.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
                if (present.isEmpty()) {
                    problems.add("table " + table.getKey() + " is missing");
                    continue;
                }
                for (String column : table.getValue()) {
                    if (!present.contains(column)) {
                        problems.add("table " + table.getKey() + " has no column " + column);
                    }
                }
            }
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
        if (!problems.isEmpty()) {
            throw new CatalogFileException(file + ": " + String.join("; ", problems));
        }
    }

    /** One warning per index of {@code required} that no index of {@code file} covers. */
    static List<String> missingIndexes(Session session, String schema, Path file, List<RequiredIndex> required)
            throws CatalogFileException {
        Set<String> covered = new HashSet<>();
        String sql = "SELECT lower(m.tbl_name), lower(i.name) FROM \"" + schema + "\".sqlite_master m,"
                + " pragma_index_info(m.name, '" + schema + "') i WHERE m.type = 'index' AND i.seqno = 0";
        session.countOne();
        try (PreparedStatement indexes = session.connection().prepareStatement(sql);
             ResultSet rs = indexes.executeQuery()) {
            while (rs.next()) {
                covered.add(rs.getString(1) + "." + rs.getString(2));
            }
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
        List<String> warnings = new ArrayList<>();
        for (RequiredIndex index : required) {
            if (!covered.contains(index.table() + "." + index.column())) {
                warnings.add(file + ": missing index " + index.name() + " on " + index.table() + "("
                        + index.column() + "): " + index.cost() + " (CREATE INDEX " + index.name() + " ON "
                        + index.table() + "(" + index.column() + ") adds it)");
            }
        }
        return warnings;
    }

    static CatalogFileException unreadable(Path file, SQLException e) {
        return new CatalogFileException(file + ": cannot be read as an SQLite database: "
                + FileChecks.oneLine(e.getMessage()));
    }

    @SafeVarargs
    private static Map<String, List<String>> ordered(Map.Entry<String, List<String>>... tables) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> table : tables) {
            out.put(table.getKey(), table.getValue());
        }
        return Collections.unmodifiableMap(out);
    }
}
