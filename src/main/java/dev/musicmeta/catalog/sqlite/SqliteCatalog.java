package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.sqlite.Rows.AlbumRow;
import dev.musicmeta.catalog.sqlite.Rows.ArtistRow;
import dev.musicmeta.catalog.sqlite.Rows.TrackRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The catalog over the read-only SQLite files.
 *
 * <p>Every request borrows one connection from a fixed pool, reads with statements prepared once
 * per connection, and loads each kind of item once for all the items of the request (see
 * {@link Assembler}). Nothing is ever written: the files are opened with {@code mode=ro} (and
 * {@code immutable=1} by default), so SQLite creates no journal, WAL or lock file beside them.
 * Dirty data (NULL anywhere, text in integer columns, broken JSON, dangling references) never
 * fails a request: it reads as {@code null}, {@code []} or a skipped reference.
 *
 * <p>Searches here are the fallback without the search index: a scan of every name, stopped at
 * a time budget (see {@link FallbackSearch}). A scan holds its connection for long, so at most
 * half of the connections (at least one) run such searches at once; lookups always keep the
 * rest.
 */
public final class SqliteCatalog implements Catalog {

    private final CatalogFiles files;
    private final SqliteOptions options;
    private final SessionPool pool;
    private final Semaphore searches;
    private final Caches caches;
    private final StatementCounter counter;
    private final List<String> warnings;

