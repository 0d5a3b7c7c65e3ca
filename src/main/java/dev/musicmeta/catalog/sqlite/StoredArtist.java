package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.list;
import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import dev.musicmeta.catalog.Artist;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An artists row as the catalog reads it: complete once read, since its genres and images come
 * in the row. Its select list and its reader are side by side here, value for value.
 */
record StoredArtist(long rowid, Artist artist) {

    /** {@code SELECT <row> FROM artists ar}; a statement adds its WHERE. */
    static final String SELECT = select(Columns.SERVED);

    /** {@code SELECT <row> FROM artists ar} with only {@code columns}' values; a statement adds its WHERE. */
    static String select(Columns columns) {
        return "SELECT json_array(" + String.join(", ",
                "ar.rowid",
                text("ar.id"),
                text("ar.name"),
                number("ar.followers_total"),
                columns.servedOnly(number("ar.popularity")),
                list("v", text("genre") + " AS v", "artist_genres WHERE artist_rowid = ar.rowid"),
                columns.servedOnly(ImageList.select("artist_images", "artist_rowid", "ar.rowid"))) + ") FROM artists ar";
    }

    /** What the artist ranks by in search: its followers, as served. */
    Long rank() {
        return artist.followers();
    }

    static StoredArtist read(JsonRow row) throws SQLException {
        long rowid = row.integer();
        return new StoredArtist(rowid, new Artist(row.text(), row.text(), row.bigCount(), row.popularity(),
                genres(row), ImageList.read(row)));
    }

    /**
     * Genres in order of first appearance (rowid order), each once by exact, case-sensitive text;
     * NULL and blank genres left out.
     */
    private static List<String> genres(JsonRow row) throws SQLException {
        if (!row.enter()) {
            return List.of();
        }
        List<String> genres = new ArrayList<>(4);
        while (row.hasNext()) {
            String genre = row.text();
            if (genre != null && !genre.isBlank() && !genres.contains(genre)) {
                genres.add(genre);
            }
        }
        return genres;
    }
}
