package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.Track;
import java.util.List;
import java.util.Optional;

/**
 * Pages of an album's tracks, in the catalog's album order. The catalog answers an album's tracks
 * whole, so a page is cut from them here; an album holds at most a few hundred tracks, so this is
 * bounded. A catalog method that reads one page (and several albums' first pages at once, for
 * {@code /v1/albums?ids=}) replaces this once the catalog has one.
 */
final class AlbumTrackPages {

    private AlbumTrackPages() {}

    /**
     * The page at {@code offset} of at most {@code limit} tracks, with the album's track count;
     * empty when the album is unknown.
     */
    static Optional<Page<Track>> page(Catalog catalog, String albumId, int offset, int limit) {
        return catalog.albumTracks(albumId).map(all -> {
            int from = Math.min(offset, all.size());
            List<Track> items = all.subList(from, Math.min(all.size(), from + limit));
            return new Page<>(items, limit, offset, (long) all.size());
        });
    }
}
