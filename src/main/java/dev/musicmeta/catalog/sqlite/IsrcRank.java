package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import java.sql.SQLException;
import java.util.Comparator;

/**
 * A track of an ISRC holding only what the ISRC's tracks are ordered by (its popularity and its
 * album's release date, as served): a page is cut from these, and only its tracks are read whole.
 */
record IsrcRank(long rowid, Integer popularity, String releaseDate) {

    /** As {@link IsrcCandidate#BEST_FIRST}. */
    static final Comparator<IsrcRank> BEST_FIRST = Comparator
            .comparing(IsrcRank::popularity, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(IsrcRank::releaseDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(IsrcRank::rowid);

    /** {@code SELECT <rank> FROM tracks t ...}; a statement adds its WHERE. */
    static final String SELECT = "SELECT json_array(t.rowid, " + number("t.popularity") + ", "
            + text("a.release_date") + ") FROM tracks t LEFT JOIN albums a ON a.rowid = t.album_rowid";

    static IsrcRank read(JsonRow row) throws SQLException {
        return new IsrcRank(row.integer(), row.popularity(), row.text());
    }
}
