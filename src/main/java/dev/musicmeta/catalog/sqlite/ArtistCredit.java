package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import dev.musicmeta.catalog.AlbumGroup;
import dev.musicmeta.catalog.Catalog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of an artist's album credits (an artist_albums row) with what the discography sorts and
 * groups by: whether the artist is one of the album's own artists (a non-NULL index_in_album, as
 * {@link StoredAlbum} reads the album's artists), the album's type and its release date. Only the
 * page's albums are then read whole.
 *
 * <p>The credits are read newest stored first, walking the artist_albums_artist index backwards
 * without a sort, and at most {@link Catalog#DISCOGRAPHY_WINDOW} of them: an artist credited on a
 * hundred thousand albums costs what one on ten thousand does.
 */
record ArtistCredit(long albumRowid, boolean own, String albumType, String releaseDate) {

    /** Newest first (release date as text, NULL last), then the album stored first. */
    static final Comparator<ListedAlbum> NEWEST_FIRST = Comparator
            .comparing((ListedAlbum e) -> e.releaseDate(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(ListedAlbum::albumRowid);

    /** The artist's window of credits, joined to their albums (credits of missing albums are dropped). */
    static final String SELECT = "SELECT json_array(x.album_rowid, x.index_in_album IS NOT NULL, "
            + text("a.album_type") + ", " + text("a.release_date") + ") FROM artist_albums x"
            + " JOIN albums a ON a.rowid = x.album_rowid WHERE x.rowid IN (SELECT rowid FROM artist_albums"
            + " WHERE artist_rowid = ? ORDER BY rowid DESC LIMIT " + Catalog.DISCOGRAPHY_WINDOW + ")";

    static ArtistCredit read(JsonRow row) throws SQLException {
        Long album = row.integer();
        Long own = row.integer();
        return new ArtistCredit(album == null ? -1 : album, own != null && own == 1, row.text(), row.text());
    }

    /** An album of the discography: its group and what it is sorted by. */
    record ListedAlbum(long albumRowid, AlbumGroup group, String releaseDate) {}

    /**
     * The albums of {@code credits} in {@code groups}, each once (under its own album type when
     * the artist is one of its own artists on any row, else as appears-on), newest first.
     */
    static List<ListedAlbum> discography(List<ArtistCredit> credits, Set<AlbumGroup> groups) {
        Map<Long, ArtistCredit> byAlbum = new LinkedHashMap<>(Keyed.capacity(credits.size()));
        for (ArtistCredit credit : credits) {
            byAlbum.merge(credit.albumRowid(), credit, (a, b) -> a.own() ? a : b);
        }
        List<ListedAlbum> entries = new ArrayList<>(byAlbum.size());
        for (ArtistCredit credit : byAlbum.values()) {
            AlbumGroup group = credit.own() ? AlbumGroup.ofOwn(credit.albumType()) : AlbumGroup.APPEARS_ON;
            if (groups.contains(group)) {
                entries.add(new ListedAlbum(credit.albumRowid(), group, credit.releaseDate()));
            }
        }
        entries.sort(NEWEST_FIRST);
        return entries;
    }
}
