package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.list;
import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import dev.musicmeta.catalog.Image;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An albums row as the catalog reads it, with the rowids of its own artists, which are assembled
 * separately (and cached). Its select list and its reader are side by side here, value for value.
 *
 * @param popularity what the album ranks by in search (and /v1 serves); read by the rule that
 *                   serves a track's popularity
 */
record StoredAlbum(long rowid, String id, String name, String albumType, String label, String releaseDate,
                   String releaseDatePrecision, String upc, Integer totalTracks, String copyrightC,
                   String copyrightP, Integer popularity, List<Image> images, List<Long> artistRowids) {

    /** {@code SELECT <row> FROM albums a}; a statement adds its WHERE. */
    static final String SELECT = select(Columns.SERVED);

    /** {@code SELECT <row> FROM albums a} with only {@code columns}' values; a statement adds its WHERE. */
    static String select(Columns columns) {
        return "SELECT " + row(columns) + " FROM albums a";
    }

    /** The row of {@code albums a} as a json_array, in the order {@link #read} reads it. */
    static String row(Columns columns) {
        return "json_array(" + String.join(", ",
                "a.rowid",
                text("a.id"),
                text("a.name"),
                columns.notOnTrack(text("a.album_type")),
                columns.servedOnly(text("a.label")),
                text("a.release_date"),
                columns.servedOnly(text("a.release_date_precision")),
                text("a.external_id_upc"),
                columns.servedOnly(number("a.total_tracks")),
                columns.servedOnly(text("a.copyright_c")),
                columns.servedOnly(text("a.copyright_p")),
                columns.notOnTrack(number("a.popularity")),
                columns.servedOnly(ImageList.select("album_images", "album_rowid", "a.rowid")),
                columns.notOnTrack(list("json_array(r, i)", number("artist_rowid") + " AS r, "
                        + number("index_in_album") + " AS i",
                        "artist_albums WHERE album_rowid = a.rowid AND index_in_album IS NOT NULL"))) + ")";
    }

    static StoredAlbum read(JsonRow row) throws SQLException {
        return new StoredAlbum(row.integer(), row.text(), row.text(), row.text(), row.text(), row.text(), row.text(),
                row.text(), row.count(), row.text(), row.text(), row.popularity(), ImageList.read(row),
                ownArtists(row));
    }

    /** What the album ranks by in search. */
    Long rank() {
        return popularity == null ? null : popularity.longValue();
    }

    /**
     * An album's own artists: the rows with a non-NULL index_in_album (the SQL leaves the others
     * out), each artist once at its best row. Integer indexes come first, smallest first; then the
     * rows whose index is not an integer (text, a fraction, a BLOB): dirty, but still a credit, so
     * kept rather than lost. Ties go to the row stored first (the rows come in rowid order).
     */
    private static List<Long> ownArtists(JsonRow row) throws SQLException {
        if (!row.enter()) {
            return List.of();
        }
        Map<Long, AlbumCredit> best = new HashMap<>(8);
        int stored = 0;
        while (row.hasNext()) {
            if (row.enter()) {
                Long artist = row.integer();
                Long index = row.integer();
                row.leave();
                if (artist != null) {
                    best.merge(artist, new AlbumCredit(artist, index, stored),
                            (a, b) -> AlbumCredit.ORDER.compare(a, b) <= 0 ? a : b);
                }
            }
            stored++;
        }
        List<AlbumCredit> credits = new ArrayList<>(best.values());
        credits.sort(AlbumCredit.ORDER);
        List<Long> artists = new ArrayList<>(credits.size());
        for (AlbumCredit credit : credits) {
            artists.add(credit.artist());
        }
        return artists;
    }

    /** An artist_albums row: {@code index} is {@code null} when not an integer, {@code stored} its rowid rank. */
    private record AlbumCredit(long artist, Long index, int stored) {

        static final Comparator<AlbumCredit> ORDER = Comparator
                .comparing(AlbumCredit::index, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(AlbumCredit::stored);
    }
}
