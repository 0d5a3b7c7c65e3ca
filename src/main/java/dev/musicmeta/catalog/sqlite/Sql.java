package dev.musicmeta.catalog.sqlite;

/**
 * Every statement the catalog runs on a request, prepared once per connection.
 *
 * <p>Lookups select one column per item: a JSON array holding the item's row and, as nested
 * arrays, its child rows (credits, images, genres, album artists), read by {@link JsonRow}. One
 * statement per kind of item (tracks, albums, artists) thus replaces one per table, and sqlite-jdbc
 * fetches one column name and one value per row instead of a dozen of each: together more than
 * half of the cost of a lookup. The values keep their stored types (JSON renders integers
 * exactly and reals to the last bit), so dirty data reads as it does through JDBC; text columns
 * are cast to text (numbers and BLOBs read as their text) and BLOBs in numeric columns become
 * NULL, since JSON cannot hold them. Child rows are ordered by rowid in a subquery that walks the
 * index in that order, without a sort.
 *
 * <p>Sets of keys are bound as one JSON array ({@code IN (SELECT value FROM json_each(?))}), so
 * one prepared shape serves any number of keys and the planner still probes the index once per
 * key. Columns are always named: the real files carry more columns than the service reads.
 */
enum Sql {

    TRACKS_BY_ID("SELECT " + Text.TRACK_ROW + " FROM tracks t" + Text.TRACK_FILE_JOIN
            + " WHERE t.id" + Text.IN_SET),
    TRACKS_BY_ROWID("SELECT " + Text.TRACK_ROW + " FROM tracks t" + Text.TRACK_FILE_JOIN
            + " WHERE t.rowid" + Text.IN_SET),
    /** The track rows of ISRCs with their album's release date, the second sort key. */
    TRACKS_BY_ISRC("SELECT " + Text.TRACK_ROW_WITH_RELEASE_DATE + " FROM tracks t"
            + " LEFT JOIN albums a ON a.rowid = t.album_rowid" + Text.TRACK_FILE_JOIN
            + " WHERE t.external_id_isrc" + Text.IN_SET),
    TRACKS_BY_ALBUM("SELECT " + Text.TRACK_ROW + " FROM tracks t" + Text.TRACK_FILE_JOIN
            + " WHERE t.album_rowid = ?"),

    ARTISTS_BY_ID("SELECT " + Text.ARTIST_ROW + " FROM artists ar WHERE ar.id" + Text.IN_SET),
    ARTISTS_BY_ROWID("SELECT " + Text.ARTIST_ROW + " FROM artists ar WHERE ar.rowid" + Text.IN_SET),

    ALBUM_ROWID_BY_ID("SELECT rowid FROM albums WHERE id = ?"),
    ALBUMS_BY_ID("SELECT " + Text.ALBUM_ROW + " FROM albums a WHERE a.id" + Text.IN_SET),
    ALBUMS_BY_ROWID("SELECT " + Text.ALBUM_ROW + " FROM albums a WHERE a.rowid" + Text.IN_SET),

    // Fallback searches scan by design: without the search index there is nothing to seek.
    SEARCH_TRACKS("SELECT rowid, popularity, " + Text.MATCH + " FROM tracks WHERE " + Text.MATCH + " > 0"),
    SEARCH_ARTISTS("SELECT rowid, followers_total, " + Text.MATCH + " FROM artists WHERE " + Text.MATCH + " > 0"),
    SEARCH_ALBUMS("SELECT rowid, popularity, " + Text.MATCH + " FROM albums WHERE " + Text.MATCH + " > 0");

    /** The statement for a set of keys, as prepared on a connection with track_files attached as {@code tf}. */
    final String text;

    Sql(String text) {
        this.text = text;
    }

    /** Whether the statement looks up a set of keys, and so has a form for a single key. */
    boolean takesKeySet() {
        return text.contains(Text.IN_SET);
    }

    /**
     * The statement as prepared: for a set of keys or, if {@code singleKey}, for one key bound as
     * itself ({@code = ?}); for a connection with or without track_files (without it, a track
     * row holds NULL where the track_files values would be, so it reads like a track without a
     * track_files row).
     */
    String text(boolean trackFiles, boolean singleKey) {
        String out = singleKey ? text.replace(Text.IN_SET, " = ?") : text;
        return trackFiles ? out
                : out.replace(Text.TRACK_FILE_JOIN, "").replace(Text.TRACK_FILE_VALUES, Text.NO_TRACK_FILE_VALUES);
    }

