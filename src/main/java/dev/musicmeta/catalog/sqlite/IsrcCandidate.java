package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.text;

import java.sql.SQLException;
import java.util.Comparator;

/**
 * A track of an ISRC with the release date of its album ({@code null} when unknown or the album
 * is missing), the second key of the order a tagger picks by. Its select list (the track's row,
 * then the date) and its reader are side by side here.
 */
record IsrcCandidate(StoredTrack track, String releaseDate) {

    /**
     * Best first: highest popularity (NULL lowest), then earliest album release date compared as
     * text (NULL last), then lowest rowid. Done in Java on the values as served, so a dirty
     * popularity (text in an INTEGER column, which SQLite sorts above every number) ranks as the
     * NULL it is served as.
     */
    static final Comparator<IsrcCandidate> BEST_FIRST = Comparator
            .comparing((IsrcCandidate c) -> c.track().popularity(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(IsrcCandidate::releaseDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(c -> c.track().rowid());

    /** {@code SELECT <track row, release date> FROM tracks t ...}; a statement adds its WHERE. */
    static String select(boolean trackFiles) {
        return "SELECT json_array(" + StoredTrack.values(trackFiles, Columns.SERVED) + ", " + text("a.release_date")
                + ")" + StoredTrack.from(trackFiles, Columns.SERVED, " LEFT JOIN albums a ON a.rowid = t.album_rowid");
    }

    static IsrcCandidate read(JsonRow row) throws SQLException {
        return new IsrcCandidate(StoredTrack.read(row), row.text());
    }
}
