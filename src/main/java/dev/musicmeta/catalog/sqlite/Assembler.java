package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Track;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rows into records: each row's references (album rowid, artist rowids) are looked up in
 * maps by rowid; a reference to a missing row is skipped (an artist) or left null (an album).
 * Pure: reads nothing and caches nothing (see {@link Loader}).
 */
final class Assembler {

    private Assembler() {}

    /** The albums of {@code rows} by rowid, their own artists taken from {@code artists}. */
    static Map<Long, Album> albums(Collection<StoredAlbum> rows, Map<Long, Artist> artists) {
        Map<Long, Album> out = new HashMap<>(Keyed.capacity(rows.size()));
        for (StoredAlbum row : rows) {
            out.put(row.rowid(), new Album(row.id(), row.name(), row.albumType(), row.label(), row.releaseDate(),
                    row.releaseDatePrecision(), row.upc(), row.totalTracks(), row.copyrightC(), row.copyrightP(),
                    row.popularity(), row.images(), pick(row.artistRowids(), artists)));
        }
        return out;
    }

    /** The artists of {@code rows} by rowid; an artist row is complete as read. */
    static Map<Long, Artist> artists(Collection<StoredArtist> rows) {
        Map<Long, Artist> out = new HashMap<>(Keyed.capacity(rows.size()));
        for (StoredArtist row : rows) {
            out.put(row.rowid(), row.artist());
        }
        return out;
    }

    /**
     * The tracks of {@code rows} by rowid, each with its album from {@code albums} (none when
     * {@code albums} lacks it: listed inside its own album, or a missing album row) and its
     * credited artists from {@code artists}.
     */
    static Map<Long, Track> tracks(Collection<StoredTrack> rows, Map<Long, Album> albums, Map<Long, Artist> artists) {
        Map<Long, Track> out = new HashMap<>(Keyed.capacity(rows.size()));
        for (StoredTrack row : rows) {
            Album album = row.albumRowid() == null ? null : albums.get(row.albumRowid());
            out.put(row.rowid(), new Track(row.id(), row.name(), row.isrc(), row.durationMs(), row.explicit(),
                    row.trackNumber(), row.discNumber(), row.popularity(), row.previewUrl(), album,
                    pick(row.artistRowids(), artists), row.hasLyrics(), row.originalTitle(), row.versionTitle(),
                    row.languages(), row.artistRolesJson()));
        }
        return out;
    }

    /** The artists of {@code rowids} in that order, missing ones skipped. */
    private static List<Artist> pick(List<Long> rowids, Map<Long, Artist> artists) {
        if (rowids.isEmpty()) {
            return List.of();
        }
        List<Artist> out = new ArrayList<>(rowids.size());
        for (Long rowid : rowids) {
            Artist artist = artists.get(rowid);
            if (artist != null) {
                out.add(artist);
            }
        }
        return out;
    }
}