    /** The pieces of the statements; read by {@link Rows} in this order. */
    static final class Text {

        private Text() {}

        static final String SET = "(SELECT value FROM json_each(?))";
        static final String IN_SET = " IN " + SET;
        static final String MATCH = NameMatchFunction.NAME + "(name)";

        /** The first track_files row of the track (lowest rowid), if any. */
        static final String TRACK_FILE_JOIN = " LEFT JOIN tf.track_files f"
                + " ON f.rowid = (SELECT min(rowid) FROM tf.track_files WHERE track_id = t.id)";
        static final String TRACK_FILE_VALUES = String.join(", ", number("f.has_lyrics"),
                text("f.original_title"), text("f.version_title"), text("f.language_of_performance"),
                text("f.artist_roles"));
        static final String NO_TRACK_FILE_VALUES = "NULL, NULL, NULL, NULL, NULL";

        /** An image as [url, width, height], over {@link #IMAGE_COLUMNS}. */
        private static final String IMAGE = "json_array(u, w, h)";
        private static final String IMAGE_COLUMNS = text("url") + " AS u, " + number("width") + " AS w, "
                + number("height") + " AS h";

        /** The track, its credited artist rowids in credit order, its track_files values. */
        static final String TRACK_ROW = "json_array(" + trackValues() + ")";
        static final String TRACK_ROW_WITH_RELEASE_DATE = "json_array(" + trackValues() + ", "
                + text("a.release_date") + ")";

        /** The artist, its genres, its images as [url, width, height]. */
        static final String ARTIST_ROW = "json_array(" + String.join(", ", "ar.rowid", text("ar.id"),
                text("ar.name"), number("ar.followers_total"), number("ar.popularity"),
                list("v", text("genre") + " AS v", "artist_genres WHERE artist_rowid = ar.rowid"),
                list(IMAGE, IMAGE_COLUMNS, "artist_images WHERE artist_rowid = ar.rowid")) + ")";

        /** The album, its images as [url, width, height], its own artists as [artist rowid, index]. */
        static final String ALBUM_ROW = "json_array(" + String.join(", ", "a.rowid", text("a.id"),
                text("a.name"), text("a.album_type"), text("a.label"), text("a.release_date"),
                text("a.release_date_precision"), text("a.external_id_upc"), number("a.total_tracks"),
                text("a.copyright_c"), text("a.copyright_p"),
                list(IMAGE, IMAGE_COLUMNS, "album_images WHERE album_rowid = a.rowid"),
                list("json_array(r, i)", number("artist_rowid") + " AS r, " + number("index_in_album") + " AS i",
                        "artist_albums WHERE album_rowid = a.rowid AND index_in_album IS NOT NULL")) + ")";

        private static String trackValues() {
            return String.join(", ", "t.rowid", text("t.id"), text("t.name"), text("t.preview_url"),
                    number("t.album_rowid"), number("t.track_number"), text("t.external_id_isrc"),
                    number("t.popularity"), number("t.disc_number"), number("t.duration_ms"), number("t.explicit"),
                    list("v", number("artist_rowid") + " AS v", "track_artists WHERE track_rowid = t.rowid"),
                    TRACK_FILE_VALUES);
        }

        /** Text as JDBC's getString reads it: numbers and BLOBs as their text. */
        private static String text(String column) {
            return "CAST(" + column + " AS TEXT)";
        }

        /** A value of a numeric column as stored, but a BLOB (which JSON cannot hold) as NULL. */
        private static String number(String column) {
            return "iif(typeof(" + column + ") = 'blob', NULL, " + column + ")";
        }

        /**
         * The JSON array of {@code value} (over the names of {@code columns}) for each row of
         * {@code fromWhere}, in rowid order. Values leave a subquery as plain text, so JSON is
         * built outside the inner one, and json() keeps the outer one's result an array inside
         * the row instead of a quoted string.
         */
        private static String list(String value, String columns, String fromWhere) {
            return "json((SELECT json_group_array(" + value + ") FROM (SELECT " + columns + " FROM " + fromWhere
                    + " ORDER BY rowid)))";
        }
    }
}
