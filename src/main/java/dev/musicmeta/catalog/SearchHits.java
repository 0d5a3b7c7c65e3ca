package dev.musicmeta.catalog;

/**
 * One page of a search, as a {@link Searcher} finds it: the rowids of the matching rows of the
 * kind's table, best first, and how many rows match.
 *
 * @param total the number of matches when counted exactly, else {@code null}
 */
public record SearchHits(long[] rowids, Long total) {

    public static final SearchHits NONE = new SearchHits(new long[0], 0L);
}