    private SqliteCatalog(CatalogFiles files, SqliteOptions options, List<Session> sessions,
                          StatementCounter counter, List<String> warnings) {
        this.files = files;
        this.options = options;
        this.pool = new SessionPool(sessions, options.acquireTimeout());
        this.searches = new Semaphore(Math.max(1, options.connections() / 2), true);
        this.caches = new Caches(options);
        this.counter = counter;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Opens the files read-only and checks their schema: every table and column the service
     * reads must exist (a missing index is only a {@linkplain #warnings() warning}).
     *
     * @throws CatalogFileException when a file cannot be served; the message is one line naming
     *                              the file and the problem
     */
    public static SqliteCatalog open(CatalogFiles files, SqliteOptions options) throws CatalogFileException {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(options, "options");
        FileChecks.check(files.main());
        if (files.trackFiles() != null) {
            FileChecks.check(files.trackFiles());
        }
        StatementCounter counter = new StatementCounter();
        List<Session> sessions = new ArrayList<>(options.connections());
        try {
            Session first = Session.open(files, options, counter);
            sessions.add(first);
            SchemaCheck.checkColumns(first, "main", files.main(), SchemaCheck.MAIN_COLUMNS);
            List<String> warnings = new ArrayList<>(
                    SchemaCheck.missingIndexes(first, "main", files.main(), SchemaCheck.MAIN_INDEXES));
            if (files.trackFiles() != null) {
                SchemaCheck.checkColumns(first, "tf", files.trackFiles(), SchemaCheck.TRACK_FILES_COLUMNS);
                warnings.addAll(SchemaCheck.missingIndexes(first, "tf", files.trackFiles(),
                        SchemaCheck.TRACK_FILES_INDEXES));
            }
            prepareAll(first, files);
            while (sessions.size() < options.connections()) {
                Session session = Session.open(files, options, counter);
                sessions.add(session);
                prepareAll(session, files);
            }
            return new SqliteCatalog(files, options, sessions, counter, warnings);
        } catch (CatalogFileException | RuntimeException e) {
            sessions.forEach(Session::close);
            throw e;
        }
    }

    /** Prepares every statement up front: a schema SQLite cannot plan fails at start-up. */
    private static void prepareAll(Session session, CatalogFiles files) throws CatalogFileException {
        for (Sql sql : Sql.values()) {
            try {
                session.prepare(sql);
            } catch (SQLException e) {
                // The columns were checked already, so this is about the main file (or SQLite).
                throw new CatalogFileException(files.main() + ": cannot prepare a catalog query ("
                        + FileChecks.oneLine(e.getMessage()) + ")");
            }
        }
    }

    // ---- lookups

    @Override
    public Map<String, Track> tracks(Collection<String> ids) {
        List<String> wanted = distinct(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(a -> {
            List<TrackRow> rows = lowestRowidPerKey(a.trackRows(Sql.TRACKS_BY_ID, KeySet.ofStrings(wanted)),
                    TrackRow::id, TrackRow::rowid);
            List<Track> tracks = a.tracks(rows, true);
            Map<String, Track> byId = new HashMap<>(Assembler.capacity(rows.size()));
            for (int i = 0; i < rows.size(); i++) {
                byId.put(rows.get(i).id(), tracks.get(i));
            }
            return inOrder(wanted, byId);
        });
    }

    @Override
    public Map<String, Artist> artists(Collection<String> ids) {
        List<String> wanted = distinct(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(a -> {
            List<ArtistRow> rows = lowestRowidPerKey(a.artistRows(Sql.ARTISTS_BY_ID, KeySet.ofStrings(wanted)),
                    row -> row.artist().id(), ArtistRow::rowid);
            a.artists(rows); // for the caches; the rows hold the assembled artists
            Map<String, Artist> byId = new HashMap<>(Assembler.capacity(rows.size()));
            for (ArtistRow row : rows) {
                byId.put(row.artist().id(), row.artist());
            }
            return inOrder(wanted, byId);
        });
    }

    @Override
    public Map<String, Album> albums(Collection<String> ids) {
        List<String> wanted = distinct(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(a -> {
            List<AlbumRow> rows = lowestRowidPerKey(a.albumRows(Sql.ALBUMS_BY_ID, KeySet.ofStrings(wanted)),
                    AlbumRow::id, AlbumRow::rowid);
            Map<Long, Album> albums = a.albums(rows);
            Map<String, Album> byId = new HashMap<>(Assembler.capacity(rows.size()));
            for (AlbumRow row : rows) {
                byId.put(row.id(), albums.get(row.rowid()));
            }
            return inOrder(wanted, byId);
        });
    }

    @Override
    public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) {
        List<String> wanted = distinct(isrcs);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(a -> {
            Map<String, List<IsrcOrder.Candidate>> groups = isrcGroups(a, wanted);
            List<TrackRow> rows = new ArrayList<>();
            for (List<IsrcOrder.Candidate> group : groups.values()) {
                for (IsrcOrder.Candidate candidate : group) {
                    rows.add(candidate.row());
                }
            }
            List<Track> tracks = a.tracks(rows, true);
            Map<String, List<Track>> out = new LinkedHashMap<>(Assembler.capacity(groups.size()));
            int next = 0;
            for (Map.Entry<String, List<IsrcOrder.Candidate>> group : groups.entrySet()) {
                int size = group.getValue().size();
                out.put(group.getKey(), List.copyOf(tracks.subList(next, next + size)));
                next += size;
            }
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) {
        List<String> wanted = distinct(isrcs);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return read(a -> {
            Map<String, List<IsrcOrder.Candidate>> groups = isrcGroups(a, wanted);
            List<TrackRow> winners = new ArrayList<>(groups.size());
            for (List<IsrcOrder.Candidate> group : groups.values()) {
                winners.add(group.get(0).row());
            }
            List<Track> tracks = a.tracks(winners, true);
            Map<String, Track> out = new LinkedHashMap<>(Assembler.capacity(groups.size()));
            int i = 0;
            for (String isrc : groups.keySet()) {
                out.put(isrc, tracks.get(i++));
            }
            return Collections.unmodifiableMap(out);
        });
    }

    /** The candidates of each requested ISRC that has any, best first, in request order. */
    private static Map<String, List<IsrcOrder.Candidate>> isrcGroups(Assembler a, List<String> wanted)
            throws SQLException {
        Map<String, List<IsrcOrder.Candidate>> found = new HashMap<>(Assembler.capacity(wanted.size()));
        for (IsrcOrder.Candidate candidate : a.isrcCandidates(KeySet.ofStrings(wanted))) {
            found.computeIfAbsent(candidate.row().isrc(), k -> new ArrayList<>(4)).add(candidate);
        }
        Map<String, List<IsrcOrder.Candidate>> groups = new LinkedHashMap<>(Assembler.capacity(found.size()));
        for (String isrc : wanted) {
            List<IsrcOrder.Candidate> group = found.get(isrc);
            if (group != null) {
                group.sort(IsrcOrder.BEST_FIRST);
                groups.put(isrc, group);
            }
        }
        return groups;
    }

    @Override
    public Optional<List<Track>> albumTracks(String albumId) {
        if (albumId == null) {
            return Optional.empty();
        }
        return read(a -> {
            Long albumRowid = a.albumRowid(albumId);
            if (albumRowid == null) {
                return Optional.empty();
            }
            List<TrackRow> rows = a.albumTrackRows(albumRowid);
            rows.sort(AlbumOrder.TRACK_LISTING);
            return Optional.of(List.copyOf(a.tracks(rows, false)));
        });
    }

    /** Tracks by rowid, in the order given, missing rowids skipped (for the search index). */
    public List<Track> tracksByRowids(long[] rowids) {
        Set<Long> wanted = distinct(rowids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return read(a -> tracksByRowids(a, rowids, wanted));
    }

    /** Artists by rowid, in the order given, missing rowids skipped. */
    public List<Artist> artistsByRowids(long[] rowids) {
        Set<Long> wanted = distinct(rowids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return read(a -> artistsByRowids(a, rowids, wanted));
    }

    /** Albums by rowid, in the order given, missing rowids skipped. */
    public List<Album> albumsByRowids(long[] rowids) {
        Set<Long> wanted = distinct(rowids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return read(a -> albumsByRowids(a, rowids, wanted));
    }

    private static List<Track> tracksByRowids(Assembler a, long[] order, Set<Long> wanted) throws SQLException {
        List<TrackRow> rows = a.trackRows(Sql.TRACKS_BY_ROWID, KeySet.ofLongs(wanted));
        List<Track> tracks = a.tracks(rows, true);
        Map<Long, Track> byRowid = new HashMap<>(Assembler.capacity(rows.size()));
        for (int i = 0; i < rows.size(); i++) {
            byRowid.put(rows.get(i).rowid(), tracks.get(i));
        }
        return inOrder(order, byRowid);
    }

    private static List<Artist> artistsByRowids(Assembler a, long[] order, Set<Long> wanted) throws SQLException {
        return inOrder(order, a.artists(a.artistRows(Sql.ARTISTS_BY_ROWID, KeySet.ofLongs(wanted))));
    }

    private static List<Album> albumsByRowids(Assembler a, long[] order, Set<Long> wanted) throws SQLException {
        return inOrder(order, a.albums(a.albumRows(Sql.ALBUMS_BY_ROWID, KeySet.ofLongs(wanted))));
    }

    // ---- search (fallback without the search index)

    /** @throws dev.musicmeta.catalog.SearchTimeoutException when the scan runs past the budget */
    @Override
    public Page<Track> searchTracks(SearchRequest request) {
        return search(Sql.SEARCH_TRACKS, request, SqliteCatalog::tracksByRowids);
    }

    /** @throws dev.musicmeta.catalog.SearchTimeoutException when the scan runs past the budget */
    @Override
    public Page<Artist> searchArtists(SearchRequest request) {
        return search(Sql.SEARCH_ARTISTS, request, SqliteCatalog::artistsByRowids);
    }

    /** @throws dev.musicmeta.catalog.SearchTimeoutException when the scan runs past the budget */
    @Override
    public Page<Album> searchAlbums(SearchRequest request) {
        return search(Sql.SEARCH_ALBUMS, request, SqliteCatalog::albumsByRowids);
    }

    private interface Hydrator<T> {
        List<T> load(Assembler a, long[] order, Set<Long> wanted) throws SQLException;
    }

    private <T> Page<T> search(Sql sql, SearchRequest request, Hydrator<T> hydrator) {
        Objects.requireNonNull(request, "request");
        acquireSearchPermit();
        try {
            return read(a -> {
                FallbackSearch.Hits hits = FallbackSearch.run(a.session(), sql, request, options.searchBudget());
                long[] order = new long[hits.rowids().size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = hits.rowids().get(i);
                }
                List<T> items = order.length == 0 ? List.of() : hydrator.load(a, order, distinct(order));
                return new Page<>(items, request.limit(), request.offset(), hits.total());
            });
        } finally {
            searches.release();
        }
    }

    private void acquireSearchPermit() {
        try {
            if (!searches.tryAcquire(options.acquireTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new CatalogUnavailableException("every search slot is busy with searches without the"
                        + " search index", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("interrupted while waiting for a search slot", e);
        }
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
        return warnings;
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

    /** Hits and misses of the artist and album caches. */
    public CatalogCacheStats cacheStats() {
        return caches.stats();
    }

    /** Closes the connections; requests still running finish first on theirs. */
    @Override
    public void close() {
        pool.close();
    }

    // ---- plumbing

    /** The pool, for tests that need to hold a connection. */
    SessionPool pool() {
        return pool;
    }

    private interface Work<T> {
        T run(Assembler assembler) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        Session session = pool.acquire();
        try {
            return work.run(new Assembler(session, caches));
        } catch (SQLException e) {
            session.discardStatements();
            throw new CatalogUnavailableException("reading the catalog failed: "
                    + FileChecks.oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            session.discardStatements();
            throw e;
        } finally {
            pool.release(session);
        }
    }

    private static List<String> distinct(Collection<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(Assembler.capacity(keys.size()));
        for (String key : keys) {
            if (key != null) {
                out.add(key);
            }
        }
        return new ArrayList<>(out);
    }

    private static Set<Long> distinct(long[] keys) {
        if (keys == null || keys.length == 0) {
            return Set.of();
        }
        Set<Long> out = new LinkedHashSet<>(Assembler.capacity(keys.length));
        for (long key : keys) {
            out.add(key);
        }
        return out;
    }

    /** One row per key, the lowest rowid (a key should be unique; the real data may disagree). */
    private static <R> List<R> lowestRowidPerKey(List<R> rows, Function<R, String> key, ToLongFunction<R> rowid) {
        Map<String, R> lowest = new LinkedHashMap<>(Assembler.capacity(rows.size()));
        for (R row : rows) {
            lowest.merge(key.apply(row), row, (a, b) -> rowid.applyAsLong(a) <= rowid.applyAsLong(b) ? a : b);
        }
        return lowest.size() == rows.size() ? rows : new ArrayList<>(lowest.values());
    }

    private static <T> Map<String, T> inOrder(List<String> keys, Map<String, T> found) {
        Map<String, T> out = new LinkedHashMap<>(Assembler.capacity(found.size()));
        for (String key : keys) {
            T value = found.get(key);
            if (value != null) {
                out.put(key, value);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static <T> List<T> inOrder(long[] keys, Map<Long, T> found) {
        List<T> out = new ArrayList<>(keys.length);
        for (long key : keys) {
            T value = found.get(key);
            if (value != null) {
                out.add(value);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
