package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Image;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Orders an owner's images: widest first, NULL width last, then stored order; one per url. */
final class Images {

    private static final Comparator<Image> WIDEST_FIRST =
            Comparator.comparing(Image::width, Comparator.nullsLast(Comparator.reverseOrder()));

    private Images() {}

    /** {@code stored} is in rowid order and is sorted in place; List.sort is stable. */
    static List<Image> ordered(List<Image> stored) {
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
