package dev.musicmeta.testing;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.AlbumGroup;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.DiscographyAlbum;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A catalog that answers every call from a real one: a test overrides the calls it makes fail or
 * wait, and the rest stay real. Closing it leaves the real catalog open (it is shared).
 */
public abstract class ForwardingCatalog implements Catalog {

    protected final Catalog real;

    protected ForwardingCatalog(Catalog real) {
        this.real = real;
    }

    @Override public Map<String, Track> tracks(Collection<String> ids) { return real.tracks(ids); }
    @Override public Map<String, Artist> artists(Collection<String> ids) { return real.artists(ids); }
    @Override public Map<String, Album> albums(Collection<String> ids) { return real.albums(ids); }
    @Override public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) { return real.tracksByIsrc(isrcs); }
    @Override public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) { return real.bestTrackByIsrc(isrcs); }
    @Override public Optional<List<Track>> albumTracks(String albumId) { return real.albumTracks(albumId); }
    @Override public List<Album> albumsByUpc(String upc) { return real.albumsByUpc(upc); }
    @Override public Map<String, Page<Track>> albumTrackPages(Collection<String> ids, int offset, int limit) { return real.albumTrackPages(ids, offset, limit); }
    @Override public Page<Track> tracksByIsrc(String isrc, int offset, int limit) { return real.tracksByIsrc(isrc, offset, limit); }
    @Override public Optional<Page<DiscographyAlbum>> artistAlbums(String id, Set<AlbumGroup> groups, int offset, int limit) { return real.artistAlbums(id, groups, offset, limit); }
    @Override public Optional<List<Track>> topTracks(String id, int limit) { return real.topTracks(id, limit); }
    @Override public Page<Track> searchTracks(SearchRequest request) { return real.searchTracks(request); }
    @Override public Page<Artist> searchArtists(SearchRequest request) { return real.searchArtists(request); }
    @Override public Page<Album> searchAlbums(SearchRequest request) { return real.searchAlbums(request); }
    @Override public void close() {}
}
