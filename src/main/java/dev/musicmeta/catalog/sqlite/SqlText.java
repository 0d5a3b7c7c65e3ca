package dev.musicmeta.catalog.sqlite;

/**
 * Pieces of the statements' text shared by the row classes ({@link StoredTrack},
 * {@link StoredAlbum}, {@link StoredArtist}, {@link ImageList}).
 *
 * <p>A lookup selects one column per item: a JSON array holding the item's row and, as nested
 * arrays, its child rows (credits, images, genres, album artists), read by {@link JsonRow}. One
 * statement per kind of item thus replaces one per table, and sqlite-jdbc fetches one column
 * name and one value per row instead of a dozen of each: together more than half of the cost of
 * a lookup. The values keep their stored types (JSON renders integers exactly and reals to the
 * last bit), so dirty data reads as it does through JDBC; text columns are cast to text (numbers
 * and BLOBs read as their text) and BLOBs in numeric columns become NULL, since JSON cannot hold
 * them. Child rows are ordered by rowid in a subquery that walks the index in that order,
 * without a sort.
 */
final class SqlText {

    private SqlText() {}

    /** Several keys, bound as one JSON array: one prepared shape serves any number of keys. */
    static final String IN_KEY_SET = " IN (SELECT value FROM json_each(?))";
    /** One key, bound as itself: no json_each table to build and probe. */
    static final String EQUALS_KEY = " = ?";

    /** The key match of a statement's single-key or key-set form. */
    static String keys(boolean singleKey) {
        return singleKey ? EQUALS_KEY : IN_KEY_SET;
    }

    /** A page of a table in rowid order: the rows of rowid above ?1 and at most ?2. */
    static String rowidRange(String alias) {
        return " WHERE " + alias + ".rowid > ? AND " + alias + ".rowid <= ? ORDER BY " + alias + ".rowid";
    }

    /** Text as JDBC's getString reads it: numbers and BLOBs as their text. */
    static String text(String column) {
        return "CAST(" + column + " AS TEXT)";
    }

    /** A value of a numeric column as stored, but a BLOB (which JSON cannot hold) as NULL. */
    static String number(String column) {
        return "iif(typeof(" + column + ") = 'blob', NULL, " + column + ")";
    }

    /**
     * The JSON array of {@code value} (over the names of {@code columns}) for each row of
     * {@code fromWhere}, in rowid order. Values leave a subquery as plain text, so JSON is built
     * outside the inner one, and json() keeps the outer one's result an array inside the row
     * instead of a quoted string.
     */
    static String list(String value, String columns, String fromWhere) {
        return "json((SELECT json_group_array(" + value + ") FROM (SELECT " + columns + " FROM " + fromWhere
                + " ORDER BY rowid)))";
    }
}
