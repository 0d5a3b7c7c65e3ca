package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Image;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns rows into Tracks, Albums and Artists for one request on one session. Set-based: each
 * step loads what it needs for ALL the items of the request in one statement per table, so the
 * number of statements does not depend on the number of items or of their artists. A step whose
 * key set is empty (everything cached, nothing found) is skipped.
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

    List<TrackRow> trackRows(Sql sql, String keys) throws SQLException {
        List<TrackRow> rows = new ArrayList<>();
        try (ResultSet rs = session.query(sql, keys)) {
            while (rs.next()) {
                rows.add(Rows.track(rs));
            }
        }
        return rows;
    }

    List<TrackRow> albumTrackRows(long albumRowid) throws SQLException {
        List<TrackRow> rows = new ArrayList<>();
        try (ResultSet rs = session.query(Sql.TRACKS_BY_ALBUM, albumRowid)) {
            while (rs.next()) {
                rows.add(Rows.track(rs));
            }
        }
        return rows;
    }

    List<IsrcOrder.Candidate> isrcCandidates(String keys) throws SQLException {
        List<IsrcOrder.Candidate> rows = new ArrayList<>();
        try (ResultSet rs = session.query(Sql.TRACKS_BY_ISRC, keys)) {
            while (rs.next()) {
                rows.add(new IsrcOrder.Candidate(Rows.track(rs), Values.text(rs, 12)));
            }
        }
        return rows;
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

    List<ArtistRow> artistRows(Sql sql, String keys) throws SQLException {
        List<ArtistRow> rows = new ArrayList<>();
        try (ResultSet rs = session.query(sql, keys)) {
            while (rs.next()) {
                rows.add(Rows.artist(rs));
            }
        }
        return rows;
    }

    List<AlbumRow> albumRows(Sql sql, String keys) throws SQLException {
        List<AlbumRow> rows = new ArrayList<>();
        try (ResultSet rs = session.query(sql, keys)) {
            while (rs.next()) {
                rows.add(Rows.album(rs));
            }
        }
        return rows;
    }

    // ---- tracks

    /** The tracks of {@code rows}, in their order; with their album object or without. */
    List<Track> tracks(List<TrackRow> rows, boolean withAlbum) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> trackRowids = new LinkedHashSet<>(capacity(rows.size()));
        Set<Long> albumRowids = new LinkedHashSet<>(capacity(rows.size()));
        for (TrackRow row : rows) {
            trackRowids.add(row.rowid());
            if (withAlbum && row.albumRowid() != null) {
                albumRowids.add(row.albumRowid());
            }
        }
        Map<Long, Set<Long>> credits = credits(trackRowids);
        AlbumParts albumParts = albumParts(albumRowids);

        Set<Long> artistRowids = new LinkedHashSet<>(capacity(rows.size() * 2));
        for (Set<Long> credited : credits.values()) {
            artistRowids.addAll(credited);
        }
        albumParts.addArtistRowidsTo(artistRowids);
        Map<Long, Artist> artists = artistsByRowid(artistRowids);
        Map<Long, Album> albums = albumParts.build(artists, caches);
        Map<String, TrackFileRow> files = trackFiles(rows);

        List<Track> out = new ArrayList<>(rows.size());
        for (TrackRow row : rows) {
            Album album = withAlbum && row.albumRowid() != null ? albums.get(row.albumRowid()) : null;
            TrackFileRow file = row.id() == null ? TrackFileRow.NONE : files.getOrDefault(row.id(), TrackFileRow.NONE);
            out.add(new Track(row.id(), row.name(), row.isrc(), row.durationMs(), row.explicit(), row.trackNumber(),
                    row.discNumber(), row.popularity(), row.previewUrl(), album,
                    pick(credits.get(row.rowid()), artists), file.hasLyrics(), file.originalTitle(),
                    file.versionTitle(), file.languages(), file.artistRolesJson()));
        }
        return out;
    }

    /** Each track's artist rowids in credit order (track_artists rowid order), each once. */
    private Map<Long, Set<Long>> credits(Set<Long> trackRowids) throws SQLException {
        Map<Long, Set<Long>> credits = new HashMap<>(capacity(trackRowids.size()));
        try (ResultSet rs = session.query(Sql.TRACK_ARTISTS, KeySet.ofLongs(trackRowids))) {
            while (rs.next()) {
                Long track = Values.integer(rs, 1);
                Long artist = Values.integer(rs, 2);
                if (track != null && artist != null) {
                    credits.computeIfAbsent(track, k -> new LinkedHashSet<>(8)).add(artist);
                }
            }
        }
        return credits;
    }

    /** The first track_files row of each track id; none when the file is absent. */
    private Map<String, TrackFileRow> trackFiles(List<TrackRow> rows) throws SQLException {
        if (!session.hasTrackFiles()) {
            return Map.of();
        }
        Set<String> ids = new LinkedHashSet<>(capacity(rows.size()));
        for (TrackRow row : rows) {
            if (row.id() != null) {
                ids.add(row.id());
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, TrackFileRow> files = new HashMap<>(capacity(ids.size()));
        try (ResultSet rs = session.query(Sql.TRACK_FILES, KeySet.ofStrings(ids))) {
            while (rs.next()) {
                String id = rs.getString(1);
                // Ordered by track_id, rowid: the first row of a track is its lowest rowid.
                if (id != null && !files.containsKey(id)) {
                    files.put(id, Rows.trackFile(rs));
                }
            }
        }
        return files;
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
        AlbumParts parts = albumParts(missing, cached);
        Set<Long> artistRowids = new LinkedHashSet<>();
        parts.addArtistRowidsTo(artistRowids);
        return parts.build(artistsByRowid(artistRowids), caches);
    }

    private AlbumParts albumParts(Set<Long> albumRowids) throws SQLException {
        if (albumRowids.isEmpty()) {
            return AlbumParts.NONE;
        }
        Map<Long, Album> cached = caches.albums(albumRowids);
        List<Long> missing = new ArrayList<>(albumRowids.size() - cached.size());
        for (Long rowid : albumRowids) {
            if (!cached.containsKey(rowid)) {
                missing.add(rowid);
            }
        }
        List<AlbumRow> rows = missing.isEmpty() ? List.of() : albumRows(Sql.ALBUMS_BY_ROWID, KeySet.ofLongs(missing));
        return albumParts(rows, cached);
    }

    private AlbumParts albumParts(List<AlbumRow> rows, Map<Long, Album> cached) throws SQLException {
        if (rows.isEmpty()) {
            return new AlbumParts(cached, List.of(), Map.of(), Map.of());
        }
        List<Long> rowids = new ArrayList<>(rows.size());
        for (AlbumRow row : rows) {
            rowids.add(row.rowid());
        }
        String keys = KeySet.ofLongs(rowids);
        return new AlbumParts(cached, rows, albumArtists(keys, rows.size()), images(Sql.ALBUM_IMAGES, keys, rows.size()));
    }

    /**
     * Each album's own artists: rows with an index_in_album, by their smallest index, each artist
     * once; equal indexes keep stored order. A non-integer index counts as NULL.
     */
    private Map<Long, List<Long>> albumArtists(String keys, int albums) throws SQLException {
        Map<Long, Map<Long, Long>> lowestIndex = new HashMap<>(capacity(albums));
        try (ResultSet rs = session.query(Sql.ALBUM_ARTISTS, keys)) {
            while (rs.next()) {
                Long album = Values.integer(rs, 1);
                Long artist = Values.integer(rs, 2);
                Long index = Values.integer(rs, 3);
                if (album != null && artist != null && index != null) {
                    lowestIndex.computeIfAbsent(album, k -> new LinkedHashMap<>(4)).merge(artist, index, Math::min);
                }
            }
        }
        Map<Long, List<Long>> out = new HashMap<>(capacity(lowestIndex.size()));
        for (Map.Entry<Long, Map<Long, Long>> album : lowestIndex.entrySet()) {
            List<Map.Entry<Long, Long>> entries = new ArrayList<>(album.getValue().entrySet());
            entries.sort(Map.Entry.comparingByValue()); // stable: ties keep stored order
            List<Long> artists = new ArrayList<>(entries.size());
            for (Map.Entry<Long, Long> entry : entries) {
                artists.add(entry.getKey());
            }
            out.put(album.getKey(), artists);
        }
        return out;
    }

    /** What an album needs besides its artists; built once the artists are loaded. */
    private record AlbumParts(Map<Long, Album> cached, List<AlbumRow> rows, Map<Long, List<Long>> artistRowids,
                              Map<Long, List<Image>> images) {

        static final AlbumParts NONE = new AlbumParts(Map.of(), List.of(), Map.of(), Map.of());

        void addArtistRowidsTo(Set<Long> into) {
            for (List<Long> rowids : artistRowids.values()) {
                into.addAll(rowids);
            }
        }

        Map<Long, Album> build(Map<Long, Artist> artists, Caches caches) {
            if (rows.isEmpty()) {
                return cached;
            }
            Map<Long, Album> built = new HashMap<>(capacity(rows.size()));
            for (AlbumRow row : rows) {
                built.put(row.rowid(), new Album(row.id(), row.name(), row.albumType(), row.label(),
                        row.releaseDate(), row.releaseDatePrecision(), row.upc(), row.totalTracks(),
                        row.copyrightC(), row.copyrightP(), images.getOrDefault(row.rowid(), List.of()),
                        pick(artistRowids.get(row.rowid()), artists)));
            }
            caches.putAlbums(built);
            if (!cached.isEmpty()) {
                built.putAll(cached);
            }
            return built;
        }
    }

    // ---- artists

    /** Artists of {@code rows} (found by id), cached ones reused. */
    Map<Long, Artist> artists(List<ArtistRow> rows) throws SQLException {
        List<Long> rowids = new ArrayList<>(rows.size());
        for (ArtistRow row : rows) {
            rowids.add(row.rowid());
        }
        Map<Long, Artist> cached = caches.artists(rowids);
        if (cached.isEmpty()) {
            return complete(rows);
        }
        List<ArtistRow> missing = new ArrayList<>(rows.size());
        for (ArtistRow row : rows) {
            if (!cached.containsKey(row.rowid())) {
                missing.add(row);
            }
        }
        Map<Long, Artist> out = new HashMap<>(complete(missing));
        out.putAll(cached);
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
        Map<Long, Artist> loaded = complete(artistRows(Sql.ARTISTS_BY_ROWID, KeySet.ofLongs(missing)));
        if (cached.isEmpty()) {
            return loaded;
        }
        Map<Long, Artist> out = new HashMap<>(loaded);
        out.putAll(cached);
        return out;
    }

    /** Loads genres and images for {@code rows} and caches the assembled artists. */
    private Map<Long, Artist> complete(List<ArtistRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<Long> rowids = new ArrayList<>(rows.size());
        for (ArtistRow row : rows) {
            rowids.add(row.rowid());
        }
        String keys = KeySet.ofLongs(rowids);
        Map<Long, List<String>> genres = genres(keys, rows.size());
        Map<Long, List<Image>> images = images(Sql.ARTIST_IMAGES, keys, rows.size());
        Map<Long, Artist> out = new HashMap<>(capacity(rows.size()));
        for (ArtistRow row : rows) {
            out.put(row.rowid(), new Artist(row.id(), row.name(), row.followers(), row.popularity(),
                    genres.getOrDefault(row.rowid(), List.of()), images.getOrDefault(row.rowid(), List.of())));
        }
        caches.putArtists(out);
        return out;
    }

    /** Each artist's genres in stored order; NULL and repeated genres left out. */
    private Map<Long, List<String>> genres(String keys, int artists) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>(capacity(artists));
        try (ResultSet rs = session.query(Sql.ARTIST_GENRES, keys)) {
            while (rs.next()) {
                Long artist = Values.integer(rs, 1);
                String genre = rs.getString(2);
                if (artist != null && genre != null) {
                    List<String> list = out.computeIfAbsent(artist, k -> new ArrayList<>(4));
                    if (!list.contains(genre)) {
                        list.add(genre);
                    }
                }
            }
        }
        return out;
    }

    /** Each owner's images, ordered by {@link Images}; rows without a url left out. */
    private Map<Long, List<Image>> images(Sql sql, String keys, int owners) throws SQLException {
        Map<Long, List<Image>> out = new HashMap<>(capacity(owners));
        try (ResultSet rs = session.query(sql, keys)) {
            while (rs.next()) {
                Long owner = Values.integer(rs, 1);
                String url = rs.getString(2);
                if (owner != null && url != null) {
                    out.computeIfAbsent(owner, k -> new ArrayList<>(4))
                            .add(new Image(url, Values.count(rs, 3), Values.count(rs, 4)));
                }
            }
        }
        out.replaceAll((owner, images) -> Images.ordered(images));
        return out;
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
