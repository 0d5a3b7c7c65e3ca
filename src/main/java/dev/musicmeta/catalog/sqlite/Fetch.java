package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.SearchKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rows on one session, one statement per call, each row by its kind's reader. Rows looked
 * up by rowid come back keyed by rowid; rows looked up by id or ISRC as a list (the real data may
 * hold a key on several rows, which the caller settles). Nothing is assembled here.
 */
final class Fetch {

    private final Session session;

    Fetch(Session session) {
        this.session = session;
    }

    List<StoredTrack> tracksById(Collection<String> ids) {
        return rows(Sql.TRACKS_BY_ID, KeySet.ofStrings(ids), StoredTrack::read);
    }

    Map<Long, StoredTrack> tracksByRowid(Collection<Long> rowids) {
        return Keyed.byRowid(rows(Sql.TRACKS_BY_ROWID, KeySet.ofLongs(rowids), StoredTrack::read), StoredTrack::rowid);
    }

    /** The tracks of the ISRCs, each with its album's release date. */
    List<IsrcCandidate> tracksByIsrc(Collection<String> isrcs) {
        return rows(Sql.TRACKS_BY_ISRC, KeySet.ofStrings(isrcs), IsrcCandidate::read);
    }

    /** The tracks of the ISRCs: whole where an ISRC has one, else what they are ordered by ({@link IsrcPick}). */
    List<IsrcPick> isrcPicks(Collection<String> isrcs) {
        return rows(Sql.BEST_TRACKS_BY_ISRC, KeySet.ofStrings(isrcs), IsrcPick::read);
    }

    /** The release dates of the albums of the rowids, by rowid; an album absent or without a date has none. */
    Map<Long, String> releaseDates(Collection<Long> albumRowids) {
        Map<Long, String> dates = new HashMap<>(Keyed.capacity(albumRowids.size()));
        for (ReleaseDate row : rows(Sql.ALBUM_RELEASE_DATES, KeySet.ofLongs(albumRowids),
                row -> new ReleaseDate(row.integer(), row.text()))) {
            if (row.album() != null && row.date() != null) {
                dates.put(row.album(), row.date());
            }
        }
        return dates;
    }

    private record ReleaseDate(Long album, String date) {}

    List<StoredTrack> tracksOfAlbum(long albumRowid) {
        long started = session.clock();
        try {
            return read(session.query(Sql.TRACKS_BY_ALBUM, albumRowid), StoredTrack::read);
        } catch (SQLException e) {
            throw unreadable(e);
        } finally {
            session.finished(Sql.TRACKS_BY_ALBUM, started);
        }
    }

    /** The album's rowid (the lowest, should the id be on several rows), or {@code null}. */
    Long albumRowid(String id) {
        Long lowest = null;
        long started = session.clock();
        try (ResultSet rs = session.query(Sql.ALBUM_ROWID_BY_ID, id)) {
            while (rs.next()) {
                long rowid = rs.getLong(1);
                lowest = lowest == null ? rowid : Math.min(lowest, rowid);
            }
        } catch (SQLException e) {
            throw unreadable(e);
        } finally {
            session.finished(Sql.ALBUM_ROWID_BY_ID, started);
        }
        return lowest;
    }

    List<StoredAlbum> albumsById(Collection<String> ids) {
        return rows(Sql.ALBUMS_BY_ID, KeySet.ofStrings(ids), StoredAlbum::read);
    }

    /** The albums of the rowids, with {@code columns}' values. */
    Map<Long, StoredAlbum> albumsByRowid(Collection<Long> rowids, Columns columns) {
        Sql sql = switch (columns) {
            case SERVED -> Sql.ALBUMS_BY_ROWID;
            case INDEXED -> Sql.INDEXED_ALBUMS_BY_ROWID;
            case INDEXED_ON_TRACK -> Sql.INDEXED_TRACK_ALBUMS_BY_ROWID;
        };
        return Keyed.byRowid(rows(sql, KeySet.ofLongs(rowids), StoredAlbum::read), StoredAlbum::rowid);
    }

    List<StoredArtist> artistsById(Collection<String> ids) {
        return rows(Sql.ARTISTS_BY_ID, KeySet.ofStrings(ids), StoredArtist::read);
    }

    /** The artists of the rowids, with {@code columns}' values. */
    Map<Long, StoredArtist> artistsByRowid(Collection<Long> rowids, Columns columns) {
        Sql sql = columns == Columns.SERVED ? Sql.ARTISTS_BY_ROWID : Sql.INDEXED_ARTISTS_BY_ROWID;
        return Keyed.byRowid(rows(sql, KeySet.ofLongs(rowids), StoredArtist::read), StoredArtist::rowid);
    }

