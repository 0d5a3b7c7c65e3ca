package dev.musicmeta.search;

import java.util.List;

/** The rows the builder reads from the catalog, one record per document kind. */
final class IndexRows {

    private IndexRows() {}

    record TrackRow(long rowid, String name, List<String> artists, List<String> genres, String album,
                    Integer year, String isrc, Integer popularity, Boolean explicit) {}

    record AlbumRow(long rowid, String name, List<String> artists, List<String> genres, String upc,
                    Integer year, String albumType, Integer popularity) {}

    record ArtistRow(long rowid, String name, List<String> genres, Long followers) {}
}
