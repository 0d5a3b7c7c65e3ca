package dev.musicmeta.catalog.sqlite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.search.Search;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Assembled artists and albums by rowid. The files never change while served, so entries never
 * go stale; the bound is by entry count. Popular albums and artists recur across lookups and
 * each costs a statement or two to assemble. Lookups are Caffeine's bulk loads: the cached
 * entries, and one call of the loader for all the missing ones. A cache of size 0 is off: every
 * lookup calls the loader and nothing is counted.
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

    /** The artists of {@code rowids} that exist: cached ones, and those {@code load} returns for the rest. */
    Map<Long, Artist> artists(Set<Long> rowids, Function<Set<Long>, Map<Long, Artist>> load) {
        return lookUp(artists, rowids, load);
    }

    /** The albums of {@code rowids} that exist: cached ones, and those {@code load} returns for the rest. */
    Map<Long, Album> albums(Set<Long> rowids, Function<Set<Long>, Map<Long, Album>> load) {
        return lookUp(albums, rowids, load);
    }

    @SuppressWarnings("unchecked") // Caffeine hands the loader a Set<? extends Long>: a Set<Long>
    private static <V> Map<Long, V> lookUp(Cache<Long, V> cache, Set<Long> rowids, Function<Set<Long>, Map<Long, V>> load) {
        if (rowids.isEmpty()) {
            return Map.of();
        }
        return cache == null ? load.apply(rowids) : cache.getAll(rowids, missing -> load.apply((Set<Long>) missing));
    }

    /** Forgets every entry: the files changed under them. */
    void clear() {
        if (artists != null) {
            artists.invalidateAll();
        }
        if (albums != null) {
            albums.invalidateAll();
        }
    }

    /**
     * Registers each cache's statistics, which Caffeine records anyway: {@code cache_gets_total}
     * by {@code result} (hit, miss), {@code cache_size}, {@code cache_evictions_total} and the
     * like, by {@code cache} (artists, albums). Read at scrape time only. A cache that is off has none.
     */
    void bindTo(MeterRegistry registry) {
        // Caffeine's meters read the cache they were registered with: a refreshed catalog's
        // caches replace the last one's (whose statistics start again from zero, as a restart's).
        for (String cache : new String[] {"artists", "albums"}) {
            Search.in(registry).name(n -> n.startsWith("cache.")).tag("cache", cache).meters()
                    .forEach(registry::remove);
        }
        if (artists != null) {
            CaffeineCacheMetrics.monitor(registry, artists, "artists");
        }
        if (albums != null) {
            CaffeineCacheMetrics.monitor(registry, albums, "albums");
        }
    }

    CatalogCacheStats stats() {
        CacheStats a = artists == null ? CacheStats.empty() : artists.stats();
        CacheStats b = albums == null ? CacheStats.empty() : albums.stats();
        return new CatalogCacheStats(a.hitCount(), a.missCount(), artists == null ? 0 : artists.estimatedSize(),
                b.hitCount(), b.missCount(), albums == null ? 0 : albums.estimatedSize());
    }
}
