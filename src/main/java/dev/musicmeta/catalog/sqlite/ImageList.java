package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.list;
import static dev.musicmeta.catalog.sqlite.SqlText.number;
import static dev.musicmeta.catalog.sqlite.SqlText.text;

import dev.musicmeta.catalog.Image;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The images of an album or an artist, selected inside its owner's row as {@code [[url, width,
 * height], ...]} in rowid order, and read into the order they are served in: widest first, NULL
 * width last, then stored order; one per url; rows with a NULL or blank url left out.
 */
final class ImageList {

    private static final Comparator<Image> WIDEST_FIRST =
            Comparator.comparing(Image::width, Comparator.nullsLast(Comparator.reverseOrder()));

    private ImageList() {}

    /** The images of the rows of {@code table} whose {@code ownerColumn} equals {@code owner}. */
    static String select(String table, String ownerColumn, String owner) {
        return list("json_array(u, w, h)", text("url") + " AS u, " + number("width") + " AS w, " + number("height")
                + " AS h", table + " WHERE " + ownerColumn + " = " + owner);
    }

    static List<Image> read(JsonRow row) throws SQLException {
        if (!row.enter()) {
            return List.of();
        }
        List<Image> images = new ArrayList<>(4);
        while (row.hasNext()) {
            if (row.enter()) {
                String url = row.text();
                Integer width = row.count();
                Integer height = row.count();
                row.leave();
                if (url != null && !url.isBlank()) {
                    images.add(new Image(url, width, height));
                }
            }
        }
        return ordered(images);
    }

    /** {@code stored} is in rowid order and is sorted in place; List.sort is stable. */
    private static List<Image> ordered(List<Image> stored) {
        if (stored.size() < 2) {
            return stored;
        }
        stored.sort(WIDEST_FIRST);
        Set<String> seen = new HashSet<>(stored.size() * 2);
        List<Image> out = new ArrayList<>(stored.size());
        for (Image image : stored) {
            if (seen.add(image.url())) {
                out.add(image);
            }
        }
        return out;
    }
}
