package dev.musicmeta.sample;

import java.util.List;

/** The rows the generator writes, one record per table row (child rows ride with their parent). */
final class Rows {

    private Rows() {}

    /** What goes into main_database.sqlite3: an artist with its rows, or an album with its tracks. */
    sealed interface MainRow permits ArtistRow, AlbumBatch {}

    record ImageRow(int width, int height, String url) {}

    record ArtistRow(long rowid, String id, Long fetchedAt, String name, long followers, int popularity,
            List<String> genres, List<ImageRow> images) implements MainRow {}

    /** An artist_albums row; {@code indexInAlbum} is null for artists who only appear on the album. */
    record ArtistAlbum(long artistRowid, boolean appearsOn, boolean implicit, Integer indexInAlbum) {}

    record AlbumRow(long rowid, String id, Long fetchedAt, String name, String albumType, String upc, String amgid,
            String copyrightC, String copyrightP, String label, int popularity, String releaseDate,
            String releaseDatePrecision, int totalTracks, List<ImageRow> images, List<ArtistAlbum> artists) {}

    record TrackRow(long rowid, String id, Long fetchedAt, String name, String previewUrl, long albumRowid,
            int trackNumber, String isrc, int popularity, int discNumber, int durationMs, boolean explicit,
            long[] artistRowids) {}

    record TrackFileRow(String trackId, Long fetchedAt, String status, String sessionCountry, Long filesizeBytes,
            String licensor, Integer hasLyrics, String originalTitle, String versionTitle,
            String languageOfPerformance, String contentRatings, String artistRoles) {}

    /** An album with its tracks and their track_files rows, built and written as one unit. */
    record AlbumBatch(AlbumRow album, List<TrackRow> tracks, List<TrackFileRow> files) implements MainRow {}
}
