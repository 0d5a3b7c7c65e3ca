package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Image;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rows read from the files, before assembly, and their readers (values in the order of {@link Sql}). */
final class Rows {

    private Rows() {}

    /** A track with the rowids of its credited artists and its track_files values. */
    record TrackRow(long rowid, String id, String name, String previewUrl, Long albumRowid,
                    Integer trackNumber, String isrc, Integer popularity, Integer discNumber,
                    Integer durationMs, Boolean explicit, List<Long> artistRowids, TrackFileRow file) {}

    /** An artist is complete once read: its genres and images come in its row. */
    record ArtistRow(long rowid, Artist artist) {}

    /** An album with the rowids of its own artists, which are assembled separately. */
    record AlbumRow(long rowid, String id, String name, String albumType, String label, String releaseDate,
                    String releaseDatePrecision, String upc, Integer totalTracks, String copyrightC,
                    String copyrightP, List<Image> images, List<Long> artistRowids) {

        Album album(List<Artist> artists) {
            return new Album(id, name, albumType, label, releaseDate, releaseDatePrecision, upc, totalTracks,
                    copyrightC, copyrightP, images, artists);
        }
    }

    /** The enrichment of one track_files row, its JSON already checked. */
    record TrackFileRow(Boolean hasLyrics, String originalTitle, String versionTitle, List<String> languages,
                        String artistRolesJson) {}

    static TrackRow track(JsonRow row) throws SQLException {
        return new TrackRow(row.integer(), row.text(), row.text(), row.text(), row.integer(), row.count(),
                row.text(), row.popularity(), row.count(), row.count(), row.flag(), credits(row),
                new TrackFileRow(row.flag(), row.text(), row.text(), JsonText.stringArray(row.text()),
                        JsonText.validOrNull(row.text())));
    }

    static ArtistRow artist(JsonRow row) throws SQLException {
        long rowid = row.integer();
        return new ArtistRow(rowid, new Artist(row.text(), row.text(), row.bigCount(), row.popularity(), genres(row),
                images(row)));
    }

    static AlbumRow album(JsonRow row) throws SQLException {
        return new AlbumRow(row.integer(), row.text(), row.text(), row.text(), row.text(), row.text(), row.text(),
                row.text(), row.count(), row.text(), row.text(), images(row), albumArtists(row));
    }

    /** Artist rowids in credit order (track_artists rowid order), each once. */
    private static List<Long> credits(JsonRow row) throws SQLException {
        if (!row.enter()) {
            return List.of();
        }
        Set<Long> artists = new LinkedHashSet<>(8);
        while (row.hasNext()) {
            Long artist = row.integer();
            if (artist != null) {
                artists.add(artist);
            }
        }
        return List.copyOf(artists);
    }

    /**
     * An album's own artists: the rows with a non-NULL index_in_album (the SQL leaves the others
     * out), each artist once at its best row. Integer indexes come first, smallest first; then the
     * rows whose index is not an integer (text, a fraction, a BLOB): dirty, but still a credit, so
     * kept rather than lost. Ties go to the row stored first (the rows come in rowid order).
     */
    private static List<Long> albumArtists(JsonRow row) throws SQLException {
        if (!row.enter()) {
            return List.of();
        }
        Map<Long, AlbumCredit> best = new HashMap<>(8);
        int stored = 0;
        while (row.hasNext()) {
            if (row.enter()) {
                Long artist = row.integer();
                Long index = row.integer();
                row.leave();
                if (artist != null) {
                    best.merge(artist, new AlbumCredit(artist, index, stored),
                            (a, b) -> AlbumCredit.ORDER.compare(a, b) <= 0 ? a : b);
                }
            }
            stored++;
        }
        List<AlbumCredit> credits = new ArrayList<>(best.values());
        credits.sort(AlbumCredit.ORDER);
        List<Long> artists = new ArrayList<>(credits.size());
        for (AlbumCredit credit : credits) {
            artists.add(credit.artist());
        }
        return artists;
    }

    /** An artist_albums row: {@code index} is {@code null} when not an integer, {@code stored} its rowid rank. */
    private record AlbumCredit(long artist, Long index, int stored) {

        static final Comparator<AlbumCredit> ORDER = Comparator
                .comparing(AlbumCredit::index, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(AlbumCredit::stored);
    }

    /**
     * Genres in order of first appearance (rowid order), each once by exact, case-sensitive text;
     * NULL and blank genres left out.
     */
    private static List<String> genres(JsonRow row) throws SQLException {
        if (!row.enter()) {
            return List.of();
        }
        List<String> genres = new ArrayList<>(4);
        while (row.hasNext()) {
            String genre = row.text();
            if (genre != null && !genre.isBlank() && !genres.contains(genre)) {
                genres.add(genre);
            }
        }
        return genres;
    }

    /** Images ordered by {@link Images}; rows with a NULL or blank url left out. */
    private static List<Image> images(JsonRow row) throws SQLException {
        if (!row.enter()) {
            return List.of();
        }
        List<Image> images = new ArrayList<>(4);
        while (row.hasNext()) {
            if (row.enter()) {
                String url = row.text();
                Integer width = row.count();
                Integer height = row.count();
                row.leave();
                if (url != null && !url.isBlank()) {
                    images.add(new Image(url, width, height));
                }
            }
        }
        return Images.ordered(images);
    }
}
