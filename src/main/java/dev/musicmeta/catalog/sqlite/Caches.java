package dev.musicmeta.catalog.sqlite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import java.util.Collection;
import java.util.Map;

/**
 * Assembled artists and albums by rowid. The files never change while served, so entries never
 * go stale; the bound is by entry count. Popular albums and artists recur across lookups and
 * each costs several statements to assemble.
 */
final class Caches {

    private final Cache<Long, Artist> artists;
    private final Cache<Long, Album> albums;

    Caches(SqliteOptions options) {
        this.artists = build(options.artistCacheSize());
        this.albums = build(options.albumCacheSize());
    }

    private static <V> Cache<Long, V> build(int size) {
        if (size == 0) {
            return null;
        }
        // Maintenance on the calling thread: a few nanoseconds, and no background pool to manage.
        return Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).recordStats().build();
    }

    Map<Long, Artist> artists(Collection<Long> rowids) {
        return artists == null ? Map.of() : artists.getAllPresent(rowids);
    }

    void putArtists(Map<Long, Artist> loaded) {
        if (artists != null) {
            artists.putAll(loaded);
        }
    }

    Map<Long, Album> albums(Collection<Long> rowids) {
        return albums == null ? Map.of() : albums.getAllPresent(rowids);
    }

    void putAlbums(Map<Long, Album> loaded) {
        if (albums != null) {
            albums.putAll(loaded);
        }
    }

    CatalogCacheStats stats() {
        CacheStats a = artists == null ? CacheStats.empty() : artists.stats();
        CacheStats b = albums == null ? CacheStats.empty() : albums.stats();
        return new CatalogCacheStats(a.hitCount(), a.missCount(), artists == null ? 0 : artists.estimatedSize(),
                b.hitCount(), b.missCount(), albums == null ? 0 : albums.estimatedSize());
    }
}
