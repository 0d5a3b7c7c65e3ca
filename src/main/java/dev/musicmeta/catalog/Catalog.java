package dev.musicmeta.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The albums whose UPC is {@code upc} (normalized by {@link Upcs#normalize}) however the
     * catalog spells it, most popular first (NULL lowest), then in stored order; empty when none.
     */
    List<Album> albumsByUpc(String upc);

    /**
     * One page of each album's tracks, in the order of {@link #albumTracks(String)}, each without
     * its album object; {@code total} is the album's number of tracks. Albums the catalog does not
     * hold are absent. The work grows with the albums' track counts, never with the catalog.
     *
     * @param offset at least 0
     * @param limit  at least 1
     */
    Map<String, Page<Track>> albumTrackPages(Collection<String> albumIds, int offset, int limit);

    /**
     * One page of the tracks of an ISRC, in the order of {@link #tracksByIsrc(Collection)};
     * {@code total} is 0 when no track has it.
     */
    Page<Track> tracksByIsrc(String isrc, int offset, int limit);

    /**
     * One page of an artist's discography in {@code groups}: the artist's own albums (grouped by
     * album type) and the albums it appears on, each once, newest first (release date as text,
     * NULL last), then in stored order. Bounded: it is read from the artist's
     * {@value #DISCOGRAPHY_WINDOW} most recently stored album credits, which hold the whole
     * discography of nearly every artist; for the few with more (a "Various Artists"),
     * {@code total} counts what those credits hold. Empty when the artist is unknown.
     */
    Optional<Page<DiscographyAlbum>> artistAlbums(String artistId, Set<AlbumGroup> groups, int offset, int limit);

    /**
     * The artist's most popular tracks (NULL lowest, then stored order), at most {@code limit}.
     * Bounded: chosen among the artist's {@value #TOP_TRACKS_WINDOW} most recently stored track
     * credits, which is all of them for nearly every artist. Empty when the artist is unknown.
     */
    Optional<List<Track>> topTracks(String artistId, int limit);

    /** How many of an artist's album credits {@link #artistAlbums} reads at most. */
    int DISCOGRAPHY_WINDOW = 10_000;

    /** How many of an artist's track credits {@link #topTracks} reads at most. */
    int TOP_TRACKS_WINDOW = 10_000;

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

    default Optional<Page<Track>> albumTracks(String albumId, int offset, int limit) {
        return Optional.ofNullable(albumTrackPages(List.of(albumId), offset, limit).get(albumId));
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
