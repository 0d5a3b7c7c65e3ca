package dev.musicmeta.catalog;

import java.util.List;

/**
 * Every item of the catalog, page by page, read and assembled by the same code that answers
 * lookups: what the search index is built from. A value therefore means the same in a ranking
 * as in an answer (a popularity of 150, served as {@code null}, ranks as {@code null}). An item
 * holds only what a search index reads, each value as served, the rest {@code null} or empty:
 * a track its id, name, ISRC, explicit flag, popularity, artists and album (the album's id,
 * name, release date and UPC only); an album its id,
 * name, type, release date, UPC, popularity and artists; an artist its id, name, followers and
 * genres (so no images, copyrights, preview urls, track numbers or track_files values). A page
 * is a range of rowids, so pages can be read in any order and on several threads at once; each
 * costs a fixed number of statements and holds only itself, so a reader of the whole catalog
 * keeps bounded memory. Thread-safe.
 *
 * @throws CatalogUnavailableException from any method, when the files cannot be read
 */
public interface CatalogScan {

    /**
     * One item and what a search index needs beside it.
     *
     * @param rowid its row's rowid, the key a {@link Searcher} answers with
     * @param rank  what it ranks by after relevance, as the API serves such a value: the
     *              popularity of a track or album (0 to 100), the followers of an artist (at
     *              least 0); {@code null} where the catalog holds NULL or a value out of range
     */
    record RankedItem<T>(long rowid, T item, Long rank) {}

    /**
     * What identifies the content the scan reads, whatever the files' paths or times: an index
     * built from the scan records it, to tell later whether it still matches the catalog served.
     * Null when unknown.
     */
    default String fingerprint() {
        return null;
    }

    /** The largest rowid of the kind's table (0 when it is empty): where a scan ends. */
    long maxRowid(SearchKind kind);

    /** The tracks whose rowid is above {@code after} and at most {@code last}, in rowid order, with their albums. */
    List<RankedItem<Track>> tracksInRange(long after, long last);

    /** The albums whose rowid is above {@code after} and at most {@code last}, in rowid order. */
    List<RankedItem<Album>> albumsInRange(long after, long last);

    /** The artists whose rowid is above {@code after} and at most {@code last}, in rowid order. */
    List<RankedItem<Artist>> artistsInRange(long after, long last);
}
