package dev.musicmeta.catalog.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the SQLite catalog. Start from {@link #defaults()} and adjust with the {@code with*}
 * methods.
 *
 * @param connections     size of the connection pool; at most half of it (at least one) serves
 *                        fallback searches at a time, so slow searches never starve lookups
 * @param searchBudget    time budget of one SQL (fallback) search
 * @param acquireTimeout  how long a request waits in the queue for a free connection before the
 *                        catalog answers {@link dev.musicmeta.catalog.CatalogBusyException}; a
 *                        safety net, since a queue that is not full drains far sooner
 * @param queueLength     requests that may wait for a connection at once; one more is refused at
 *                        once with {@link dev.musicmeta.catalog.CatalogBusyException}
 * @param artistCacheSize entries of the in-process cache of assembled artists, when
 *                        {@code cacheBytes} is 0; 0 turns it off
 * @param albumCacheSize  entries of the in-process cache of assembled albums, when
 *                        {@code cacheBytes} is 0; 0 turns it off
 * @param cacheBytes      when above 0, what the artist and album caches may hold together, in
 *                        bytes of heap as {@link RetainedSize} estimates them (a third for
 *                        artists, the rest for albums), in place of the entry counts
 * @param mmapBytes       memory-mapped I/O limit per connection ({@code PRAGMA mmap_size}); 0 (the
 *                        default) reads with {@code pread}: a mapped file that shrinks or is
 *                        rewritten while served kills the process with SIGBUS, where a read
 *                        returns an SQLite error (bench/RESULTS.md says what mapping was worth)
 * @param pageCacheKib    SQLite page cache per connection and file, in KiB ({@code cache_size}),
 *                        outside the Java heap;
 *                        small because the kernel's page cache holds the files anyway
 * @param immutable       open the files with {@code immutable=1}: no file locking and no change
 *                        detection per read, and no {@code -wal}/{@code -shm} files created
 *                        beside a WAL-mode file (which {@code mode=ro} alone would do); only
 *                        safe while nothing modifies the files, so turn it off only for files
 *                        that change while served
 */
public record SqliteOptions(
        int connections,
        Duration searchBudget,
        Duration acquireTimeout,
        int queueLength,
        int artistCacheSize,
        int albumCacheSize,
        long cacheBytes,
        long mmapBytes,
        int pageCacheKib,
        boolean immutable) {

    public static final int DEFAULT_SEARCH_BUDGET_SECONDS = 10;
    public static final Duration DEFAULT_SEARCH_BUDGET = Duration.ofSeconds(DEFAULT_SEARCH_BUDGET_SECONDS);
    /** What clients and proxies commonly wait for an answer; a queue within its length drains far sooner. */
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Each waiting request holds one of the HTTP server's 250 threads: half of them may wait,
     * the rest keep answering probes and everything that needs no connection.
     */
    public static final int DEFAULT_QUEUE_LENGTH = 128;
    /** Entries of each cache when bounded by count (the index build's reading, tests). */
    public static final int DEFAULT_CACHE_SIZE = 10_000;
    /**
     * What the served caches hold by default: 16 MiB of the heap, about 9,400 albums and 8,400
     * artists of a generated catalog (about 1.1 and 0.6 KiB each: what the 10,000 of each
     * bounded by count held before), within the launcher's fixed heap (jvm.options). A catalog
     * of larger items gets fewer entries, not a bigger heap.
     */
    public static final long DEFAULT_CACHE_BYTES = 16L << 20;
    /**
     * No memory-mapped I/O: SQLite reads each page with pread. A mapped file that shrinks or is
     * rewritten while served kills the process with SIGBUS, where a read returns an SQLite error;
     * and a page fault on a mapped file makes the kernel read around it (the device's read-ahead,
     * 128 KiB to 8 MiB), so when the catalog does not fit in memory a lookup read megabytes
     * instead of its pages (bench/RESULTS.md, "a catalog that does not fit in memory").
     */
    public static final long DEFAULT_MMAP_BYTES = 0;
    /**
     * 512 KiB per connection and file: the top of the B-trees a lookup descends, the rest read
     * from the kernel's page cache with pread. 2 MiB before cost 12 MiB more of RssAnon with
     * four connections (bench/RESULTS.md, "a lean default process").
     */
    public static final int DEFAULT_PAGE_CACHE_KIB = 512;

    public SqliteOptions {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1");
        }
        Objects.requireNonNull(searchBudget, "searchBudget");
        Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        if (searchBudget.isNegative() || acquireTimeout.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (queueLength < 0) {
            throw new IllegalArgumentException("queueLength must not be negative");
        }
        if (artistCacheSize < 0 || albumCacheSize < 0 || cacheBytes < 0 || mmapBytes < 0 || pageCacheKib < 0) {
            throw new IllegalArgumentException("cache sizes and mmapBytes must not be negative");
        }
    }

    /** The defaults, with this pool size and search budget. */
    public SqliteOptions(int connections, Duration searchBudget) {
        this(connections, searchBudget, DEFAULT_ACQUIRE_TIMEOUT, DEFAULT_QUEUE_LENGTH, DEFAULT_CACHE_SIZE, DEFAULT_CACHE_SIZE,
                DEFAULT_CACHE_BYTES, DEFAULT_MMAP_BYTES, DEFAULT_PAGE_CACHE_KIB, true);
    }

    /**
     * Two connections per core, at least 4 and at most 16 (beyond that, more connections add
     * memory, not throughput), a 10 s search budget, caches on, immutable files.
     */
    public static SqliteOptions defaults() {
        int connections = Math.min(16, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        return new SqliteOptions(connections, DEFAULT_SEARCH_BUDGET);
    }

    public SqliteOptions withConnections(int connections) {
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, artistCacheSize, albumCacheSize,
                cacheBytes, mmapBytes, pageCacheKib, immutable);
    }

    public SqliteOptions withSearchBudget(Duration searchBudget) {
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, artistCacheSize, albumCacheSize,
                cacheBytes, mmapBytes, pageCacheKib, immutable);
    }

    public SqliteOptions withAcquireTimeout(Duration acquireTimeout) {
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, artistCacheSize, albumCacheSize,
                cacheBytes, mmapBytes, pageCacheKib, immutable);
    }

    public SqliteOptions withQueueLength(int queueLength) {
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, artistCacheSize, albumCacheSize,
                cacheBytes, mmapBytes, pageCacheKib, immutable);
    }

    /** Caches bounded by entry counts (0 turns one off) rather than by bytes. */
    public SqliteOptions withCacheSizes(int artistCacheSize, int albumCacheSize) {
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, artistCacheSize, albumCacheSize,
                0, mmapBytes, pageCacheKib, immutable);
    }

    /** Caches bounded by what they hold in bytes together; 0 turns both off. */
    public SqliteOptions withCacheBytes(long cacheBytes) {
        int entries = cacheBytes == 0 ? 0 : DEFAULT_CACHE_SIZE;
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, entries, entries,
                cacheBytes, mmapBytes, pageCacheKib, immutable);
    }

    /** No artist or album cache: every request reads the files. */
    public SqliteOptions withoutCaches() {
        return withCacheSizes(0, 0);
    }

    public SqliteOptions withMmapBytes(long mmapBytes) {
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, artistCacheSize, albumCacheSize,
                cacheBytes, mmapBytes, pageCacheKib, immutable);
    }

    public SqliteOptions withPageCacheKib(int pageCacheKib) {
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, artistCacheSize, albumCacheSize,
                cacheBytes, mmapBytes, pageCacheKib, immutable);
    }

    public SqliteOptions withImmutable(boolean immutable) {
        return new SqliteOptions(connections, searchBudget, acquireTimeout, queueLength, artistCacheSize, albumCacheSize,
                cacheBytes, mmapBytes, pageCacheKib, immutable);
    }
}
