package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.AlbumGroup;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.DiscographyAlbum;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.CatalogScan;
import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Searcher;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.Upcs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The catalog over the read-only SQLite files: every lookup, every search (the {@link Searcher}
 * finds rowids, this catalog turns them into items) and the scan the search index is built from.
 *
 * <p>Each call borrows one connection from a fixed pool ({@link SessionPool}), reads rows with
 * statements prepared once per connection ({@link Fetch}, {@link Sql}) and turns them into
 * records ({@link Loader}, {@link Assembler}), loading each kind of item once for all the items
 * of the call. Nothing is ever written: the files are opened with {@code mode=ro} (and
 * {@code immutable=1} by default), so SQLite creates no journal, WAL or lock file beside them.
 * Dirty data (NULL anywhere, text in integer columns, broken JSON, dangling references) never
 * fails a request: it reads as {@code null}, {@code []} or a skipped reference.
 */
public final class SqliteCatalog implements Catalog, CatalogScan, MeterBinder {

    private final CatalogFiles files;
    private final SqliteOptions options;
    private final SessionPool pool;
    private final Caches caches;
    /** The scan's albums and artists, which hold only the index's values: never served. */
    private final Caches scanCaches;
    /** {@link #caches}, read only: for search pages. */
    private final Caches searchCaches;
    private final StatementCounter counter;
    private final Searcher searcher;
    private final FileProbe health;
    /** Null until {@link #bindTo bound}: searches are not timed. */
    private volatile SearchMeters searchMeters;

    private SqliteCatalog(CatalogFiles files, SqliteOptions options, SessionPool pool, StatementCounter counter,
                          Function<SessionPool, Searcher> searcher) {
        this.files = files;
        this.options = options;
        this.pool = pool;
        this.caches = new Caches(options);
        this.searchCaches = caches.readOnly();
        this.scanCaches = new Caches(options);
        this.counter = counter;
        this.searcher = searcher.apply(pool);
        this.health = new FileProbe(files, pool, caches);
    }

    /**
     * Opens the files read-only and checks their schema: every table and column the service
     * reads must exist (a missing index is only a {@linkplain #warnings() warning}). Searches
     * scan the names in SQLite within the search budget of {@code options} ({@link FallbackSearch}).
     *
     * @throws CatalogFileException when a file cannot be served; the message is one line naming
     *                              the file and the problem
     */
    public static SqliteCatalog open(CatalogFiles files, SqliteOptions options) throws CatalogFileException {
        return open(files, options, pool -> new FallbackSearch(pool, options));
    }

    /**
     * Opens the files as {@link #open(CatalogFiles, SqliteOptions)} does, searching with
     * {@code searcher} (the search index), which this catalog closes when it closes. When opening
     * fails, the searcher is the caller's to close.
     */
    public static SqliteCatalog open(CatalogFiles files, SqliteOptions options, Searcher searcher)
            throws CatalogFileException {
        Objects.requireNonNull(searcher, "searcher");
        return open(files, options, pool -> searcher);
    }

    /**
     * Opens the files as {@link #open(CatalogFiles, SqliteOptions)} does, then asks {@code searcher}
     * for what to search with: a searcher being opened meanwhile on another thread (the search
     * index), or null to scan the names in SQLite. What it throws fails the opening, with the files
     * closed again; a searcher it gives is closed with this catalog, and when opening fails after
     * it was given, it is the caller's to close.
     */
    public static SqliteCatalog open(CatalogFiles files, SqliteOptions options, Supplier<? extends Searcher> searcher)
            throws CatalogFileException {
        Objects.requireNonNull(searcher, "searcher");
        return open(files, options, pool -> {
            Searcher given = searcher.get();
            return given != null ? given : new FallbackSearch(pool, options);
        });
    }

    /**
     * Checks files as {@link #open(CatalogFiles, SqliteOptions)} does, and reads each once, keeping
     * nothing open: what to run on new files before serving them in place of others.
     *
     * @return the start-up warnings (missing indexes)
     * @throws CatalogFileException naming the file that cannot be served and why
     */
    public static List<String> check(CatalogFiles files, SqliteOptions options) throws CatalogFileException {
        try (SqliteCatalog catalog = open(files, options.withConnections(1))) {
            FileHealth health = catalog.health();
            if (!health.readable()) {
                throw new CatalogFileException(health.catalogDetail() != null ? health.catalogDetail()
                        : health.trackFilesDetail());
            }
            return catalog.warnings();
        }
    }

