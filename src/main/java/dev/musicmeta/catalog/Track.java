package dev.musicmeta.catalog;

import java.util.List;

/**
 * A track with its album, its credited artists and the enrichment of track_files.
 *
 * @param album           the track's album, or {@code null} when the track is listed inside its
 *                        own album or the album row is missing
 * @param artists         in credit order
 * @param languages       language codes; empty when unknown or unparseable
 * @param artistRolesJson the stored artist_roles JSON text, already checked to be valid JSON,
 *                        or {@code null} when NULL or not JSON
 */
public record Track(
        String id,
        String name,
        String isrc,
        Integer durationMs,
        Boolean explicit,
        Integer trackNumber,
        Integer discNumber,
        Integer popularity,
        String previewUrl,
        Album album,
        List<Artist> artists,
        Boolean hasLyrics,
        String originalTitle,
        String versionTitle,
        List<String> languages,
        String artistRolesJson) {

    public Track {
        artists = List.copyOf(artists);
        languages = List.copyOf(languages);
    }

    /** The same track as listed inside its own album: without the album object. */
    public Track withoutAlbum() {
        return album == null ? this : new Track(id, name, isrc, durationMs, explicit, trackNumber,
                discNumber, popularity, previewUrl, null, artists, hasLyrics, originalTitle,
                versionTitle, languages, artistRolesJson);
    }
}
