package dev.musicmeta.search;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.search.IndexRows.AlbumRow;
import dev.musicmeta.search.IndexRows.ArtistRow;
import dev.musicmeta.search.IndexRows.TrackRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the main catalog file for the index builder, read-only, in rowid order, one batch at a
 * time. Each batch costs a fixed number of statements: the rows, their links (track_artists,
 * artist_albums) by rowid range, and the names of artists and albums not in a bounded LRU cache.
 * Real catalogs keep an album's tracks together, so the caches hit and memory stays flat however
 * large the file. Not thread-safe: one producer thread uses it.
 */
final class CatalogReader implements AutoCloseable {

    private static final int ARTIST_CACHE = 50_000;
    private static final int ALBUM_CACHE = 20_000;

    private record ArtistInfo(String name, List<String> genres) {}

    private record AlbumInfo(String name, Integer year) {}

    private static final ArtistInfo NO_ARTIST = new ArtistInfo(null, List.of());
    private static final AlbumInfo NO_ALBUM = new AlbumInfo(null, null);

    private final Path file;
    private final Connection connection;
    private final PreparedStatement tracks;
    private final PreparedStatement trackArtists;
    private final PreparedStatement albums;
    private final PreparedStatement albumArtists;
    private final PreparedStatement artists;
    private final PreparedStatement artistGenresByRange;
    private final PreparedStatement artistsById;
    private final PreparedStatement artistGenresById;
    private final PreparedStatement albumsById;
    private final Map<Long, ArtistInfo> artistCache = lru(ARTIST_CACHE);
    private final Map<Long, AlbumInfo> albumCache = lru(ALBUM_CACHE);

