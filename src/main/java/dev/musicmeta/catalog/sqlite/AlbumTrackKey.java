package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An album looked up by id with one of its tracks, holding only what the album listing sorts by
 * (disc and track number, as served): a page of an album is cut from these, and only its tracks
 * are read whole. An album without tracks is one row without a track.
 *
 * @param trackRowid {@code null} on the row of an album without tracks
 */
record AlbumTrackKey(long albumRowid, String albumId, Long trackRowid, Integer discNumber, Integer trackNumber) {

    /** As {@link StoredTrack#ALBUM_LISTING}: disc, then track number (NULL last), then rowid. */
    static final Comparator<AlbumTrackKey> ALBUM_LISTING = Comparator
            .comparing(AlbumTrackKey::discNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AlbumTrackKey::trackNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AlbumTrackKey::trackRowid);

    /** {@code SELECT <key> FROM albums a LEFT JOIN tracks t ...}; a statement adds its WHERE. */
    static final String SELECT = "SELECT json_array(a.rowid, " + text("a.id") + ", t.rowid, "
            + number("t.disc_number") + ", " + number("t.track_number") + ")"
            + " FROM albums a LEFT JOIN tracks t ON t.album_rowid = a.rowid";

    static AlbumTrackKey read(JsonRow row) throws SQLException {
        return new AlbumTrackKey(row.integer(), row.text(), row.integer(), row.count(), row.count());
    }

    /**
     * Each album id's track rowids in album order, from the album of lowest rowid should the id be
     * on several rows.
     */
    static Map<String, List<Long>> listings(List<AlbumTrackKey> keys) {
        Map<String, Long> albumOfId = new HashMap<>();
        for (AlbumTrackKey key : keys) {
            albumOfId.merge(key.albumId(), key.albumRowid(), Math::min);
        }
        Map<String, List<AlbumTrackKey>> tracks = new HashMap<>();
        for (AlbumTrackKey key : keys) {
            List<AlbumTrackKey> listing = tracks.computeIfAbsent(key.albumId(), id -> new ArrayList<>());
            if (key.trackRowid() != null && key.albumRowid() == albumOfId.get(key.albumId())) {
                listing.add(key);
            }
        }
        Map<String, List<Long>> out = new HashMap<>(Keyed.capacity(tracks.size()));
        tracks.forEach((id, listing) -> {
            listing.sort(ALBUM_LISTING);
            out.put(id, listing.stream().map(AlbumTrackKey::trackRowid).toList());
        });
        return out;
    }
}
