package dev.musicmeta.catalog;

import java.util.List;

/**
 * An artist. Scalars are {@code null} where the catalog holds NULL; lists are never null.
 *
 * @param genres in order of first appearance, each once (exact, case-sensitive text), NULL and
 *               blank genres left out
 * @param images widest first, duplicate urls removed, rows without a url left out
 */
public record Artist(
        String id,
        String name,
        Long followers,
        Integer popularity,
        List<String> genres,
        List<Image> images) {

    public Artist {
        genres = List.copyOf(genres);
        images = List.copyOf(images);
    }
}
