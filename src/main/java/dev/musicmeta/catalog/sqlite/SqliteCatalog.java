package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog over the read-only SQLite files. */
public final class SqliteCatalog implements Catalog {

    private SqliteCatalog() {}

    /**
     * Opens the files read-only and checks their schema.
     *
     * @throws CatalogFileException when a file cannot be served; the message names the file and the problem
     */
    public static SqliteCatalog open(CatalogFiles files, SqliteOptions options) throws CatalogFileException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override public Map<String, Track> tracks(Collection<String> ids) { throw new UnsupportedOperationException(); }
    @Override public Map<String, Artist> artists(Collection<String> ids) { throw new UnsupportedOperationException(); }
    @Override public Map<String, Album> albums(Collection<String> ids) { throw new UnsupportedOperationException(); }
    @Override public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) { throw new UnsupportedOperationException(); }
    @Override public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) { throw new UnsupportedOperationException(); }
    @Override public Optional<List<Track>> albumTracks(String albumId) { throw new UnsupportedOperationException(); }
    @Override public Page<Track> searchTracks(SearchRequest request) { throw new UnsupportedOperationException(); }
    @Override public Page<Artist> searchArtists(SearchRequest request) { throw new UnsupportedOperationException(); }
    @Override public Page<Album> searchAlbums(SearchRequest request) { throw new UnsupportedOperationException(); }

    /** Tracks by rowid, in the order given, missing rowids skipped (for the search index). */
    public List<Track> tracksByRowids(long[] rowids) { throw new UnsupportedOperationException(); }

    /** Artists by rowid, in the order given, missing rowids skipped. */
    public List<Artist> artistsByRowids(long[] rowids) { throw new UnsupportedOperationException(); }

    /** Albums by rowid, in the order given, missing rowids skipped. */
    public List<Album> albumsByRowids(long[] rowids) { throw new UnsupportedOperationException(); }

    /** Counts every SQL statement executed; tests read it to prove queries are set-based. */
    public StatementCounter statements() { throw new UnsupportedOperationException(); }

    /** The files this catalog serves. */
    public CatalogFiles files() { throw new UnsupportedOperationException(); }

    /** Start-up warnings: each missing index, named, with what gets slow without it. */
    public List<String> warnings() { throw new UnsupportedOperationException(); }

    @Override public void close() {}
}
