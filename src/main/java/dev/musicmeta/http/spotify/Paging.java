package dev.musicmeta.http.spotify;

import java.util.List;

/**
 * One page in Spotify's paging object: its items, and absolute links to itself and its
 * neighbours ({@code null} where there is none).
 *
 * @param total the number of items in the whole list
 */
record Paging<T>(String href, List<T> items, int limit, String next, int offset, String previous, long total) {

    Paging {
        items = List.copyOf(items);
    }

    /** The address of the page of the same list at {@code offset} with {@code limit} items. */
    @FunctionalInterface
    interface Address {
        String of(int offset, int limit);
    }

    /**
     * A page of a list of {@code total} items: {@code next} while items remain after it, unless
     * that page would start past {@code maxOffset}; {@code previous} unless it is the first.
     */
    static <T> Paging<T> of(List<T> items, int offset, int limit, long total, int maxOffset, Address address) {
        long nextOffset = (long) offset + limit;
        String next = nextOffset < total && nextOffset <= maxOffset ? address.of((int) nextOffset, limit) : null;
        String previous = offset > 0 ? address.of(Math.max(0, offset - limit), limit) : null;
        return new Paging<>(address.of(offset, limit), items, limit, next, offset, previous, total);
    }
}