    /**
     * Opens {@code file} read-only and prepares every statement, so a missing table or column is
     * reported before any work starts.
     */
    CatalogReader(Path file) throws IndexBuildException {
        this.file = file;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw IndexBuildException.catalog(file + ": no such readable file");
        }
        Connection c = null;
        try {
            // immutable=1: mode=ro alone would still create -wal/-shm files beside a WAL-mode file.
            c = DriverManager.getConnection(CatalogFiles.readOnlyJdbcUrl(file, true));
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only = 1");
                s.execute("PRAGMA cache_size = -65536");
            }
            tracks = c.prepareStatement("SELECT rowid, name, album_rowid, external_id_isrc, popularity, explicit"
                    + " FROM tracks WHERE rowid > ? ORDER BY rowid LIMIT ?");
            trackArtists = c.prepareStatement("SELECT track_rowid, artist_rowid FROM track_artists"
                    + " WHERE track_rowid BETWEEN ? AND ? ORDER BY track_rowid, rowid");
            albums = c.prepareStatement("SELECT rowid, name, album_type, external_id_upc, popularity, release_date"
                    + " FROM albums WHERE rowid > ? ORDER BY rowid LIMIT ?");
            albumArtists = c.prepareStatement("SELECT album_rowid, artist_rowid FROM artist_albums"
                    + " WHERE album_rowid BETWEEN ? AND ? AND index_in_album IS NOT NULL"
                    + " ORDER BY album_rowid, index_in_album, rowid");
            artists = c.prepareStatement("SELECT rowid, name, followers_total FROM artists"
                    + " WHERE rowid > ? ORDER BY rowid LIMIT ?");
            artistGenresByRange = c.prepareStatement("SELECT artist_rowid, genre FROM artist_genres"
                    + " WHERE artist_rowid BETWEEN ? AND ? ORDER BY artist_rowid, rowid");
            artistsById = c.prepareStatement("SELECT rowid, name FROM artists"
                    + " WHERE rowid IN (SELECT value FROM json_each(?))");
            artistGenresById = c.prepareStatement("SELECT artist_rowid, genre FROM artist_genres"
                    + " WHERE artist_rowid IN (SELECT value FROM json_each(?)) ORDER BY artist_rowid, rowid");
            albumsById = c.prepareStatement("SELECT rowid, name, release_date FROM albums"
                    + " WHERE rowid IN (SELECT value FROM json_each(?))");
        } catch (SQLException e) {
            closeQuietly(c);
            throw IndexBuildException.catalog(file + ": " + reason(e));
        }
        this.connection = c;
    }

    /** The largest rowid of {@code table} (0 when empty): the progress total, cheap where count(*) is not. */
    long maxRowid(String table) throws IndexBuildException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(rowid) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Reads one value from the current row of a page. */
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code statement} (a page: rowid above ?1, at most ?2 rows), mapped in order. */
    private static <T> List<T> page(PreparedStatement statement, long after, int limit, RowMapper<T> mapper)
            throws SQLException {
        List<T> rows = new ArrayList<>(limit);
        statement.setLong(1, after);
        statement.setInt(2, limit);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }

    /** Up to {@code limit} tracks with a rowid above {@code after}, in rowid order. */
    List<TrackRow> tracksAfter(long after, int limit) throws IndexBuildException {
        try {
            record Raw(long rowid, String name, Long album, String isrc, Integer popularity, Boolean explicit) {}
            List<Raw> raws = page(tracks, after, limit, rs -> new Raw(rs.getLong(1), text(rs, 2),
                    longOrNull(rs, 3), text(rs, 4), intOrNull(rs, 5), boolOrNull(rs, 6)));
            if (raws.isEmpty()) {
                return List.of();
            }
            Map<Long, List<Long>> credits = links(trackArtists, raws.get(0).rowid(), raws.get(raws.size() - 1).rowid());
            Set<Long> artistIds = new LinkedHashSet<>();
            Set<Long> albumIds = new LinkedHashSet<>();
            for (Raw raw : raws) {
                artistIds.addAll(credits.getOrDefault(raw.rowid(), List.of()));
                if (raw.album() != null) {
                    albumIds.add(raw.album());
                }
            }
            loadArtists(artistIds);
            loadAlbums(albumIds);
            List<TrackRow> rows = new ArrayList<>(raws.size());
            for (Raw raw : raws) {
                List<Long> credited = credits.getOrDefault(raw.rowid(), List.of());
                AlbumInfo album = raw.album() == null ? NO_ALBUM : albumCache.getOrDefault(raw.album(), NO_ALBUM);
                rows.add(new TrackRow(raw.rowid(), raw.name(), artistNames(credited), artistGenres(credited),
                        album.name(), album.year(), raw.isrc(), raw.popularity(), raw.explicit()));
            }
            return rows;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Up to {@code limit} albums with a rowid above {@code after}, in rowid order. */
    List<AlbumRow> albumsAfter(long after, int limit) throws IndexBuildException {
        try {
            record Raw(long rowid, String name, String type, String upc, Integer popularity, String releaseDate) {}
            List<Raw> raws = page(albums, after, limit, rs -> new Raw(rs.getLong(1), text(rs, 2),
                    text(rs, 3), text(rs, 4), intOrNull(rs, 5), text(rs, 6)));
            if (raws.isEmpty()) {
                return List.of();
            }
            Map<Long, List<Long>> owners = links(albumArtists, raws.get(0).rowid(), raws.get(raws.size() - 1).rowid());
            Set<Long> artistIds = new LinkedHashSet<>();
            owners.values().forEach(artistIds::addAll);
            loadArtists(artistIds);
            List<AlbumRow> rows = new ArrayList<>(raws.size());
            for (Raw raw : raws) {
                List<Long> own = List.copyOf(new LinkedHashSet<>(owners.getOrDefault(raw.rowid(), List.of())));
                rows.add(new AlbumRow(raw.rowid(), raw.name(), artistNames(own), artistGenres(own), raw.upc(),
                        Fields.year(raw.releaseDate()), raw.type(), raw.popularity()));
            }
            return rows;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Up to {@code limit} artists with a rowid above {@code after}, in rowid order. */
    List<ArtistRow> artistsAfter(long after, int limit) throws IndexBuildException {
        try {
            record Raw(long rowid, String name, Long followers) {}
            List<Raw> raws = page(artists, after, limit,
                    rs -> new Raw(rs.getLong(1), text(rs, 2), longOrNull(rs, 3)));
            if (raws.isEmpty()) {
                return List.of();
            }
            Map<Long, List<String>> genres = new HashMap<>();
            artistGenresByRange.setLong(1, raws.get(0).rowid());
            artistGenresByRange.setLong(2, raws.get(raws.size() - 1).rowid());
            try (ResultSet rs = artistGenresByRange.executeQuery()) {
                while (rs.next()) {
                    String genre = text(rs, 2);
                    if (genre != null) {
                        genres.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(genre);
                    }
                }
            }
            List<ArtistRow> rows = new ArrayList<>(raws.size());
            for (Raw raw : raws) {
                rows.add(new ArtistRow(raw.rowid(), raw.name(), genres.getOrDefault(raw.rowid(), List.of()),
                        raw.followers()));
            }
            return rows;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Links from a rowid range to artist rowids, in the statement's order. */
    private static Map<Long, List<Long>> links(PreparedStatement statement, long from, long to) throws SQLException {
        Map<Long, List<Long>> links = new HashMap<>();
        statement.setLong(1, from);
        statement.setLong(2, to);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Long artist = longOrNull(rs, 2);
                if (artist != null) {
                    links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(artist);
                }
            }
        }
        return links;
    }

    private void loadArtists(Set<Long> ids) throws SQLException {
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            if (!artistCache.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String json = jsonArray(missing);
        Map<Long, String> names = new HashMap<>();
        artistsById.setString(1, json);
        try (ResultSet rs = artistsById.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getLong(1), text(rs, 2));
            }
        }
        Map<Long, List<String>> genres = new HashMap<>();
        artistGenresById.setString(1, json);
        try (ResultSet rs = artistGenresById.executeQuery()) {
            while (rs.next()) {
                String genre = text(rs, 2);
                if (genre != null) {
                    genres.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(genre);
                }
            }
        }
        for (Long id : missing) {
            artistCache.put(id, names.containsKey(id)
                    ? new ArtistInfo(names.get(id), List.copyOf(genres.getOrDefault(id, List.of())))
                    : NO_ARTIST);
        }
    }

    private void loadAlbums(Set<Long> ids) throws SQLException {
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            if (!albumCache.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        albumsById.setString(1, jsonArray(missing));
        try (ResultSet rs = albumsById.executeQuery()) {
            while (rs.next()) {
                albumCache.put(rs.getLong(1), new AlbumInfo(text(rs, 2), Fields.year(text(rs, 3))));
            }
        }
        for (Long id : missing) {
            albumCache.putIfAbsent(id, NO_ALBUM);
        }
    }

    private List<String> artistNames(List<Long> ids) {
        List<String> names = new ArrayList<>(ids.size());
        for (Long id : ids) {
            String name = artistCache.getOrDefault(id, NO_ARTIST).name();
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private List<String> artistGenres(List<Long> ids) {
        Set<String> genres = new LinkedHashSet<>();
        for (Long id : ids) {
            genres.addAll(artistCache.getOrDefault(id, NO_ARTIST).genres());
        }
        return List.copyOf(genres);
    }

    private static String jsonArray(List<Long> ids) {
        StringBuilder json = new StringBuilder(ids.size() * 8).append('[');
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(ids.get(i).longValue());
        }
        return json.append(']').toString();
    }

    // Real data may hold NULL or a value of another type in any column: never fail on it.

    private static String text(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : value.toString();
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        Long value = longOrNull(rs, column);
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static Boolean boolOrNull(ResultSet rs, int column) throws SQLException {
        Long value = longOrNull(rs, column);
        return value == null ? null : value != 0;
    }

    private IndexBuildException failure(SQLException e) {
        return IndexBuildException.catalog(file + ": " + reason(e));
    }

    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "").replace('\n', ' ');
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }
}
