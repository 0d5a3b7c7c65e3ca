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
     * The tracks of the ISRCs ({@code keys} is the statement's key match), each row led by how
     * many tracks its ISRC has: 1, then the track's row; more, then its rowid, ISRC, popularity and
     * album release date. The track_files row and the credits are read only for a track alone on
     * its ISRC (the CASE is evaluated lazily), the release date only for one that is not.
     *
     * <p>The ISRCs' tracks and their counts come from the ISRC index alone (it holds each track's
     * rowid), sorted by rowid before any row is read: the rows, their credits and their
     * track_files rows are then each read in the order of their B-tree, so that consecutive
     * tracks share the interior pages above their leaves, where in ISRC order every track
     * descended from the root again (a fifth of a batch's pages, bench/RESULTS.md). The
     * {@code LIMIT} keeps SQLite from dropping the subquery's ORDER BY, which it otherwise does.
     */
    static String select(boolean trackFiles, String keys) {
        return "SELECT CASE WHEN k.n = 1 THEN json_array(1, " + StoredTrack.values(trackFiles, Columns.SERVED)
                + ") ELSE json_array(k.n, t.rowid, " + text("t.external_id_isrc") + ", " + number("t.popularity")
                + ", (SELECT " + text("a.release_date") + " FROM albums a WHERE a.rowid = t.album_rowid)) END"
                + " FROM (SELECT rowid AS r, count(*) OVER (PARTITION BY external_id_isrc) AS n"
                + " FROM tracks WHERE external_id_isrc" + keys + " ORDER BY rowid LIMIT -1) k"
                + " JOIN tracks t ON t.rowid = k.r"
                + (trackFiles ? " LEFT JOIN tf.track_files f ON f.rowid = CASE WHEN k.n = 1 THEN"
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
