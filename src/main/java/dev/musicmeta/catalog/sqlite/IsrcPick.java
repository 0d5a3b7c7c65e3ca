package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import java.sql.SQLException;

/**
 * A track of an ISRC as the best-track lookup reads it: an ISRC's only track comes whole (its
 * row as {@link StoredTrack} reads it), one of several only with what they are ordered by
 * ({@link IsrcRank}), so that only the best of them is read whole afterwards. Its select list and
 * its reader are side by side here.
 *
 * <p>Most ISRCs are on one track; for those this is the lookup's one statement, as before. For
 * the others it leaves out the credits and track_files row of every track that is not the best,
 * and the album's release date (a page of albums read again when the album is served) of every
 * track that is alone on its ISRC: about a fifth of the pages of a batch of 400 random ISRCs
 * (bench/RESULTS.md).
 */
record IsrcPick(String isrc, IsrcRank rank, StoredTrack track) {

    /**
     * The tracks columns {@link StoredTrack#values} reads, under their own names, so that its
     * select list reads them from the subquery below as from the table.
     */
    private static final String TRACK_COLUMNS = String.join(", ", "t.rowid AS rowid", "t.id AS id", "t.name AS name",
            "t.preview_url AS preview_url", "t.album_rowid AS album_rowid", "t.track_number AS track_number",
            "t.external_id_isrc AS external_id_isrc", "t.popularity AS popularity", "t.disc_number AS disc_number",
            "t.duration_ms AS duration_ms", "t.explicit AS explicit");

    /**
     * The tracks of the ISRCs ({@code keys} is the statement's key match), each row led by how
     * many tracks its ISRC has: 1, then the track's row; more, then its rowid, ISRC, popularity and
     * album release date. The track_files row and the credits are read only for a track alone on
     * its ISRC (the CASE is evaluated lazily), the release date only for one that is not.
     */
    static String select(boolean trackFiles, String keys) {
        return "SELECT CASE WHEN t.n = 1 THEN json_array(1, " + StoredTrack.values(trackFiles, Columns.SERVED)
                + ") ELSE json_array(t.n, t.rowid, " + text("t.external_id_isrc") + ", " + number("t.popularity")
                + ", (SELECT " + text("a.release_date") + " FROM albums a WHERE a.rowid = t.album_rowid)) END"
                + " FROM (SELECT " + TRACK_COLUMNS + ", count(*) OVER (PARTITION BY t.external_id_isrc) AS n"
                + " FROM tracks t WHERE t.external_id_isrc" + keys + ") t"
                + (trackFiles ? " LEFT JOIN tf.track_files f ON f.rowid = CASE WHEN t.n = 1 THEN"
                + " (SELECT min(rowid) FROM tf.track_files WHERE track_id = t.id) END" : "");
    }

    static IsrcPick read(JsonRow row) throws SQLException {
        Long tracks = row.integer();
        if (tracks != null && tracks == 1) {
            StoredTrack track = StoredTrack.read(row);
            return new IsrcPick(track.isrc(), new IsrcRank(track.rowid(), track.popularity(), null), track);
        }
        Long rowid = row.integer();
        String isrc = row.text();
        return new IsrcPick(isrc, new IsrcRank(rowid, row.popularity(), row.text()), null);
    }
}
