/**
 * The {@link dev.musicmeta.catalog.Catalog} over the snapshot's SQLite files:
 * {@link dev.musicmeta.catalog.sqlite.SqliteCatalog#open} checks the files and opens a fixed
 * pool of read-only connections; {@link dev.musicmeta.catalog.sqlite.SqliteOptions} tunes it.
 *
 * <p>How a request runs: it borrows one connection, looks up its keys (ids, ISRCs, rowids) in
 * one statement, then loads what those rows need with one statement per kind of item for all
 * items at once: tracks (with their credits and track_files values), then albums (with their
 * images and own artists), then artists (with their genres and images). Each item comes back as
 * one JSON array holding its row and its child rows, and each statement takes its keys as one
 * JSON array ({@code IN (SELECT value FROM json_each(?))}). So a track lookup runs the same
 * three statements for one artist or ten, and a batch of 400 tracks runs the same three as a
 * batch of one. Assembled artists and albums are cached by rowid.
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
