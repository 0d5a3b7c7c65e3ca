package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.keys;
import static dev.musicmeta.catalog.sqlite.SqlText.rowidRange;

/**
 * Every statement the catalog runs after start-up, prepared once per connection. Each is built
 * from parameters: whether track_files is attached (as {@code tf}) and, for a statement that
 * looks up keys, whether it takes a single key ({@code = ?}) or a set of them bound as one JSON
 * array ({@code IN (SELECT value FROM json_each(?))}, one prepared shape for any number of keys,
 * and the planner still probes the index once per key). The rows' select lists are beside their
 * readers ({@link StoredTrack}, {@link StoredAlbum}, {@link StoredArtist}, {@link IsrcCandidate}).
 * Columns are always named: the real files carry more columns than the service reads.
 */
enum Sql {

    TRACKS_BY_ID(true, (trackFiles, keys) -> StoredTrack.select(trackFiles) + " WHERE t.id" + keys),
    TRACKS_BY_ROWID(true, (trackFiles, keys) -> StoredTrack.select(trackFiles) + " WHERE t.rowid" + keys),
    TRACKS_BY_ISRC(true, (trackFiles, keys) -> IsrcCandidate.select(trackFiles) + " WHERE t.external_id_isrc" + keys),
    TRACKS_BY_ALBUM(false, (trackFiles, keys) -> StoredTrack.select(trackFiles) + " WHERE t.album_rowid = ?"),

    ARTISTS_BY_ID(true, (trackFiles, keys) -> StoredArtist.SELECT + " WHERE ar.id" + keys),
    ARTISTS_BY_ROWID(true, (trackFiles, keys) -> StoredArtist.SELECT + " WHERE ar.rowid" + keys),

    ALBUM_ROWID_BY_ID(false, (trackFiles, keys) -> "SELECT rowid FROM albums WHERE id = ?"),
    ALBUMS_BY_ID(true, (trackFiles, keys) -> StoredAlbum.SELECT + " WHERE a.id" + keys),
    ALBUMS_BY_ROWID(true, (trackFiles, keys) -> StoredAlbum.SELECT + " WHERE a.rowid" + keys),

    // Pages of a whole table by rowid range, for the search index builder (CatalogScan).
    TRACKS_IN_RANGE(false, (trackFiles, keys) -> StoredTrack.select(trackFiles) + rowidRange("t")),
    ALBUMS_IN_RANGE(false, (trackFiles, keys) -> StoredAlbum.SELECT + rowidRange("a")),
    ARTISTS_IN_RANGE(false, (trackFiles, keys) -> StoredArtist.SELECT + rowidRange("ar")),
    LAST_TRACK_ROWID(false, (trackFiles, keys) -> "SELECT max(rowid) FROM tracks"),
    LAST_ALBUM_ROWID(false, (trackFiles, keys) -> "SELECT max(rowid) FROM albums"),
    LAST_ARTIST_ROWID(false, (trackFiles, keys) -> "SELECT max(rowid) FROM artists"),

    // Fallback searches scan by design: without the search index there is nothing to seek.
    SEARCH_TRACKS(false, (trackFiles, keys) -> FallbackSearch.scan("tracks", "popularity")),
    SEARCH_ARTISTS(false, (trackFiles, keys) -> FallbackSearch.scan("artists", "followers_total")),
    SEARCH_ALBUMS(false, (trackFiles, keys) -> FallbackSearch.scan("albums", "popularity"));

    /** The text of a statement for a connection with or without track_files, given its key match. */
    private interface Text {
        String of(boolean trackFiles, String keyMatch);
    }

    private final boolean takesKeys;
    private final Text text;

    Sql(boolean takesKeys, Text text) {
        this.takesKeys = takesKeys;
        this.text = text;
    }

    /** Whether the statement looks up a set of keys, and so has a form for a single key. */
    boolean takesKeySet() {
        return takesKeys;
    }

    /**
     * The statement as prepared: for a set of keys or, if {@code singleKey}, for one key bound as
     * itself; for a connection with or without track_files.
     */
    String text(boolean trackFiles, boolean singleKey) {
        return text.of(trackFiles, takesKeys ? keys(singleKey) : null);
    }
}
