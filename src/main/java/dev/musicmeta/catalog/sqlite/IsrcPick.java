package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A track of an ISRC as the best-track lookup reads it: an ISRC's only track comes whole (its
 * row as {@link StoredTrack} reads it), one of several only with what they are ordered by
 * ({@link IsrcRank}) and its album's rowid, so that only the best of them is read whole
 * afterwards. Its select list and its reader are side by side here.
 *
 * <p>Most ISRCs are on one track; for those this is the lookup's one statement. For the others it
 * leaves out the credits and track_files row of every track that is not the best. The album's
 * release date, the second key of the order, decides only between tracks tied on popularity at
 * the top of their ISRC (about one shared ISRC in ten on a generated catalog): only theirs are
 * read ({@link #toDate}), by album rowid in one more statement, where reading every candidate's
 * read a page of albums for each (and again when its album was served).
 */
record IsrcPick(String isrc, IsrcRank rank, Long albumRowid, StoredTrack track) {

    /** Highest popularity first, NULL lowest: the first key of {@link IsrcRank#BEST_FIRST}. */
    private static final Comparator<IsrcPick> MOST_POPULAR = Comparator.comparing(pick -> pick.rank().popularity(),
            Comparator.nullsLast(Comparator.reverseOrder()));

    /**
     * The tracks of the ISRCs ({@code keys} is the statement's key match), each row led by how
     * many tracks its ISRC has: 1, then the track's row; more, then its rowid, ISRC, popularity and
     * album rowid. The track_files row and the credits are read only for a track alone on its
     * ISRC (the CASE is evaluated lazily).
     *
     * <p>The ISRCs' tracks and their counts come from the ISRC index alone (it holds each track's
     * rowid), sorted by rowid before any row is read: the rows, their credits and their
     * track_files rows are then each read in the order of their B-tree, so that consecutive
     * tracks share the interior pages above their leaves, where in ISRC order every track
     * descended from the root again (a fifth of a batch's pages, bench/RESULTS.md). The
     * {@code LIMIT} keeps SQLite from dropping the subquery's ORDER BY, which it otherwise does.
     * One ISRC needs no sort: the index holds its tracks in rowid order.
     */
    static String select(boolean trackFiles, String keys) {
        String order = keys.equals(SqlText.EQUALS_KEY) ? "" : " ORDER BY rowid LIMIT -1";
        return "SELECT CASE WHEN k.n = 1 THEN json_array(1, " + StoredTrack.values(trackFiles, Columns.SERVED)
                + ") ELSE json_array(k.n, t.rowid, " + text("t.external_id_isrc") + ", " + number("t.popularity")
                + ", " + number("t.album_rowid") + ") END"
                + " FROM (SELECT rowid AS r, count(*) OVER (PARTITION BY external_id_isrc) AS n"
                + " FROM tracks WHERE external_id_isrc" + keys + order + ") k"
                + " JOIN tracks t ON t.rowid = k.r"
                + (trackFiles ? " LEFT JOIN tf.track_files f ON f.rowid = CASE WHEN k.n = 1 THEN"
                + " (SELECT min(rowid) FROM tf.track_files WHERE track_id = t.id) END" : "");
    }

    /**
     * The release dates of albums by rowid ({@code keys} is the statement's key match): a JSON
     * array of the rowid and the date per album found.
     */
    static String releaseDates(String keys) {
        return "SELECT json_array(a.rowid, " + text("a.release_date") + ") FROM albums a WHERE a.rowid" + keys;
    }

    static IsrcPick read(JsonRow row) throws SQLException {
        Long tracks = row.integer();
        if (tracks != null && tracks == 1) {
            StoredTrack track = StoredTrack.read(row);
            return new IsrcPick(track.isrc(), new IsrcRank(track.rowid(), track.popularity(), null),
                    track.albumRowid(), track);
        }
        Long rowid = row.integer();
        String isrc = row.text();
        Integer popularity = row.popularity();
        return new IsrcPick(isrc, new IsrcRank(rowid, popularity, null), row.integer(), null);
    }

    /**
     * The albums whose release date can decide the best of {@code groups} (the tracks of one ISRC
     * each): those of the tracks tied on popularity, as served, at the top of their ISRC. The
     * other tracks lose on popularity whatever their dates.
     */
    static Set<Long> toDate(Collection<List<IsrcPick>> groups) {
        Set<Long> albums = new LinkedHashSet<>();
        for (List<IsrcPick> group : groups) {
            IsrcPick top = group.stream().min(MOST_POPULAR).orElseThrow();
            if (group.stream().filter(pick -> Objects.equals(pick.rank().popularity(), top.rank().popularity()))
                    .count() > 1) {
                for (IsrcPick pick : group) {
                    if (pick.albumRowid() != null && Objects.equals(pick.rank().popularity(), top.rank().popularity())) {
                        albums.add(pick.albumRowid());
                    }
                }
            }
        }
        return albums;
    }

    /**
     * The best of the tracks of one ISRC ({@link IsrcRank#BEST_FIRST}), with the release dates of
     * the albums {@link #toDate} named (a date absent reads as NULL, as a missing album's).
     */
    static IsrcRank best(List<IsrcPick> group, Map<Long, String> releaseDates) {
        IsrcRank best = null;
        for (IsrcPick pick : group) {
            IsrcRank rank = pick.albumRowid() == null ? pick.rank() : new IsrcRank(pick.rank().rowid(),
                    pick.rank().popularity(), releaseDates.get(pick.albumRowid()));
            if (best == null || IsrcRank.BEST_FIRST.compare(rank, best) < 0) {
                best = rank;
            }
        }
        return best;
    }
}
