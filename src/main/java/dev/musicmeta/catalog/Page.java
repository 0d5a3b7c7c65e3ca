package dev.musicmeta.catalog;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total the number of matches, or {@code null} where the engine cannot count them cheaply
 */
public record Page<T>(List<T> items, int limit, int offset, Long total) {

    public Page {
        items = List.copyOf(items);
    }
}
