package dev.musicmeta.catalog;

import java.util.List;

/**
 * An album. Scalars are {@code null} where the catalog holds NULL; lists are never null.
 *
 * @param popularity 0 to 100 as stored (a value out of that range is {@code null}); the native API
 *                   does not serve it, the Spotify surface does
 * @param images  widest first, duplicate urls removed, rows without a url left out
 * @param artists the album's own artists (rows with a non-NULL index_in_album), each once: by
 *                their smallest integer index, then those whose index is not an integer, ties
 *                in stored order
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
        Integer popularity,
        List<Image> images,
        List<Artist> artists) {

    public Album {
        images = List.copyOf(images);
        artists = List.copyOf(artists);
    }
}