    private static SqliteCatalog open(CatalogFiles files, SqliteOptions options, Function<SessionPool, Searcher> searcher)
            throws CatalogFileException {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(options, "options");
        StatementCounter counter = new StatementCounter();
        SessionPool pool = SessionPool.open(files, options, counter);
        try {
            return new SqliteCatalog(files, options, pool, counter, searcher);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    // ---- lookups

    @Override
    public Map<String, Track> tracks(Collection<String> ids) {
        List<String> wanted = Keyed.distinct(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(load -> {
            Map<String, StoredTrack> rows = Keyed.lowestRowidPerKey(load.fetch().tracksById(wanted), StoredTrack::id,
                    StoredTrack::rowid);
            Map<Long, Track> tracks = load.tracks(rows.values(), true);
            return Keyed.inOrder(wanted, rows, StoredTrack::rowid, tracks);
        });
    }

    @Override
    public Map<String, Artist> artists(Collection<String> ids) {
        List<String> wanted = Keyed.distinct(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(load -> {
            Map<String, StoredArtist> rows = Keyed.lowestRowidPerKey(load.fetch().artistsById(wanted),
                    row -> row.artist().id(), StoredArtist::rowid);
            Map<Long, Artist> artists = load.artists(Keyed.byRowid(rows.values(), StoredArtist::rowid));
            return Keyed.inOrder(wanted, rows, StoredArtist::rowid, artists);
        });
    }

    @Override
    public Map<String, Album> albums(Collection<String> ids) {
        List<String> wanted = Keyed.distinct(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(load -> {
            Map<String, StoredAlbum> rows = Keyed.lowestRowidPerKey(load.fetch().albumsById(wanted), StoredAlbum::id,
                    StoredAlbum::rowid);
            Map<Long, Album> albums = load.albums(Keyed.byRowid(rows.values(), StoredAlbum::rowid));
            return Keyed.inOrder(wanted, rows, StoredAlbum::rowid, albums);
        });
    }

    @Override
    public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) {
        List<String> wanted = Keyed.distinct(isrcs);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(load -> {
            Map<String, List<StoredTrack>> groups = isrcGroups(load, wanted);
            List<StoredTrack> rows = new ArrayList<>();
            groups.values().forEach(rows::addAll);
            Map<Long, Track> tracks = load.tracks(rows, true);
            return Keyed.inOrder(wanted, isrc -> groups.containsKey(isrc)
                    ? groups.get(isrc).stream().map(row -> tracks.get(row.rowid())).toList() : null);
        });
    }

    @Override
    public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) {
        List<String> wanted = Keyed.distinct(isrcs);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(load -> {
            Map<String, StoredTrack> best = bestRows(load, wanted);
            Map<Long, Track> tracks = load.tracks(best.values(), true);
            return Keyed.inOrder(wanted, best, StoredTrack::rowid, tracks);
        });
    }

    /**
     * The row of the best track ({@link IsrcRank#BEST_FIRST}) of each requested ISRC that has any:
     * an ISRC's only track as read with the ranks; of several, the release dates of the albums of
     * those tied on popularity at the top in one more statement (none when no ISRC has such a
     * tie), then the best read by rowid in one more (none when no ISRC has several).
     */
    private static Map<String, StoredTrack> bestRows(Loader load, List<String> wanted) {
        Map<String, StoredTrack> whole = new HashMap<>(Keyed.capacity(wanted.size()));
        Map<String, List<IsrcPick>> shared = new HashMap<>();
        for (IsrcPick pick : load.fetch().isrcPicks(wanted)) {
            if (pick.track() != null) {
                whole.put(pick.isrc(), pick.track());
            } else {
                shared.computeIfAbsent(pick.isrc(), isrc -> new ArrayList<>(4)).add(pick);
            }
        }
        if (!shared.isEmpty()) {
            Set<Long> toDate = IsrcPick.toDate(shared.values());
            Map<Long, String> dates = toDate.isEmpty() ? Map.of() : load.fetch().releaseDates(toDate);
            Map<String, IsrcRank> best = new HashMap<>(Keyed.capacity(shared.size()));
            shared.forEach((isrc, group) -> best.put(isrc, IsrcPick.best(group, dates)));
            List<Long> rowids = best.values().stream().map(IsrcRank::rowid).toList();
            Map<Long, StoredTrack> rows = load.fetch().tracksByRowid(rowids);
            best.forEach((isrc, rank) -> {
                StoredTrack row = rows.get(rank.rowid());
                if (row != null) {
                    whole.put(isrc, row);
                }
            });
        }
        return whole;
    }

    /** The tracks of each requested ISRC that has any, best first ({@link IsrcCandidate#BEST_FIRST}). */
    private static Map<String, List<StoredTrack>> isrcGroups(Loader load, List<String> wanted) {
        Map<String, List<IsrcCandidate>> found = new HashMap<>(Keyed.capacity(wanted.size()));
        for (IsrcCandidate candidate : load.fetch().tracksByIsrc(wanted)) {
            found.computeIfAbsent(candidate.track().isrc(), k -> new ArrayList<>(4)).add(candidate);
        }
        return Keyed.inOrder(wanted, isrc -> {
            List<IsrcCandidate> group = found.get(isrc);
            if (group == null) {
                return null;
            }
            group.sort(IsrcCandidate.BEST_FIRST);
            return group.stream().map(IsrcCandidate::track).toList();
        });
    }

    @Override
    public Optional<List<Track>> albumTracks(String albumId) {
        if (albumId == null) {
            return Optional.empty();
        }
        return read(load -> {
            Long albumRowid = load.fetch().albumRowid(albumId);
            if (albumRowid == null) {
                return Optional.empty();
            }
            List<StoredTrack> rows = new ArrayList<>(load.fetch().tracksOfAlbum(albumRowid));
            rows.sort(StoredTrack.ALBUM_LISTING);
            Map<Long, Track> tracks = load.tracks(rows, false);
            return Optional.of(rows.stream().map(row -> tracks.get(row.rowid())).toList());
        });
    }

    // ---- lists and pages: the order keys of the whole list, then the page's items by rowid

    /** Most popular first (NULL lowest), then stored first. */
    private static final Comparator<StoredAlbum> MOST_POPULAR_ALBUM = Comparator
            .comparing(StoredAlbum::popularity, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(StoredAlbum::rowid);

    @Override
    public List<Album> albumsByUpc(String upc) {
        Objects.requireNonNull(upc, "upc");
        return read(load -> {
            List<StoredAlbum> rows = new ArrayList<>(load.fetch().albumsByUpc(Upcs.forms(upc)));
            rows.sort(MOST_POPULAR_ALBUM);
            Map<Long, Album> albums = load.albums(Keyed.byRowid(rows, StoredAlbum::rowid));
            return rows.stream().map(row -> albums.get(row.rowid())).toList();
        });
    }

    @Override
    public Map<String, Page<Track>> albumTrackPages(Collection<String> albumIds, int offset, int limit) {
        checkPage(offset, limit);
        List<String> wanted = Keyed.distinct(albumIds);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(load -> {
            Map<String, List<Long>> listings = AlbumTrackKey.listings(load.fetch().albumTrackKeys(wanted));
            Set<Long> onPages = new LinkedHashSet<>();
            listings.values().forEach(listing -> onPages.addAll(slice(listing, offset, limit)));
            Map<Long, Track> tracks = onPages.isEmpty() ? Map.of()
                    : load.tracks(load.fetch().tracksByRowid(onPages).values(), false);
            return Keyed.inOrder(wanted, id -> {
                List<Long> listing = listings.get(id);
                return listing == null ? null : new Page<>(Keyed.inOrder(slice(listing, offset, limit), tracks), limit,
                        offset, (long) listing.size());
            });
        });
    }

    @Override
    public Page<Track> tracksByIsrc(String isrc, int offset, int limit) {
        Objects.requireNonNull(isrc, "isrc");
        checkPage(offset, limit);
        return read(load -> {
            List<IsrcRank> ranks = new ArrayList<>(load.fetch().isrcRanks(isrc));
            ranks.sort(IsrcRank.BEST_FIRST);
            List<Long> page = slice(ranks.stream().map(IsrcRank::rowid).toList(), offset, limit);
            Map<Long, Track> tracks = page.isEmpty() ? Map.of() : load.tracksByRowid(new LinkedHashSet<>(page));
            return new Page<>(Keyed.inOrder(page, tracks), limit, offset, (long) ranks.size());
        });
    }

    @Override
    public Optional<Page<DiscographyAlbum>> artistAlbums(String artistId, Set<AlbumGroup> groups, int offset, int limit) {
        Objects.requireNonNull(groups, "groups");
        checkPage(offset, limit);
        if (artistId == null) {
            return Optional.empty();
        }
        return read(load -> {
            Long artist = load.fetch().artistRowid(artistId);
            if (artist == null) {
                return Optional.empty();
            }
            List<ArtistCredit.ListedAlbum> entries = ArtistCredit.discography(load.fetch().albumCredits(artist), groups);
            List<ArtistCredit.ListedAlbum> page = slice(entries, offset, limit);
            Set<Long> rowids = new LinkedHashSet<>();
            page.forEach(entry -> rowids.add(entry.albumRowid()));
            Map<Long, Album> albums = load.albumsByRowid(rowids);
            List<DiscographyAlbum> items = new ArrayList<>(page.size());
            for (ArtistCredit.ListedAlbum entry : page) {
                Album album = albums.get(entry.albumRowid());
                if (album != null) {
                    items.add(new DiscographyAlbum(album, entry.group()));
                }
            }
            return Optional.of(new Page<>(items, limit, offset, (long) entries.size()));
        });
    }

    @Override
    public Optional<List<Track>> topTracks(String artistId, int limit) {
        checkPage(0, limit);
        if (artistId == null) {
            return Optional.empty();
        }
        return read(load -> {
            Long artist = load.fetch().artistRowid(artistId);
            if (artist == null) {
                return Optional.empty();
            }
            List<Long> top = CreditedTrack.top(load.fetch().trackCredits(artist), limit);
            Map<Long, Track> tracks = top.isEmpty() ? Map.of() : load.tracksByRowid(new LinkedHashSet<>(top));
            return Optional.of(Keyed.inOrder(top, tracks));
        });
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("a page needs an offset of at least 0 and a limit of at least 1, not "
                    + offset + " and " + limit);
        }
    }

    /** The items of {@code all} from {@code offset}, at most {@code limit}. */
    private static <T> List<T> slice(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
    }

    // ---- search: the searcher finds rowids, the catalog turns them into items here

    @Override
    public Page<Track> searchTracks(SearchRequest request) {
        return page(SearchKind.TRACKS, request, Loader::tracksByRowid);
    }

    @Override
    public Page<Artist> searchArtists(SearchRequest request) {
        return page(SearchKind.ARTISTS, request, Loader::artistsByRowid);
    }

    @Override
    public Page<Album> searchAlbums(SearchRequest request) {
        return page(SearchKind.ALBUMS, request, Loader::albumsByRowid);
    }

    private interface ByRowid<T> {
        Map<Long, T> load(Loader loader, Set<Long> rowids);
    }

    /**
     * The page of the searcher's hits: their items in hit order, a hit whose row is gone skipped.
     * The items are loaded within the search's admission: both are CPU work of the same request.
     */
    private <T> Page<T> page(SearchKind kind, SearchRequest request, ByRowid<T> items) {
        Objects.requireNonNull(request, "request");
        return searcher.admit(() -> {
            SearchHits hits = search(kind, request);
            List<T> found = hits.rowids().length == 0 ? List.of()
                    : readForSearch(load -> Keyed.inOrder(hits.rowids(), items.load(load, Keyed.distinct(hits.rowids()))));
            return new Page<>(found, request.limit(), request.offset(), hits.total());
        });
    }

    private SearchHits search(SearchKind kind, SearchRequest request) {
        SearchMeters meters = searchMeters;
        if (meters == null) {
            return searcher.search(kind, request);
        }
        long started = System.nanoTime();
        SearchHits hits;
        try {
            hits = searcher.search(kind, request);
        } catch (RuntimeException e) {
            meters.record(kind, started, e);
            throw e;
        }
        meters.record(kind, started, null);
        return hits;
    }

    // ---- the scan the search index is built from: only the values the index holds

    @Override
    public long maxRowid(SearchKind kind) {
        return read(load -> load.fetch().maxRowid(kind));
    }

    @Override
    public List<RankedItem<Track>> tracksInRange(long after, long last) {
        return scan(load -> {
            List<StoredTrack> rows = load.fetch().tracksInRange(after, last);
            Map<Long, Track> tracks = load.tracks(rows, true);
            return rows.stream().map(row -> new RankedItem<>(row.rowid(), tracks.get(row.rowid()), row.rank())).toList();
        });
    }

    @Override
    public List<RankedItem<Album>> albumsInRange(long after, long last) {
        return scan(load -> {
            List<StoredAlbum> rows = load.fetch().albumsInRange(after, last);
            Map<Long, Album> albums = load.albums(Keyed.byRowid(rows, StoredAlbum::rowid));
            return rows.stream().map(row -> new RankedItem<>(row.rowid(), albums.get(row.rowid()), row.rank())).toList();
        });
    }

    @Override
    public List<RankedItem<Artist>> artistsInRange(long after, long last) {
        return scan(load -> {
            List<StoredArtist> rows = load.fetch().artistsInRange(after, last);
            Map<Long, Artist> artists = load.artists(Keyed.byRowid(rows, StoredArtist::rowid));
            return rows.stream().map(row -> new RankedItem<>(row.rowid(), artists.get(row.rowid()), row.rank())).toList();
        });
    }

    /**
     * The items of the kind's rows {@code rowids} as served (every value, track_files included),
     * by rowid; rows that do not exist left out. What {@link QuickCheck} reads of the last rows.
     */
    Map<Long, ?> served(SearchKind kind, Set<Long> rowids) {
        return read(load -> switch (kind) {
            case TRACKS -> load.tracksByRowid(rowids);
            case ALBUMS -> load.albumsByRowid(rowids);
            case ARTISTS -> Map.copyOf(load.artistsByRowid(rowids));
        });
    }

    // ---- state

    /** Counts every SQL statement executed; tests read it to prove queries are set-based. */
    public StatementCounter statements() {
        return counter;
    }

    /** The files this catalog serves. */
    public CatalogFiles files() {
        return files;
    }

    /** The options it was opened with. */
    public SqliteOptions options() {
        return options;
    }

    /** Start-up warnings: each missing index, named, with what gets slow without it. */
    public List<String> warnings() {
        return pool.warnings();
    }

    /** Whether track_files is served; without it the enrichment fields are null or []. */
    public boolean hasTrackFiles() {
        return files.trackFiles() != null;
    }

    /** Start-up notices that are not problems (today: track_files absent), for the log. */
    public List<String> notices() {
        return hasTrackFiles() ? List.of() : List.of("no " + CatalogFiles.TRACK_FILES_FILE + " beside "
                + files.main() + ": has_lyrics, original_title, version_title, languages and artist_roles"
                + " are served as null or []");
    }

    /**
     * Whether the files can be read now: cheap enough for every readiness probe (it looks at most
     * once a second, see {@link FileProbe}). A file damaged while served is
     * {@link FileHealth.State#UNREADABLE} until it reads well again, which needs no restart.
     */
    public FileHealth health() {
        return health.check();
    }

    /**
     * The fingerprint of the main file ({@link CatalogFingerprint}), which a search index records
     * to tell later whether it was built from this catalog.
     *
     * @throws CatalogUnavailableException (unreadable) when the file cannot be read
     */
    @Override
    public String fingerprint() {
        try {
            return CatalogFingerprint.of(files.main());
        } catch (IOException e) {
            throw new CatalogUnavailableException(files.main() + ": cannot be read: " + e.getMessage(), e, true);
        }
    }

    /**
     * Registers the catalog's meters in {@code registry} and starts recording: statements by kind
     * ({@code mma_catalog_statements_seconds}), the connection pool ({@code mma_catalog_pool_*}),
     * the artist and album caches ({@code cache_*}) and searches ({@code mma_search_*}). Call it
     * before serving; until then nothing is recorded, at no cost.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        pool.bindTo(registry);
        caches.bindTo(registry);
        searchMeters = new SearchMeters(registry, searcher instanceof FallbackSearch);
        counter.bindTo(registry);
    }

    /** Whether searches use a search index rather than scanning names in SQLite. */
    public boolean searchesWithIndex() {
        return !(searcher instanceof FallbackSearch);
    }

    /** Hits and misses of the artist and album caches. */
    public CatalogCacheStats cacheStats() {
        return caches.stats();
    }

    /** Closes the searcher and the connections; requests still running finish first on theirs. */
    @Override
    public void close() {
        try {
            searcher.close();
        } finally {
            pool.close();
        }
    }

    // ---- plumbing

    /** The pool, for tests that need to hold a connection. */
    SessionPool pool() {
        return pool;
    }

    private interface Work<T> {
        T run(Loader loader);
    }

    /** Runs {@code work} on a connection of its own, with a loader for this one call. */
    private <T> T read(Work<T> work) {
        return pool.read(session -> work.run(new Loader(session, caches, Columns.SERVED)));
    }

    /** As {@link #read}, for the items of a search page: they read the caches but do not fill them ({@link Caches#readOnly}). */
    private <T> T readForSearch(Work<T> work) {
        return pool.read(session -> work.run(new Loader(session, searchCaches, Columns.SERVED)));
    }

    /** As {@link #read}, with a loader of the index's values only, for the scan. */
    private <T> T scan(Work<T> work) {
        return pool.read(session -> work.run(new Loader(session, scanCaches, Columns.INDEXED)));
    }
}
