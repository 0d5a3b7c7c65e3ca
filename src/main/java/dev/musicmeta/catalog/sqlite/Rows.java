package dev.musicmeta.catalog.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The rows read from the files, before assembly, and their readers (columns as in {@link Sql}). */
final class Rows {

    private Rows() {}

    record TrackRow(long rowid, String id, String name, String previewUrl, Long albumRowid,
                    Integer trackNumber, String isrc, Integer popularity, Integer discNumber,
                    Integer durationMs, Boolean explicit) {}

    record ArtistRow(long rowid, String id, String name, Long followers, Integer popularity) {}

    record AlbumRow(long rowid, String id, String name, String albumType, String label, String releaseDate,
                    String releaseDatePrecision, String upc, Integer totalTracks, String copyrightC,
                    String copyrightP) {}

    /** The enrichment of one track_files row, its JSON already checked. */
    record TrackFileRow(Boolean hasLyrics, String originalTitle, String versionTitle, List<String> languages,
                        String artistRolesJson) {

        static final TrackFileRow NONE = new TrackFileRow(null, null, null, List.of(), null);
    }

    static TrackRow track(ResultSet rs) throws SQLException {
        return new TrackRow(rs.getLong(1), Values.text(rs, 2), Values.text(rs, 3), Values.text(rs, 4),
                Values.integer(rs, 5), Values.count(rs, 6), Values.text(rs, 7), Values.popularity(rs, 8),
                Values.count(rs, 9), Values.count(rs, 10), Values.flag(rs, 11));
    }

    static ArtistRow artist(ResultSet rs) throws SQLException {
        return new ArtistRow(rs.getLong(1), Values.text(rs, 2), Values.text(rs, 3), Values.bigCount(rs, 4),
                Values.popularity(rs, 5));
    }

    static AlbumRow album(ResultSet rs) throws SQLException {
        return new AlbumRow(rs.getLong(1), Values.text(rs, 2), Values.text(rs, 3), Values.text(rs, 4),
                Values.text(rs, 5), Values.text(rs, 6), Values.text(rs, 7), Values.text(rs, 8),
                Values.count(rs, 9), Values.text(rs, 10), Values.text(rs, 11));
    }

    static TrackFileRow trackFile(ResultSet rs) throws SQLException {
        return new TrackFileRow(Values.flag(rs, 2), Values.text(rs, 3), Values.text(rs, 4),
                JsonText.stringArray(rs.getString(5)), JsonText.validOrNull(rs.getString(6)));
    }
}