    /** The albums whose stored UPC is one of {@code forms}. */
    List<StoredAlbum> albumsByUpc(Collection<String> forms) {
        return rows(Sql.ALBUMS_BY_UPC, KeySet.ofStrings(forms), StoredAlbum::read);
    }

    /** The albums of the ids, each with the sort keys of its tracks. */
    List<AlbumTrackKey> albumTrackKeys(Collection<String> albumIds) {
        return rows(Sql.ALBUM_TRACK_KEYS, KeySet.ofStrings(albumIds), AlbumTrackKey::read);
    }

    /** The tracks of one ISRC, with what they are ordered by. */
    List<IsrcRank> isrcRanks(String isrc) {
        try {
            return read(session.query(Sql.ISRC_RANKS, isrc), IsrcRank::read);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** The artist's rowid (the lowest, should the id be on several rows), or {@code null}. */
    Long artistRowid(String id) {
        try (ResultSet rs = session.query(Sql.ARTIST_ROWID_BY_ID, id)) {
            return rs.next() ? Values.integer(rs, 1) : null;
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** The artist's most recently stored album credits, at most {@link dev.musicmeta.catalog.Catalog#DISCOGRAPHY_WINDOW}. */
    List<ArtistCredit> albumCredits(long artistRowid) {
        try {
            return read(session.query(Sql.ARTIST_ALBUM_CREDITS, artistRowid), ArtistCredit::read);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** The artist's most recently stored track credits, at most {@link dev.musicmeta.catalog.Catalog#TOP_TRACKS_WINDOW}. */
    List<CreditedTrack> trackCredits(long artistRowid) {
        try {
            return read(session.query(Sql.ARTIST_TRACK_CREDITS, artistRowid), CreditedTrack::read);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    // The pages of the scan read only the values the search index holds (Columns.INDEXED).

    /** The page's tracks, then their credits in one more statement ({@link StoredTrack#withCredits}). */
    List<StoredTrack> tracksInRange(long after, long last) {
        List<StoredTrack> tracks = page(Sql.TRACKS_IN_RANGE, after, last, StoredTrack::read);
        if (tracks.isEmpty()) {
            return tracks;
        }
        List<List<StoredTrack>> credited = page(Sql.TRACK_CREDITS_IN_RANGE, after, last,
                row -> StoredTrack.withCredits(tracks, row));
        return credited.isEmpty() ? tracks : credited.get(0);
    }

    List<StoredAlbum> albumsInRange(long after, long last) {
        return page(Sql.ALBUMS_IN_RANGE, after, last, StoredAlbum::read);
    }

    List<StoredArtist> artistsInRange(long after, long last) {
        return page(Sql.ARTISTS_IN_RANGE, after, last, StoredArtist::read);
    }

    long maxRowid(SearchKind kind) {
        Sql sql = switch (kind) {
            case TRACKS -> Sql.LAST_TRACK_ROWID;
            case ALBUMS -> Sql.LAST_ALBUM_ROWID;
            case ARTISTS -> Sql.LAST_ARTIST_ROWID;
        };
        long started = session.clock();
        try (ResultSet rs = session.query(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw unreadable(e);
        } finally {
            session.finished(sql, started);
        }
    }

    // ---- plumbing

    /** Reads one row from its single JSON column. */
    private interface RowReader<T> {
        T read(JsonRow row) throws SQLException;
    }

    private <T> List<T> rows(Sql sql, KeySet keys, RowReader<T> reader) {
        long started = session.clock();
        try {
            return read(session.query(sql, keys), reader);
        } catch (SQLException e) {
            throw unreadable(e);
        } finally {
            session.finished(sql, started);
        }
    }

    private <T> List<T> page(Sql sql, long after, long last, RowReader<T> reader) {
        long started = session.clock();
        try {
            return read(session.query(sql, after, last), reader);
        } catch (SQLException e) {
            throw unreadable(e);
        } finally {
            session.finished(sql, started);
        }
    }

    /** Every row of {@code rs} (closed here), read by {@code reader}. */
    private static <T> List<T> read(ResultSet rs, RowReader<T> reader) throws SQLException {
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

    private static CatalogUnavailableException unreadable(SQLException e) {
        return new CatalogUnavailableException("reading the catalog failed: " + FileChecks.oneLine(e.getMessage()), e,
                SqliteErrors.isFileFault(e));
    }
}
