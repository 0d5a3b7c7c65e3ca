/**
 * The {@link dev.musicmeta.catalog.Catalog} over the snapshot's SQLite files:
 * {@link dev.musicmeta.catalog.sqlite.SqliteCatalog#open} checks the files and opens a fixed
 * pool of read-only connections; {@link dev.musicmeta.catalog.sqlite.SqliteOptions} tunes it.
 *
 * <p>A lookup, top to bottom: {@code SqliteCatalog} borrows a connection
 * ({@code SessionPool.read}) and asks {@code Fetch} for the rows of its keys: one statement of
 * {@code Sql}, whose select list and row reader live side by side in the row's class
 * ({@code StoredTrack}, {@code StoredAlbum}, {@code StoredArtist}, {@code IsrcCandidate}). Each
 * item comes back as one JSON array holding its row and its child rows, its values read by the
 * rules of {@code Values}. {@code Loader} then loads what those rows refer to, with one
 * statement per kind of item for all items at once (albums, then the artists of the tracks and
 * albums together), through the Caffeine caches of assembled albums and artists, and
 * {@code Assembler} turns the rows into records from maps keyed by rowid. So a track lookup runs
 * the same three statements for one artist or ten, and a batch of 400 tracks the same three as
 * a batch of one.
 *
 * <p>Keys are bound as themselves ({@code = ?}) when there is one and as one JSON array
 * ({@code IN (SELECT value FROM json_each(?))}) when there are several; each statement is
 * prepared in both forms, and with or without track_files attached, from parameters.
 *
 * <p>Searches: the {@link dev.musicmeta.catalog.Searcher} the catalog was opened with (the
 * search index) finds rowids, or {@code FallbackSearch} scans the names in SQLite; either way
 * {@code SqliteCatalog} turns the hits into items in one place. The scan the index is built
 * from ({@link dev.musicmeta.catalog.CatalogScan}) reads pages of each table by rowid through
 * the same rows, readers and assembly as a lookup, each row's select list in its index-only
 * variant ({@code Columns.INDEXED}: NULL in place of what the index never reads) and with
 * caches of its own, so such items are never served; a page of tracks reads its credits in one
 * range statement beside the rows rather than a subquery per row ({@code StoredTrack}).
 *
 * <p>Reading is defensive: every column may hold NULL or a value of the wrong type; those read
 * as {@code null} (text as stored, counts only when they are non-negative integers, popularity
 * only within 0 to 100), references to missing rows are skipped, and JSON in track_files is
 * checked before it is passed on.
 *
 * <p>Nothing is written: connections open the files as {@code mode=ro} (by default also
 * {@code immutable=1}) URIs with {@code query_only} set, so SQLite creates no journal, WAL, shm
 * or lock file.
 */
package dev.musicmeta.catalog.sqlite;
