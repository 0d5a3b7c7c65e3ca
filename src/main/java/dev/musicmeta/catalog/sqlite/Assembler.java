package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.sqlite.Rows.AlbumRow;
import dev.musicmeta.catalog.sqlite.Rows.ArtistRow;
import dev.musicmeta.catalog.sqlite.Rows.TrackFileRow;
import dev.musicmeta.catalog.sqlite.Rows.TrackRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns rows into Tracks, Albums and Artists for one request on one session. Set-based: each
 * step loads what it needs for ALL the items of the request in one statement per kind of item
 * (tracks, then albums, then artists), so the number of statements does not depend on the number
 * of items or of their artists. A step whose key set is empty (everything cached, nothing found)
 * is skipped.
 */
final class Assembler {

    private final Session session;
    private final Caches caches;

    Assembler(Session session, Caches caches) {
        this.session = session;
        this.caches = caches;
    }

    Session session() {
        return session;
    }

    // ---- rows

    List<TrackRow> trackRows(Sql sql, KeySet keys) throws SQLException {
        return rows(session.query(sql, keys), Rows::track);
    }

    List<TrackRow> albumTrackRows(long albumRowid) throws SQLException {
        return rows(session.query(Sql.TRACKS_BY_ALBUM, albumRowid), Rows::track);
    }

    /** The tracks of the ISRCs in {@code keys}, each with its album's release date. */
    List<IsrcOrder.Candidate> isrcCandidates(KeySet keys) throws SQLException {
        return rows(session.query(Sql.TRACKS_BY_ISRC, keys),
                row -> new IsrcOrder.Candidate(Rows.track(row), row.text()));
    }

    /** The album's rowid (the lowest, should the id be on several rows), or {@code null}. */
    Long albumRowid(String id) throws SQLException {
        Long lowest = null;
        try (ResultSet rs = session.query(Sql.ALBUM_ROWID_BY_ID, id)) {
            while (rs.next()) {
                long rowid = rs.getLong(1);
                lowest = lowest == null ? rowid : Math.min(lowest, rowid);
            }
        }
        return lowest;
    }

    List<ArtistRow> artistRows(Sql sql, KeySet keys) throws SQLException {
        return rows(session.query(sql, keys), Rows::artist);
    }

    List<AlbumRow> albumRows(Sql sql, KeySet keys) throws SQLException {
        return rows(session.query(sql, keys), Rows::album);
    }

    /** Reads one value from a row of a lookup's single JSON column. */
    private interface RowReader<T> {
        T read(JsonRow row) throws SQLException;
    }

