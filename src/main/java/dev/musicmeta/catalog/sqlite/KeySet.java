package dev.musicmeta.catalog.sqlite;

import java.util.Collection;

/**
 * Builds the JSON array bound to {@code json_each(?)}: one parameter for a set of any size, so
 * each statement shape is prepared once and reused.
 */
final class KeySet {

    private KeySet() {}

    static String ofLongs(Collection<Long> keys) {
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
    static String ofStrings(Collection<String> keys) {
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
