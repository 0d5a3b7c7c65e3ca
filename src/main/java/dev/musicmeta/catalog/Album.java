package dev.musicmeta.catalog;

import java.util.List;

/**
 * An album. Scalars are {@code null} where the catalog holds NULL; lists are never null.
 *
 * @param images  widest first, duplicate urls removed
 * @param artists the album's own artists, by their smallest index_in_album, each once
 */
public record Album(
        String id,
        String name,
        String albumType,
        String label,
        String releaseDate,
        String releaseDatePrecision,
        String upc,
        Integer totalTracks,
        String copyrightC,
        String copyrightP,
        List<Image> images,
        List<Artist> artists) {

    public Album {
        images = List.copyOf(images);
        artists = List.copyOf(artists);
    }
}
