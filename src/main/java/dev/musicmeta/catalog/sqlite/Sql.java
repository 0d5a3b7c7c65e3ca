package dev.musicmeta.catalog.sqlite;

/**
 * Every statement the catalog runs on a request, prepared once per connection. Sets of keys are
 * bound as one JSON array ({@code IN (SELECT value FROM json_each(?))}), so one prepared shape
 * serves any number of keys and the planner still probes the index once per key. Columns are
 * always named: the real files carry more columns than the service reads.
 */
enum Sql {

    TRACKS_BY_ID(Db.MAIN, "SELECT " + Sql.TRACK + " FROM tracks t WHERE t.id IN " + Sql.SET),
    TRACKS_BY_ROWID(Db.MAIN, "SELECT " + Sql.TRACK + " FROM tracks t WHERE t.rowid IN " + Sql.SET),
    TRACKS_BY_ISRC(Db.MAIN, "SELECT " + Sql.TRACK + ", a.release_date FROM tracks t"
            + " LEFT JOIN albums a ON a.rowid = t.album_rowid WHERE t.external_id_isrc IN " + Sql.SET),
    TRACKS_BY_ALBUM(Db.MAIN, "SELECT " + Sql.TRACK + " FROM tracks t WHERE t.album_rowid = ?"),
    TRACK_ARTISTS(Db.MAIN, "SELECT track_rowid, artist_rowid FROM track_artists"
            + " WHERE track_rowid IN " + Sql.SET + " ORDER BY track_rowid, rowid"),

    ARTISTS_BY_ID(Db.MAIN, "SELECT " + Sql.ARTIST + " FROM artists WHERE id IN " + Sql.SET),
    ARTISTS_BY_ROWID(Db.MAIN, "SELECT " + Sql.ARTIST + " FROM artists WHERE rowid IN " + Sql.SET),
    ARTIST_GENRES(Db.MAIN, "SELECT artist_rowid, genre FROM artist_genres"
            + " WHERE artist_rowid IN " + Sql.SET + " ORDER BY artist_rowid, rowid"),
    ARTIST_IMAGES(Db.MAIN, "SELECT artist_rowid, url, width, height FROM artist_images"
            + " WHERE artist_rowid IN " + Sql.SET + " ORDER BY artist_rowid, rowid"),

    ALBUM_ROWID_BY_ID(Db.MAIN, "SELECT rowid FROM albums WHERE id = ?"),
    ALBUMS_BY_ID(Db.MAIN, "SELECT " + Sql.ALBUM + " FROM albums WHERE id IN " + Sql.SET),
    ALBUMS_BY_ROWID(Db.MAIN, "SELECT " + Sql.ALBUM + " FROM albums WHERE rowid IN " + Sql.SET),
    ALBUM_ARTISTS(Db.MAIN, "SELECT album_rowid, artist_rowid, index_in_album FROM artist_albums"
            + " WHERE album_rowid IN " + Sql.SET + " AND index_in_album IS NOT NULL ORDER BY album_rowid, rowid"),
    ALBUM_IMAGES(Db.MAIN, "SELECT album_rowid, url, width, height FROM album_images"
            + " WHERE album_rowid IN " + Sql.SET + " ORDER BY album_rowid, rowid"),

    TRACK_FILES(Db.TRACK_FILES, "SELECT track_id, has_lyrics, original_title, version_title,"
            + " language_of_performance, artist_roles FROM tf.track_files"
            + " WHERE track_id IN " + Sql.SET + " ORDER BY track_id, rowid"),

    // Fallback searches scan by design: without the search index there is nothing to seek.
    SEARCH_TRACKS(Db.MAIN, "SELECT rowid, popularity, " + Sql.MATCH + " FROM tracks WHERE " + Sql.MATCH + " > 0"),
    SEARCH_ARTISTS(Db.MAIN, "SELECT rowid, followers_total, " + Sql.MATCH + " FROM artists WHERE " + Sql.MATCH + " > 0"),
    SEARCH_ALBUMS(Db.MAIN, "SELECT rowid, popularity, " + Sql.MATCH + " FROM albums WHERE " + Sql.MATCH + " > 0");

    /** The columns of {@link Rows#track}, in its order. */
    static final String TRACK = "t.rowid, t.id, t.name, t.preview_url, t.album_rowid, t.track_number,"
            + " t.external_id_isrc, t.popularity, t.disc_number, t.duration_ms, t.explicit";
    /** The columns of {@link Rows#artist}, in its order. */
    static final String ARTIST = "rowid, id, name, followers_total, popularity";
    /** The columns of {@link Rows#album}, in its order. */
    static final String ALBUM = "rowid, id, name, album_type, label, release_date, release_date_precision,"
            + " external_id_upc, total_tracks, copyright_c, copyright_p";
    static final String SET = "(SELECT value FROM json_each(?))";
    static final String MATCH = NameMatchFunction.NAME + "(name)";

    /** The file a statement reads: blamed when it cannot be prepared. */
    enum Db { MAIN, TRACK_FILES }

    final Db db;
    final String text;

    Sql(Db db, String text) {
        this.db = db;
        this.text = text;
    }

    boolean isSearch() {
        return this == SEARCH_TRACKS || this == SEARCH_ARTISTS || this == SEARCH_ALBUMS;
    }
}
