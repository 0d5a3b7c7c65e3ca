package dev.musicmeta.catalog.sqlite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.search.Search;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Assembled artists and albums by rowid. The files never change while served, so entries never
 * go stale; the bound is by bytes of heap ({@link RetainedSize}'s estimate) or, where options ask,
 * by entry count. Bytes, because the heap is small and fixed (jvm.options) and an album's size
 * varies tenfold: 10,000 albums and 10,000 artists were 30 MiB of a 70 to 80 MiB live set on a
 * generated catalog, so a count bounds nothing on a catalog of larger items. Popular albums and
 * artists recur across lookups and each costs a statement or two to assemble. Lookups are Caffeine's bulk loads: the cached
 * entries, and one call of the loader for all the missing ones. A cache of size 0 is off: every
 * lookup calls the loader and nothing is counted.
 *
 * <p>A view that {@linkplain #readOnly() only reads} them serves the items of search pages: hits
 * spread over the whole catalog and rarely recur (a 10 M-track query mix hit them no more with the
 * caches than without), while every item put in pushes out one that lookups use, and each evicted
 * entry is garbage in the old generation: under search load at 10 M tracks, filled by searches,
 * they led to a full collection of about 100 ms every 20 to 40 s (bench/RESULTS.md).
 */
final class Caches {

    private final Cache<Long, Artist> artists;
    private final Cache<Long, Album> albums;
    /** Whether a lookup puts what it loaded into the caches. */
    private final boolean fill;

    private Caches(Cache<Long, Artist> artists, Cache<Long, Album> albums, boolean fill) {
        this.artists = artists;
        this.albums = albums;
        this.fill = fill;
    }

    Caches(SqliteOptions options) {
        this.fill = true;
        long bytes = options.cacheBytes();
        if (bytes > 0) {
            // A third for artists: a track's lookup needs its album once and its artists several
            // times, but an artist weighs about a third of an album (no copyrights, fewer images).
            this.artists = weighed(bytes / 3, RetainedSize::artist);
            this.albums = weighed(bytes - bytes / 3, RetainedSize::album);
        } else {
            this.artists = counted(options.artistCacheSize());
            this.albums = counted(options.albumCacheSize());
        }
    }

    private static <V> Cache<Long, V> counted(int size) {
        if (size == 0) {
            return null;
        }
        // Maintenance on the calling thread: a few nanoseconds, and no background pool to manage.
        return Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).recordStats().build();
    }

    private static <V> Cache<Long, V> weighed(long bytes, ToIntFunction<V> size) {
        return Caffeine.newBuilder().maximumWeight(bytes).<Long, V>weigher((rowid, value) -> size.applyAsInt(value))
                .executor(Runnable::run).recordStats().build();
    }

    /** The same caches, read but never filled: what is missing is loaded and not kept. */
    Caches readOnly() {
        return new Caches(artists, albums, false);
    }

    /** The artists of {@code rowids} that exist: cached ones, and those {@code load} returns for the rest. */
    Map<Long, Artist> artists(Set<Long> rowids, Function<Set<Long>, Map<Long, Artist>> load) {
        return lookUp(artists, rowids, load, fill);
    }

    /** The albums of {@code rowids} that exist: cached ones, and those {@code load} returns for the rest. */
    Map<Long, Album> albums(Set<Long> rowids, Function<Set<Long>, Map<Long, Album>> load) {
        return lookUp(albums, rowids, load, fill);
    }

    @SuppressWarnings("unchecked") // Caffeine hands the loader a Set<? extends Long>: a Set<Long>
    private static <V> Map<Long, V> lookUp(Cache<Long, V> cache, Set<Long> rowids, Function<Set<Long>, Map<Long, V>> load,
                                           boolean fill) {
        if (rowids.isEmpty()) {
            return Map.of();
        }
        if (cache == null) {
            return load.apply(rowids);
        }
        if (fill) {
            return cache.getAll(rowids, missing -> load.apply((Set<Long>) missing));
        }
        Map<Long, V> found = cache.getAllPresent(rowids); // counted as hits and misses, as getAll's are
        if (found.size() == rowids.size()) {
            return found;
        }
        Set<Long> missing = new HashSet<>(rowids);
        missing.removeAll(found.keySet());
        Map<Long, V> all = new HashMap<>(found);
        all.putAll(load.apply(missing));
        return all;
    }

    /** What the entries hold by {@link RetainedSize}'s estimate, in bytes: 0 for caches bounded by count. */
    long estimatedBytes() {
        return weight(artists) + weight(albums);
    }

    private static long weight(Cache<Long, ?> cache) {
        return cache == null ? 0 : cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
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
