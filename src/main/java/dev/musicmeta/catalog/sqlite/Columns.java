package dev.musicmeta.catalog.sqlite;

/**
 * Which values a row's select list reads: every one the API serves, or only those the search
 * index holds and ranks by. The index-only list keeps every position and selects NULL in place
 * of what the index never reads (images, copyrights, preview urls, track numbers and the like),
 * so the same reader reads both and a value means the same in a ranking as in an answer; the
 * index builder is spared the child tables those values come from (images, track_files).
 */
enum Columns {

    /** Every value the API serves. */
    SERVED,
    /** What an item's own index document holds. */
    INDEXED,
    /** What a track's index document holds of its album: id, name, release date and UPC. */
    INDEXED_ON_TRACK;

    /** {@code value} where every served value is read, NULL where only the index's are. */
    String servedOnly(String value) {
        return this == SERVED ? value : "NULL";
    }

    /** {@code value}, but NULL for an album read for a track's index document. */
    String notOnTrack(String value) {
        return this == INDEXED_ON_TRACK ? "NULL" : value;
    }
}
