package dev.musicmeta.catalog.sqlite;

/**
 * Counters of the in-process caches of assembled artists and albums (all zero when a cache is
 * off). A hit is an artist or album served without reading the files.
 */
public record CatalogCacheStats(
        long artistHits, long artistMisses, long artistEntries,
        long albumHits, long albumMisses, long albumEntries) {}
