package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.catalog.sqlite.SqlText.keys;
import static dev.musicmeta.catalog.sqlite.SqlText.rowidRange;

/**
 * Every statement the catalog runs after start-up, prepared once per connection. Each is built
 * from parameters: whether track_files is attached (as {@code tf}) and, for a statement that
 * looks up keys, whether it takes a single key ({@code = ?}) or a set of them bound as one JSON
 * array ({@code IN (SELECT value FROM json_each(?))}, one prepared shape for any number of keys,
 * and the planner still probes the index once per key). The rows' select lists are beside their
 * readers ({@link StoredTrack}, {@link StoredAlbum}, {@link StoredArtist}, {@link IsrcCandidate},
 * {@link IsrcPick}).
 * Columns are always named: the real files carry more columns than the service reads.
 */
enum Sql {

    TRACKS_BY_ID(true, (trackFiles, keys) -> StoredTrack.selectByKeys(trackFiles, "id", keys)),
    TRACKS_BY_ROWID(true, (trackFiles, keys) -> StoredTrack.select(trackFiles, Columns.SERVED) + " WHERE t.rowid" + keys),
    TRACKS_BY_ISRC(true, (trackFiles, keys) -> IsrcCandidate.select(trackFiles) + " WHERE t.external_id_isrc" + keys),
    BEST_TRACKS_BY_ISRC(true, IsrcPick::select),
    ALBUM_RELEASE_DATES(true, (trackFiles, keys) -> IsrcPick.releaseDates(keys)),
    TRACKS_BY_ALBUM(false, (trackFiles, keys) -> StoredTrack.select(trackFiles, Columns.SERVED) + " WHERE t.album_rowid = ?"),

    ARTISTS_BY_ID(true, (trackFiles, keys) -> StoredArtist.SELECT + " WHERE ar.id" + keys),
    ARTISTS_BY_ROWID(true, (trackFiles, keys) -> StoredArtist.SELECT + " WHERE ar.rowid" + keys),

    ALBUM_ROWID_BY_ID(false, (trackFiles, keys) -> "SELECT rowid FROM albums WHERE id = ?"),
    ALBUMS_BY_ID(true, (trackFiles, keys) -> StoredAlbum.SELECT + " WHERE a.id" + keys),
    ALBUMS_BY_ROWID(true, (trackFiles, keys) -> StoredAlbum.SELECT + " WHERE a.rowid" + keys),

    // Lists cut into pages: only their order keys are read whole, then the page's items by rowid.
    ALBUMS_BY_UPC(true, (trackFiles, keys) -> StoredAlbum.SELECT + " WHERE a.external_id_upc" + keys),
    ALBUM_TRACK_KEYS(true, (trackFiles, keys) -> AlbumTrackKey.SELECT + " WHERE a.id" + keys),
    ISRC_RANKS(false, (trackFiles, keys) -> IsrcRank.SELECT + " WHERE t.external_id_isrc = ?"),
    ARTIST_ROWID_BY_ID(false, (trackFiles, keys) -> "SELECT min(rowid) FROM artists WHERE id = ?"),
    ARTIST_ALBUM_CREDITS(false, (trackFiles, keys) -> ArtistCredit.SELECT),
    ARTIST_TRACK_CREDITS(false, (trackFiles, keys) -> CreditedTrack.SELECT),

    // Pages of a whole table by rowid range, for the search index builder (CatalogScan): only
    // the values the index holds (Columns.INDEXED), and so the albums and artists they refer to.
    TRACKS_IN_RANGE(false, (trackFiles, keys) -> StoredTrack.pageWithoutCredits()),
    TRACK_CREDITS_IN_RANGE(false, (trackFiles, keys) -> StoredTrack.CREDITS_IN_RANGE),
    ALBUMS_IN_RANGE(false, (trackFiles, keys) -> StoredAlbum.select(Columns.INDEXED) + rowidRange("a")),
    ARTISTS_IN_RANGE(false, (trackFiles, keys) -> StoredArtist.select(Columns.INDEXED) + rowidRange("ar")),
    INDEXED_ALBUMS_BY_ROWID(true, (trackFiles, keys) -> StoredAlbum.select(Columns.INDEXED) + " WHERE a.rowid" + keys),
    INDEXED_TRACK_ALBUMS_BY_ROWID(true, (trackFiles, keys) -> StoredAlbum.select(Columns.INDEXED_ON_TRACK)
            + " WHERE a.rowid" + keys),
    INDEXED_ARTISTS_BY_ROWID(true, (trackFiles, keys) -> StoredArtist.select(Columns.INDEXED) + " WHERE ar.rowid" + keys),
    LAST_TRACK_ROWID(false, (trackFiles, keys) -> "SELECT max(rowid) FROM tracks"),
    LAST_ALBUM_ROWID(false, (trackFiles, keys) -> "SELECT max(rowid) FROM albums"),
    LAST_ARTIST_ROWID(false, (trackFiles, keys) -> "SELECT max(rowid) FROM artists"),

    // Key filters of a fallback search: the files' indexes answer them, no scan (KeyFilter).
    FILTER_TRACKS_BY_ISRC(false, (trackFiles, keys) -> KeyFilter.select("tracks", "t.external_id_isrc = ?")),
    FILTER_TRACKS_BY_UPC(false, (trackFiles, keys) -> KeyFilter.select("tracks", "t.album_rowid IN (SELECT rowid"
            + " FROM albums WHERE external_id_upc" + SqlText.IN_KEY_SET + ")")),
    FILTER_ALBUMS_BY_UPC(false, (trackFiles, keys) -> KeyFilter.select("albums", "a.external_id_upc"
            + SqlText.IN_KEY_SET)),

    // Fallback searches scan by design: without the search index there is nothing to seek.
    SEARCH_TRACKS(false, (trackFiles, keys) -> FallbackSearch.scan("tracks", "popularity", true, false)),
    SEARCH_ARTISTS(false, (trackFiles, keys) -> FallbackSearch.scan("artists", "followers_total", false, false)),
    SEARCH_ALBUMS(false, (trackFiles, keys) -> FallbackSearch.scan("albums", "popularity", true, false)),
    // The same for a query that holds % _ or \, its LIKE patterns escaped.
    SEARCH_TRACKS_ESCAPED(false, (trackFiles, keys) -> FallbackSearch.scan("tracks", "popularity", true, true)),
    SEARCH_ARTISTS_ESCAPED(false, (trackFiles, keys) -> FallbackSearch.scan("artists", "followers_total", false, true)),
    SEARCH_ALBUMS_ESCAPED(false, (trackFiles, keys) -> FallbackSearch.scan("albums", "popularity", true, true)),
    // One part of such a scan: the rows of rowid ?15 to ?16, a range of the table's B-tree, for a
    // scan split over idle connections.
    SEARCH_TRACKS_PART(false, (trackFiles, keys) -> FallbackSearch.part("tracks", "popularity", true, false)),
    SEARCH_ARTISTS_PART(false, (trackFiles, keys) -> FallbackSearch.part("artists", "followers_total", false, false)),
    SEARCH_ALBUMS_PART(false, (trackFiles, keys) -> FallbackSearch.part("albums", "popularity", true, false)),
    SEARCH_TRACKS_PART_ESCAPED(false, (trackFiles, keys) -> FallbackSearch.part("tracks", "popularity", true, true)),
    SEARCH_ARTISTS_PART_ESCAPED(false, (trackFiles, keys) -> FallbackSearch.part("artists", "followers_total", false, true)),
    SEARCH_ALBUMS_PART_ESCAPED(false, (trackFiles, keys) -> FallbackSearch.part("albums", "popularity", true, true));

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
