package dev.musicmeta.search;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog with the search index: lookups go to SQLite, searches to Lucene, whose hits (rowids,
 * in result order) SQLite turns into tracks, artists and albums. Closing it closes both.
 */
public final class IndexedCatalog implements Catalog {

    private final SqliteCatalog sqlite;
    private final SearchIndex index;
    private final Duration budget;

    /** @param budget time budget of one index search; past it a search throws SearchTimeoutException */
    public IndexedCatalog(SqliteCatalog sqlite, SearchIndex index, Duration budget) {
        this.sqlite = sqlite;
        this.index = index;
        this.budget = budget;
    }

    public SearchIndex index() {
        return index;
    }

    @Override
    public Page<Track> searchTracks(SearchRequest request) {
        return search(SearchKind.TRACKS, request, sqlite::tracksByRowids);
    }

    @Override
    public Page<Artist> searchArtists(SearchRequest request) {
        return search(SearchKind.ARTISTS, request, sqlite::artistsByRowids);
    }

    @Override
    public Page<Album> searchAlbums(SearchRequest request) {
        return search(SearchKind.ALBUMS, request, sqlite::albumsByRowids);
    }

    private <T> Page<T> search(SearchKind kind, SearchRequest request, Function<long[], List<T>> hydrate) {
        SearchHits hits = index.search(kind, request, budget);
        List<T> items = hits.rowids().length == 0 ? List.of() : hydrate.apply(hits.rowids());
        return new Page<>(items, request.limit(), request.offset(), hits.total());
    }

    @Override
    public Map<String, Track> tracks(Collection<String> ids) {
        return sqlite.tracks(ids);
    }

    @Override
    public Map<String, Artist> artists(Collection<String> ids) {
        return sqlite.artists(ids);
    }

    @Override
    public Map<String, Album> albums(Collection<String> ids) {
        return sqlite.albums(ids);
    }

    @Override
    public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) {
        return sqlite.tracksByIsrc(isrcs);
    }

    @Override
    public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) {
        return sqlite.bestTrackByIsrc(isrcs);
    }

    @Override
    public Optional<List<Track>> albumTracks(String albumId) {
        return sqlite.albumTracks(albumId);
    }

    @Override
    public void close() {
        try {
            index.close();
        } finally {
            sqlite.close();
        }
    }
}
