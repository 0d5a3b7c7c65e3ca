package dev.musicmeta.catalog;

/**
 * What a search looks for. Each kind ranks, after relevance, by its rank: popularity for tracks
 * and albums, followers for artists, read by the rules the API serves those values with (see
 * {@link CatalogScan.RankedItem#rank()}).
 */
public enum SearchKind {
    TRACKS,
    ARTISTS,
    ALBUMS
}
