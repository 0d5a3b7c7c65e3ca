package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.list;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tracks row with the rows it refers to nested in it: its album's row ({@code null} when the
 * album is missing) and the rows of its credited artists and of its album's own artists, each
 * once. What a lookup of one track reads in one statement, where a batch reads its tracks, then
 * their missing albums, then their missing artists (three statements whatever its size, through
 * the caches). The select list nests those of {@link StoredTrack}, {@link StoredAlbum} and
 * {@link StoredArtist}, read by their readers, so the track assembles as in a batch.
 */
record WholeTrack(StoredTrack track, StoredAlbum album, List<StoredArtist> artists) {

    /** {@code SELECT <track row, album row, artist rows> FROM tracks t ...}; a statement adds its WHERE. */
    static String select(boolean trackFiles) {
        // Each nested row leaves its subquery as text: json() makes it an array again.
        String album = "json((SELECT " + StoredAlbum.row(Columns.SERVED) + " FROM albums a WHERE a.rowid = t.album_rowid))";
        String artists = list("json(r)", StoredArtist.row(Columns.SERVED) + " AS r",
                "artists ar WHERE ar.rowid IN (SELECT artist_rowid FROM track_artists WHERE track_rowid = t.rowid"
                        + " UNION SELECT artist_rowid FROM artist_albums WHERE album_rowid = t.album_rowid"
                        + " AND index_in_album IS NOT NULL)");
        return "SELECT json_array(" + StoredTrack.values(trackFiles, Columns.SERVED) + ", " + album + ", " + artists
                + ")" + StoredTrack.from(trackFiles, Columns.SERVED, "");
    }

    static WholeTrack read(JsonRow row) throws SQLException {
        StoredTrack track = StoredTrack.read(row);
        StoredAlbum album = null;
        if (row.enter()) {
            album = StoredAlbum.read(row);
            row.leave();
        }
        List<StoredArtist> artists = new ArrayList<>(4);
        if (row.enter()) {
            while (row.hasNext()) {
                if (row.enter()) {
                    artists.add(StoredArtist.read(row));
                    row.leave();
                }
            }
        }
        return new WholeTrack(track, album, artists);
    }
}
