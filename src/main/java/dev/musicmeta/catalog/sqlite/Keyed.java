package dev.musicmeta.catalog.sqlite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The keys of a request, and its answers keyed and ordered as asked: no matching by position. */
final class Keyed {

    private Keyed() {}

    /** The keys once each, in the order given, nulls left out. */
    static List<String> distinct(Collection<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(capacity(keys.size()));
        for (String key : keys) {
            if (key != null) {
                out.add(key);
            }
        }
        return new ArrayList<>(out);
    }

    static Set<Long> distinct(long[] rowids) {
        Set<Long> out = new LinkedHashSet<>(capacity(rowids.length));
        for (long rowid : rowids) {
            out.add(rowid);
        }
        return out;
    }

    /** One row per key, the one of lowest rowid (a key should be unique; the real data may disagree). */
    static <R> Map<String, R> lowestRowidPerKey(List<R> rows, Function<R, String> key, ToLongFunction<R> rowid) {
        Map<String, R> lowest = new LinkedHashMap<>(capacity(rows.size()));
        for (R row : rows) {
            lowest.merge(key.apply(row), row, (a, b) -> rowid.applyAsLong(a) <= rowid.applyAsLong(b) ? a : b);
        }
        return lowest;
    }

    /** The value of each of {@code keys} that has one, in the order of {@code keys}. */
    static <K, V> Map<K, V> inOrder(Collection<K> keys, Function<K, V> value) {
        Map<K, V> out = new LinkedHashMap<>(capacity(keys.size()));
        for (K key : keys) {
            V v = value.apply(key);
            if (v != null) {
                out.put(key, v);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The item of each key's row, in the order of {@code keys}; keys without a row left out. */
    static <R, T> Map<String, T> inOrder(List<String> keys, Map<String, R> rows, ToLongFunction<R> rowid,
                                         Map<Long, T> items) {
        return inOrder(keys, key -> {
            R row = rows.get(key);
            return row == null ? null : items.get(rowid.applyAsLong(row));
        });
    }

    /** The items of {@code rowids} in that order, repeats kept, missing ones skipped. */
    static <T> List<T> inOrder(long[] rowids, Map<Long, T> items) {
        List<T> out = new ArrayList<>(rowids.length);
        for (long rowid : rowids) {
            T item = items.get(rowid);
            if (item != null) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The items of {@code rowids} in that order, missing ones skipped. */
    static <T> List<T> inOrder(List<Long> rowids, Map<Long, T> items) {
        List<T> out = new ArrayList<>(rowids.size());
        for (Long rowid : rowids) {
            T item = items.get(rowid);
            if (item != null) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The rows by rowid, in their order. */
    static <R> Map<Long, R> byRowid(Collection<R> rows, ToLongFunction<R> rowid) {
        Map<Long, R> out = new LinkedHashMap<>(capacity(rows.size()));
        for (R row : rows) {
            out.put(rowid.applyAsLong(row), row);
        }
        return out;
    }

    /** A HashMap/HashSet capacity that holds {@code n} entries without rehashing. */
    static int capacity(int n) {
        return (int) (n / 0.75f) + 1;
    }
}
