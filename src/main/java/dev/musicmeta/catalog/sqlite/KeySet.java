package dev.musicmeta.catalog.sqlite;

import java.util.Collection;

/**
 * The keys a statement looks up. Several keys are bound as one JSON array read by
 * {@code json_each(?)}: one parameter for a set of any size, so each statement shape is prepared
 * once and reused. A single key (the common case: one id per request) is bound as itself to the
 * statement's {@code = ?} form, which spares SQLite building and probing the json_each table.
 *
 * @param single the only key (a {@link Long} or a {@link String}), or {@code null} for a set
 * @param array  the keys as a JSON array, or {@code null} for a single key
 */
record KeySet(Object single, String array) {

    static KeySet ofLongs(Collection<Long> keys) {
        return keys.size() == 1 ? new KeySet(keys.iterator().next(), null) : new KeySet(null, arrayOfLongs(keys));
    }

    /** Null entries are left out. */
    static KeySet ofStrings(Collection<String> keys) {
        if (keys.size() == 1 && keys.iterator().next() != null) {
            return new KeySet(keys.iterator().next(), null);
        }
        return new KeySet(null, arrayOfStrings(keys));
    }

    static String arrayOfLongs(Collection<Long> keys) {
        StringBuilder out = new StringBuilder(2 + keys.size() * 11).append('[');
        boolean first = true;
        for (Long key : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(key.longValue());
        }
        return out.append(']').toString();
    }

    /** Null entries are left out. */
    static String arrayOfStrings(Collection<String> keys) {
        StringBuilder out = new StringBuilder(2 + keys.size() * 25).append('[');
        boolean first = true;
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            appendQuoted(out, key);
        }
        return out.append(']').toString();
    }

    private static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
