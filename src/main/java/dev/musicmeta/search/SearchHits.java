package dev.musicmeta.search;

/**
 * One page of index hits: catalog rowids in result order.
 *
 * @param total the number of matches when counted exactly, else {@code null}
 */
public record SearchHits(long[] rowids, Long total) {

    static final SearchHits NONE = new SearchHits(new long[0], 0L);
}
