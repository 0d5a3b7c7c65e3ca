package dev.musicmeta.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The catalog being served, replaced whole while requests run: {@link #swap} makes a newly opened
 * catalog the one {@link #current()} hands out, and closes the one it replaces once the requests
 * that were using it are done with it.
 *
 * <p>Each catalog handed out counts the calls running on it. A replaced catalog closes once a
 * grace period has passed (so that a request that got it just before the swap makes all its
 * calls on it, and answers from one catalog) and no call is running on it. A request that still
 * calls it after that is answered by the catalog served then, never with an error: no request
 * fails because of a swap.
 *
 * <p>As a {@link Catalog} itself, each call goes to the catalog current at that moment.
 */
public final class LiveCatalog implements Catalog {

    private final ScheduledExecutorService closer;
    private final Consumer<String> log;
    private volatile Served current;
    /** Replaced catalogs not closed yet. */
    private final Set<Served> retired = ConcurrentHashMap.newKeySet();

    /**
     * @param first the catalog to serve until the first swap
     * @param log   where to say that a replaced catalog was closed
     */
    public LiveCatalog(Catalog first, Consumer<String> log) {
        this.current = new Served(Objects.requireNonNull(first, "first"), "the catalog opened at start-up");
        this.log = log;
        this.closer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-closer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Catalog current() {
        return current;
    }

    /** The catalog served now, as it was passed in (not the counting wrapper). */
    public Catalog served() {
        return current.catalog;
    }

    /**
     * Serves {@code next} from now on. The catalog it replaces closes once {@code grace} has
     * passed and no call runs on it any more.
     *
     * @param name what to call {@code next} when it is closed in its turn
     */
    public synchronized void swap(Catalog next, String name, Duration grace) {
        Served previous = current;
        current = new Served(Objects.requireNonNull(next, "next"), name);
        retired.add(previous);
        previous.retire();
        closer.schedule(previous::closeWhenIdle, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the catalog served now and any replaced one still open. Call once no request runs. */
    @Override
    public synchronized void close() {
        closer.shutdownNow();
        retired.forEach(Served::closeNow);
        current.closeNow();
    }

    // ---- the Catalog, each call on the catalog current at the time

    @Override
    public Map<String, Track> tracks(Collection<String> ids) {
        return current.tracks(ids);
    }

    @Override
    public Map<String, Artist> artists(Collection<String> ids) {
        return current.artists(ids);
    }

    @Override
    public Map<String, Album> albums(Collection<String> ids) {
        return current.albums(ids);
    }

    @Override
    public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) {
        return current.tracksByIsrc(isrcs);
    }

    @Override
    public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) {
        return current.bestTrackByIsrc(isrcs);
    }

    @Override
    public Optional<List<Track>> albumTracks(String albumId) {
        return current.albumTracks(albumId);
    }

    @Override
    public List<Album> albumsByUpc(String upc) {
        return current.albumsByUpc(upc);
    }

    @Override
    public Map<String, Page<Track>> albumTrackPages(Collection<String> albumIds, int offset, int limit) {
        return current.albumTrackPages(albumIds, offset, limit);
    }

    @Override
    public Page<Track> tracksByIsrc(String isrc, int offset, int limit) {
        return current.tracksByIsrc(isrc, offset, limit);
    }

    @Override
    public Optional<Page<DiscographyAlbum>> artistAlbums(String artistId, Set<AlbumGroup> groups, int offset,
            int limit) {
        return current.artistAlbums(artistId, groups, offset, limit);
    }

    @Override
    public Optional<List<Track>> topTracks(String artistId, int limit) {
        return current.topTracks(artistId, limit);
    }

    @Override
    public Page<Track> searchTracks(SearchRequest request) {
        return current.searchTracks(request);
    }

    @Override
    public Page<Artist> searchArtists(SearchRequest request) {
        return current.searchArtists(request);
    }

    @Override
    public Page<Album> searchAlbums(SearchRequest request) {
        return current.searchAlbums(request);
    }

    /**
     * One catalog as handed out, counting the calls running on it: {@code calls} is their number,
     * or -1 once it is closed (so a call can no longer start on it).
     */
    private final class Served implements Catalog {

        private final Catalog catalog;
        private final String name;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean replaced;
        private volatile boolean closeWhenIdle;
        private final AtomicInteger finishedAfterRetiring = new AtomicInteger();

        Served(Catalog catalog, String name) {
            this.catalog = catalog;
            this.name = name;
        }

        private <T> T call(Function<Catalog, T> work) {
            if (!enter()) {
                return work.apply(LiveCatalog.this.current); // closed: the catalog served now answers
            }
            try {
                return work.apply(catalog);
            } finally {
                leave();
            }
        }

        private boolean enter() {
            for (int n = calls.get(); n >= 0; n = calls.get()) {
                if (calls.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
            return false;
        }

        private void leave() {
            if (replaced) {
                finishedAfterRetiring.incrementAndGet();
            }
            if (calls.decrementAndGet() == 0 && closeWhenIdle) {
                tryClose();
            }
        }

        void retire() {
            replaced = true;
        }

        /** The grace period is over: close now if idle, else when the last running call ends. */
        void closeWhenIdle() {
            closeWhenIdle = true;
            tryClose();
        }

        private void tryClose() {
            if (calls.compareAndSet(0, -1)) {
                LiveCatalog.this.retired.remove(this);
                closeQuietly();
                log.accept("closed " + name + ", replaced by a refresh; " + finishedAfterRetiring.get()
                        + " calls finished on it after the swap");
            }
        }

        void closeNow() {
            if (calls.getAndSet(-1) >= 0) {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                catalog.close();
            } catch (RuntimeException e) {
                log.accept("closing " + name + " failed: " + e);
            }
        }

        @Override
        public Map<String, Track> tracks(Collection<String> ids) {
            return call(c -> c.tracks(ids));
        }

        @Override
        public Map<String, Artist> artists(Collection<String> ids) {
            return call(c -> c.artists(ids));
        }

        @Override
        public Map<String, Album> albums(Collection<String> ids) {
            return call(c -> c.albums(ids));
        }

        @Override
        public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) {
            return call(c -> c.tracksByIsrc(isrcs));
        }

        @Override
        public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) {
            return call(c -> c.bestTrackByIsrc(isrcs));
        }

        @Override
        public Optional<List<Track>> albumTracks(String albumId) {
            return call(c -> c.albumTracks(albumId));
        }

        @Override
        public List<Album> albumsByUpc(String upc) {
            return call(c -> c.albumsByUpc(upc));
        }

        @Override
        public Map<String, Page<Track>> albumTrackPages(Collection<String> albumIds, int offset, int limit) {
            return call(c -> c.albumTrackPages(albumIds, offset, limit));
        }

        @Override
        public Page<Track> tracksByIsrc(String isrc, int offset, int limit) {
            return call(c -> c.tracksByIsrc(isrc, offset, limit));
        }

        @Override
        public Optional<Page<DiscographyAlbum>> artistAlbums(String artistId, Set<AlbumGroup> groups, int offset,
                int limit) {
            return call(c -> c.artistAlbums(artistId, groups, offset, limit));
        }

        @Override
        public Optional<List<Track>> topTracks(String artistId, int limit) {
            return call(c -> c.topTracks(artistId, limit));
        }

        @Override
        public Page<Track> searchTracks(SearchRequest request) {
            return call(c -> c.searchTracks(request));
        }

        @Override
        public Page<Artist> searchArtists(SearchRequest request) {
            return call(c -> c.searchArtists(request));
        }

        @Override
        public Page<Album> searchAlbums(SearchRequest request) {
            return call(c -> c.searchAlbums(request));
        }

        @Override
        public void close() {
            // closed by the LiveCatalog, never by a request
        }
    }
}
