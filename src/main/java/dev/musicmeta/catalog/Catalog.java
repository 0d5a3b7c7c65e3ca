package dev.musicmeta.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions the HTTP layer asks of the catalog. Ids passed in are bare base62 ids and ISRCs
 * are normalized (see {@link SpotifyIds}, {@link Isrcs}); parsing input is the caller's job.
 *
 * <p>The bulk methods are set-based: an implementation answers a collection of any size with a
 * number of statements that does not grow with its size. Missing items are absent from the
 * returned maps. Implementations are thread-safe.
 */
public interface Catalog extends AutoCloseable {

    Map<String, Track> tracks(Collection<String> ids);

    Map<String, Artist> artists(Collection<String> ids);

    Map<String, Album> albums(Collection<String> ids);

    /**
     * Every track of each ISRC, best first: highest popularity (NULL lowest), then earliest album
     * release date (as text, NULL last), then lowest rowid. ISRCs with no track are absent.
     */
    Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs);

    /** The first track of {@link #tracksByIsrc} for each ISRC: the one a tagger should use. */
    Map<String, Track> bestTrackByIsrc(Collection<String> isrcs);

    /**
     * The tracks of an album, each without its album object, by disc then track number (NULL
     * last), then rowid; empty when the album is unknown.
     */
    Optional<List<Track>> albumTracks(String albumId);

    /** @throws SearchTimeoutException when the search runs past its time budget */
    Page<Track> searchTracks(SearchRequest request);

    /** @throws SearchTimeoutException when the search runs past its time budget */
    Page<Artist> searchArtists(SearchRequest request);

    /** @throws SearchTimeoutException when the search runs past its time budget */
    Page<Album> searchAlbums(SearchRequest request);

    default Optional<Track> track(String id) {
        return Optional.ofNullable(tracks(List.of(id)).get(id));
    }

    default Optional<Artist> artist(String id) {
        return Optional.ofNullable(artists(List.of(id)).get(id));
    }

    default Optional<Album> album(String id) {
        return Optional.ofNullable(albums(List.of(id)).get(id));
    }

    default List<Track> tracksByIsrc(String isrc) {
        return tracksByIsrc(List.of(isrc)).getOrDefault(isrc, List.of());
    }

    default Optional<Track> bestTrackByIsrc(String isrc) {
        return Optional.ofNullable(bestTrackByIsrc(List.of(isrc)).get(isrc));
    }

    /**
     * The catalog to use for one whole request: this one, or, for a catalog that can be replaced
     * while served ({@link LiveCatalog}), the one served at the time of the call. A request asks
     * once and makes all its calls on the answer, so that all of them read one catalog.
     */
    default Catalog current() {
        return this;
    }

    /** Releases connections and files. */
    @Override
    void close();
}
