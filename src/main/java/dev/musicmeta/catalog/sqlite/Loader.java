package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Track;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one request loads on its session: rows through {@link Fetch}, records through
 * {@link Assembler}, albums and artists through the {@link Caches}. Set-based: each step loads
 * what it needs for all the items of the request with one statement per kind of item, so the
 * number of statements depends on neither the number of items nor the number of their artists;
 * a step with nothing left to load (all cached, nothing found) runs none. Tracks take at most
 * three: their rows, their missing albums, and the missing artists of both.
 */
final class Loader {

    private final Fetch fetch;
    private final Caches caches;
    /** The values of the albums and artists it reads: served ones, or (the scan) the index's only. */
    private final Columns columns;
    /** The artists this request looked up already, and those of them that exist: none is read twice. */
    private final Set<Long> artistsAsked = new HashSet<>();
    private final Map<Long, Artist> artists = new HashMap<>();

    /** @param caches holding albums and artists of {@code columns}' values, never a mix */
    Loader(Session session, Caches caches, Columns columns) {
        this.fetch = new Fetch(session);
        this.caches = caches;
        this.columns = columns;
    }

    Fetch fetch() {
        return fetch;
    }

    /** The tracks of {@code rows} by rowid, with their album object or (album listings) without. */
    Map<Long, Track> tracks(Collection<StoredTrack> rows, boolean withAlbum) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Set<Long> credited = new LinkedHashSet<>();
        Set<Long> albumRowids = new LinkedHashSet<>();
        for (StoredTrack row : rows) {
            credited.addAll(row.artistRowids());
            if (withAlbum && row.albumRowid() != null) {
                albumRowids.add(row.albumRowid());
            }
        }
        if (columns == Columns.INDEXED) {
            // A track's index document holds its album's name, date and UPC only: no album
            // artists to read, and no cache (the album's tracks come together on a page).
            Map<Long, Album> albums = albumRowids.isEmpty() ? Map.of()
                    : Assembler.albums(fetch.albumsByRowid(albumRowids, Columns.INDEXED_ON_TRACK).values(), Map.of());
            return Assembler.tracks(rows, albums, artistsByRowid(credited));
        }
        // Albums first: the artists of the missing ones load in one statement with the tracks' own.
        Map<Long, Album> albums = caches.albums(albumRowids,
                missing -> build(fetch.albumsByRowid(missing, columns).values(), credited));
        return Assembler.tracks(rows, albums, artistsByRowid(credited));
    }

    Map<Long, Track> tracksByRowid(Set<Long> rowids) {
        return tracks(fetch.tracksByRowid(rowids).values(), true);
    }

    /** The albums of rows in hand (read by id, or a page of the table), cached ones reused. */
    Map<Long, Album> albums(Map<Long, StoredAlbum> rows) {
        return caches.albums(rows.keySet(), missing -> build(rowsOf(missing, rows), Set.of()));
    }

    Map<Long, Album> albumsByRowid(Set<Long> rowids) {
        return caches.albums(rowids, missing -> build(fetch.albumsByRowid(missing, columns).values(), Set.of()));
    }

    /** The artists of rows in hand (read by id, or a page of the table), cached ones reused. */
    Map<Long, Artist> artists(Map<Long, StoredArtist> rows) {
        return caches.artists(rows.keySet(), missing -> Assembler.artists(rowsOf(missing, rows)));
    }

    /**
     * The artists of {@code rowids} that exist (in a map that may hold more): those this request
     * looked up already, the cached ones, and the rest read in one statement. Caches on or off,
     * no artist is read twice in a request.
     */
    Map<Long, Artist> artistsByRowid(Set<Long> rowids) {
        Set<Long> wanted = new LinkedHashSet<>();
        for (Long rowid : rowids) {
            if (artistsAsked.add(rowid)) {
                wanted.add(rowid);
            }
        }
        artists.putAll(caches.artists(wanted, missing -> Assembler.artists(fetch.artistsByRowid(missing, columns).values())));
        return artists;
    }

    /** The albums of {@code rows} with their own artists, read together with {@code alsoArtists}. */
    private Map<Long, Album> build(Collection<StoredAlbum> rows, Set<Long> alsoArtists) {
        Set<Long> wanted = new LinkedHashSet<>(alsoArtists);
        for (StoredAlbum row : rows) {
            wanted.addAll(row.artistRowids());
        }
        return Assembler.albums(rows, artistsByRowid(wanted));
    }

    private static <R> List<R> rowsOf(Set<Long> rowids, Map<Long, R> rows) {
        List<R> out = new ArrayList<>(rowids.size());
        for (Long rowid : rowids) {
            out.add(rows.get(rowid));
        }
        return out;
    }
}
