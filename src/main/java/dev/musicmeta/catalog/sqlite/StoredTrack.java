package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.list;
import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tracks row as the catalog reads it: the track, the rowids of its credited artists and the
 * values of its first track_files row. Its select list and its reader are side by side here,
 * value for value; a connection without track_files selects NULL in place of those values, so
 * such a row reads like a track without a track_files row, and so does the index's select list
 * ({@link Columns#INDEXED}), which also leaves out what no index field holds. A page of the
 * scan reads its tracks' credits apart, all in one statement ({@link #CREDITS_IN_RANGE}), by the
 * same value and the same rule as a row's own list.
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

    /** A credit as a row's list and a page's credits select it: its artist rowid. */
    private static final String CREDIT = number("artist_rowid");

    /**
     * The credits of a page of tracks, those of rowid above ?1 and at most ?2: one JSON array of
     * {@code [track rowid, artist rowid]} in track rowid order, then credit order (track_artists
     * rowid). One range read of the track_artists index for the page, where each row's own list
     * is a subquery, its JSON built and read again, per track.
     */
    static final String CREDITS_IN_RANGE = "SELECT json_group_array(json_array(" + number("track_rowid") + ", "
            + CREDIT + ")) FROM (SELECT track_rowid, artist_rowid FROM track_artists"
            + " WHERE track_rowid > ? AND track_rowid <= ? ORDER BY track_rowid, rowid)";

    /**
     * The values of the row, in the order {@link #read} reads them, for a json_array; those of
     * track_files only with {@code trackFiles}, and only {@code columns}' values.
     */
    static String values(boolean trackFiles, Columns columns) {
        return values(trackFiles, columns, true);
    }

    /** As {@link #values(boolean, Columns)}; without {@code credits}, NULL for the row's credits. */
    private static String values(boolean trackFiles, Columns columns, boolean credits) {
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
                credits ? list("v", CREDIT + " AS v", "track_artists WHERE track_rowid = t.rowid") : "NULL",
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
        return from("tracks t", trackFiles, columns, join);
    }

    /** As {@link #from(boolean, Columns, String)}, the tracks ({@code t}) given by {@code tracks}. */
    private static String from(String tracks, boolean trackFiles, Columns columns, String join) {
        return " FROM " + tracks + join + (trackFiles && columns == Columns.SERVED ? " LEFT JOIN tf.track_files f"
                + " ON f.rowid = (SELECT min(rowid) FROM tf.track_files WHERE track_id = t.id)" : "");
    }

    /** {@code SELECT <row> FROM tracks t ...}; a statement adds its WHERE. */
    static String select(boolean trackFiles, Columns columns) {
        return "SELECT json_array(" + values(trackFiles, columns) + ")" + from(trackFiles, columns, "");
    }

    /**
     * {@code SELECT <row>} of the tracks whose {@code column} matches {@code keys}, the statement's
     * key match. For a set of keys the matching rowids come from {@code column}'s index alone and
     * are sorted before any row is read, so that the rows, their credits and their track_files
     * rows are each read in the order of their B-tree and consecutive tracks share the interior
     * pages above their leaves (in key order each track would descend from the root again). The
     * {@code LIMIT} keeps SQLite from dropping the subquery's ORDER BY; one key needs no sort.
     */
    static String selectByKeys(boolean trackFiles, String column, String keys) {
        if (keys.equals(SqlText.EQUALS_KEY)) {
            return select(trackFiles, Columns.SERVED) + " WHERE t." + column + keys;
        }
        String tracks = "(SELECT rowid AS r FROM tracks WHERE " + column + keys + " ORDER BY rowid LIMIT -1) k"
                + " JOIN tracks t ON t.rowid = k.r";
        return "SELECT json_array(" + values(trackFiles, Columns.SERVED) + ")" + from(tracks, trackFiles, Columns.SERVED, "");
    }

    /**
     * A page of the scan: the index's values of the tracks of rowid above ?1 and at most ?2, in
     * rowid order, without their credits (read by {@link #CREDITS_IN_RANGE}, see {@link #withCredits}).
     */
    static String pageWithoutCredits() {
        return "SELECT json_array(" + values(false, Columns.INDEXED, false) + ")" + from(false, Columns.INDEXED, "")
                + SqlText.rowidRange("t");
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
        Credits credits = new Credits();
        while (row.hasNext()) {
            credits.add(row.integer());
        }
        return credits.list();
    }

    /**
     * The tracks of a page (read without credits, in rowid order) with their credits, read from
     * the page's {@link #CREDITS_IN_RANGE} row: the same values, each track's in the same order
     * and kept by the same rule as a row's own list ({@link #credits}). Both come in track rowid
     * order, so they are merged in one pass; a credit whose track_rowid is no integer (which no
     * rowid equals) or names no track of the page belongs to none.
     */
    static List<StoredTrack> withCredits(List<StoredTrack> page, JsonRow row) throws SQLException {
        List<StoredTrack> out = new ArrayList<>(page.size());
        int next = 0;
        Credits credits = null; // of page.get(next), once it has any
        while (row.hasNext()) { // the row is the page's array of credits
            if (!row.enter()) {
                continue;
            }
            Long track = row.integer();
            Long artist = row.integer();
            row.leave();
            if (track == null) {
                continue;
            }
            while (next < page.size() && page.get(next).rowid() < track) {
                out.add(page.get(next++).withArtists(credits));
                credits = null;
            }
            if (next < page.size() && page.get(next).rowid() == track) {
                if (credits == null) {
                    credits = new Credits();
                }
                credits.add(artist);
            }
        }
        while (next < page.size()) {
            out.add(page.get(next++).withArtists(credits));
            credits = null;
        }
        return out;
    }

    private StoredTrack withArtists(Credits credits) {
        return credits == null ? this : new StoredTrack(rowid, id, name, previewUrl, albumRowid, trackNumber, isrc,
                popularity, discNumber, durationMs, explicit, credits.list(), hasLyrics, originalTitle, versionTitle,
                languages, artistRolesJson);
    }

    /** A track's artist rowids in credit order, each once, NULL left out. */
    private static final class Credits {

        private final List<Long> artists = new ArrayList<>(4);
        /** Beside a long list only, where a linear search would cost more than the set. */
        private Set<Long> seen;

        void add(Long artist) {
            if (artist == null) {
                return;
            }
            if (seen == null && artists.size() >= 16) {
                seen = new HashSet<>(artists);
            }
            if (seen != null ? seen.add(artist) : !artists.contains(artist)) {
                artists.add(artist);
            }
        }

        List<Long> list() {
            return List.copyOf(artists);
        }
    }
}
