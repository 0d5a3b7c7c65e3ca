package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.list;
import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tracks row as the catalog reads it: the track, the rowids of its credited artists and the
 * values of its first track_files row. Its select list and its reader are side by side here,
 * value for value; a connection without track_files selects NULL in place of those values, so
 * such a row reads like a track without a track_files row, and so does the index's select list
 * ({@link Columns#INDEXED}), which also leaves out what no index field holds.
 */
record StoredTrack(long rowid, String id, String name, String previewUrl, Long albumRowid, Integer trackNumber,
                   String isrc, Integer popularity, Integer discNumber, Integer durationMs, Boolean explicit,
                   List<Long> artistRowids, Boolean hasLyrics, String originalTitle, String versionTitle,
                   List<String> languages, String artistRolesJson) {

    /** The order of an album's tracks: disc, then track number (NULL last for both), then rowid. */
    static final Comparator<StoredTrack> ALBUM_LISTING = Comparator
            .comparing(StoredTrack::discNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StoredTrack::trackNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(StoredTrack::rowid);

    /**
     * The values of the row, in the order {@link #read} reads them, for a json_array; those of
     * track_files only with {@code trackFiles}, and only {@code columns}' values.
     */
    static String values(boolean trackFiles, Columns columns) {
        boolean files = trackFiles && columns == Columns.SERVED;
        return String.join(", ",
                "t.rowid",
                text("t.id"),
                text("t.name"),
                columns.servedOnly(text("t.preview_url")),
                number("t.album_rowid"),
                columns.servedOnly(number("t.track_number")),
                text("t.external_id_isrc"),
                number("t.popularity"),
                columns.servedOnly(number("t.disc_number")),
                columns.servedOnly(number("t.duration_ms")),
                number("t.explicit"),
                list("v", number("artist_rowid") + " AS v", "track_artists WHERE track_rowid = t.rowid"),
                files ? number("f.has_lyrics") : "NULL",
                files ? text("f.original_title") : "NULL",
                files ? text("f.version_title") : "NULL",
                files ? text("f.language_of_performance") : "NULL",
                files ? text("f.artist_roles") : "NULL");
    }

    /**
     * The tables of the row: the track, the tables of {@code join}, and with track_files the
     * track's first track_files row (lowest rowid).
     */
    static String from(boolean trackFiles, Columns columns, String join) {
        return " FROM tracks t" + join + (trackFiles && columns == Columns.SERVED ? " LEFT JOIN tf.track_files f"
                + " ON f.rowid = (SELECT min(rowid) FROM tf.track_files WHERE track_id = t.id)" : "");
    }

    /** {@code SELECT <row> FROM tracks t ...}; a statement adds its WHERE. */
    static String select(boolean trackFiles, Columns columns) {
        return "SELECT json_array(" + values(trackFiles, columns) + ")" + from(trackFiles, columns, "");
    }

    static StoredTrack read(JsonRow row) throws SQLException {
        return new StoredTrack(row.integer(), row.text(), row.text(), row.text(), row.integer(), row.count(),
                row.text(), row.popularity(), row.count(), row.count(), row.flag(), credits(row),
                row.flag(), row.text(), row.text(), JsonText.stringArray(row.text()), JsonText.validOrNull(row.text()));
    }

    /** What the track ranks by in search: its popularity, as served. */
    Long rank() {
        return popularity == null ? null : popularity.longValue();
    }

    /** Artist rowids in credit order (track_artists rowid order), each once. */
    private static List<Long> credits(JsonRow row) throws SQLException {
        if (!row.enter()) {
            return List.of();
        }
        Set<Long> artists = new LinkedHashSet<>(8);
        while (row.hasNext()) {
            Long artist = row.integer();
            if (artist != null) {
                artists.add(artist);
            }
        }
        return List.copyOf(artists);
    }
}