    /** Every row of {@code rs} (closed here), read by {@code reader}. */
    private static <T> List<T> rows(ResultSet rs, RowReader<T> reader) throws SQLException {
        try (rs) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                try (JsonRow row = new JsonRow(rs.getString(1))) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        }
    }

    // ---- tracks

    /** The tracks of {@code rows}, in their order; with their album object or without. */
    List<Track> tracks(List<TrackRow> rows, boolean withAlbum) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> albumRowids = new LinkedHashSet<>(capacity(rows.size()));
        if (withAlbum) {
            for (TrackRow row : rows) {
                if (row.albumRowid() != null) {
                    albumRowids.add(row.albumRowid());
                }
            }
        }
        Map<Long, Album> cachedAlbums = albumRowids.isEmpty() ? Map.of() : caches.albums(albumRowids);
        List<AlbumRow> albumRows = List.of();
        if (cachedAlbums.size() < albumRowids.size()) {
            List<Long> missing = new ArrayList<>(albumRowids.size() - cachedAlbums.size());
            for (Long rowid : albumRowids) {
                if (!cachedAlbums.containsKey(rowid)) {
                    missing.add(rowid);
                }
            }
            albumRows = albumRows(Sql.ALBUMS_BY_ROWID, KeySet.ofLongs(missing));
        }

        Set<Long> artistRowids = new LinkedHashSet<>(capacity(rows.size() * 2));
        for (TrackRow row : rows) {
            artistRowids.addAll(row.artistRowids());
        }
        for (AlbumRow row : albumRows) {
            artistRowids.addAll(row.artistRowids());
        }
        Map<Long, Artist> artists = artistsByRowid(artistRowids);
        Map<Long, Album> albums = build(albumRows, artists, cachedAlbums);

        List<Track> out = new ArrayList<>(rows.size());
        for (TrackRow row : rows) {
            Album album = withAlbum && row.albumRowid() != null ? albums.get(row.albumRowid()) : null;
            TrackFileRow file = row.file();
            out.add(new Track(row.id(), row.name(), row.isrc(), row.durationMs(), row.explicit(), row.trackNumber(),
                    row.discNumber(), row.popularity(), row.previewUrl(), album, pick(row.artistRowids(), artists),
                    file.hasLyrics(), file.originalTitle(), file.versionTitle(), file.languages(),
                    file.artistRolesJson()));
        }
        return out;
    }

    // ---- albums

    /** Albums of {@code rows} (found by id), cached ones reused. */
    Map<Long, Album> albums(List<AlbumRow> rows) throws SQLException {
        List<Long> rowids = new ArrayList<>(rows.size());
        for (AlbumRow row : rows) {
            rowids.add(row.rowid());
        }
        Map<Long, Album> cached = caches.albums(rowids);
        List<AlbumRow> missing = cached.isEmpty() ? rows : new ArrayList<>(rows.size());
        if (!cached.isEmpty()) {
            for (AlbumRow row : rows) {
                if (!cached.containsKey(row.rowid())) {
                    missing.add(row);
                }
            }
        }
        Set<Long> artistRowids = new LinkedHashSet<>();
        for (AlbumRow row : missing) {
            artistRowids.addAll(row.artistRowids());
        }
        return build(missing, artistsByRowid(artistRowids), cached);
    }

    /** Albums of {@code rows} with their artists, cached, plus the {@code cached} ones. */
    private Map<Long, Album> build(List<AlbumRow> rows, Map<Long, Artist> artists, Map<Long, Album> cached) {
        if (rows.isEmpty()) {
            return cached;
        }
        Map<Long, Album> built = new HashMap<>(capacity(rows.size() + cached.size()));
        for (AlbumRow row : rows) {
            built.put(row.rowid(), row.album(pick(row.artistRowids(), artists)));
        }
        caches.putAlbums(built);
        built.putAll(cached);
        return built;
    }

    // ---- artists

    /** Artists of {@code rows} (found by id, complete), now cached. */
    Map<Long, Artist> artists(List<ArtistRow> rows) {
        Map<Long, Artist> out = new HashMap<>(capacity(rows.size()));
        for (ArtistRow row : rows) {
            out.put(row.rowid(), row.artist());
        }
        caches.putArtists(out);
        return out;
    }

    private Map<Long, Artist> artistsByRowid(Set<Long> rowids) throws SQLException {
        if (rowids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Artist> cached = caches.artists(rowids);
        if (cached.size() == rowids.size()) {
            return cached;
        }
        List<Long> missing = new ArrayList<>(rowids.size() - cached.size());
        for (Long rowid : rowids) {
            if (!cached.containsKey(rowid)) {
                missing.add(rowid);
            }
        }
        Map<Long, Artist> loaded = artists(artistRows(Sql.ARTISTS_BY_ROWID, KeySet.ofLongs(missing)));
        if (cached.isEmpty()) {
            return loaded;
        }
        loaded.putAll(cached);
        return loaded;
    }

    // ---- helpers

    /** The artists of {@code rowids} in that order, missing ones skipped. */
    private static List<Artist> pick(Collection<Long> rowids, Map<Long, Artist> artists) {
        if (rowids == null || rowids.isEmpty()) {
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

    /** A HashMap/HashSet capacity that holds {@code n} entries without rehashing. */
    static int capacity(int n) {
        return (int) (n / 0.75f) + 1;
    }
}
