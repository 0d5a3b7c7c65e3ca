package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.number;

import dev.musicmeta.catalog.Catalog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of an artist's track credits with the track's popularity (as served), what top tracks are
 * chosen by; only the chosen tracks are then read whole. The credits are read newest stored
 * first, walking the track_artists_artist index backwards without a sort, and at most
 * {@link Catalog#TOP_TRACKS_WINDOW} of them: there is no index on popularity, so an artist
 * credited on a million tracks costs what one on ten thousand does.
 */
record CreditedTrack(long rowid, Integer popularity) {

    /** Most popular first (NULL lowest), then stored first. */
    static final Comparator<CreditedTrack> MOST_POPULAR = Comparator
            .comparing(CreditedTrack::popularity, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(CreditedTrack::rowid);

    static final String SELECT = "SELECT json_array(t.rowid, " + number("t.popularity") + ") FROM track_artists c"
            + " JOIN tracks t ON t.rowid = c.track_rowid WHERE c.rowid IN (SELECT rowid FROM track_artists"
            + " WHERE artist_rowid = ? ORDER BY rowid DESC LIMIT " + Catalog.TOP_TRACKS_WINDOW + ")";

    static CreditedTrack read(JsonRow row) throws SQLException {
        return new CreditedTrack(row.integer(), row.popularity());
    }

    /** The rowids of the {@code limit} most popular of {@code credits}, each track once, best first. */
    static List<Long> top(List<CreditedTrack> credits, int limit) {
        Map<Long, CreditedTrack> tracks = new LinkedHashMap<>(Keyed.capacity(credits.size()));
        for (CreditedTrack credit : credits) {
            tracks.putIfAbsent(credit.rowid(), credit);
        }
        List<CreditedTrack> sorted = new ArrayList<>(tracks.values());
        sorted.sort(MOST_POPULAR);
        return sorted.stream().limit(limit).map(CreditedTrack::rowid).toList();
    }
}
