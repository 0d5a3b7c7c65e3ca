package dev.musicmeta.search;

import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.search.ParsedQuery.Filter;
import dev.musicmeta.search.ParsedQuery.FilterKey;
import dev.musicmeta.search.ParsedQuery.Part;
import dev.musicmeta.search.ParsedQuery.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the search syntax: words, {@code "quoted phrases"}, and filters {@code key:value} or
 * {@code key:"quoted value"} where key is one of {@link Key} (any case). {@code key: value} with
 * a space is read as the filter too. An unknown {@code name:} is plain text ("foo:bar" is the
 * words foo and bar); a filter with no value is dropped; a quote left open runs to the end.
 * Never throws: every string is some query.
 */
final class QueryParser {

    private QueryParser() {}

    static ParsedQuery parse(String q) {
        List<Part> parts = new ArrayList<>();
        int n = q.length();
        int i = skipSpace(q, 0);
        while (i < n) {
            if (q.charAt(i) == '"') {
                int close = closingQuote(q, i + 1);
                addText(parts, q.substring(i + 1, close), true);
                i = skipSpace(q, Math.min(n, close + 1));
                continue;
            }
            int end = wordEnd(q, i);
            int colon = q.indexOf(':', i);
            FilterKey key = colon > i && colon < end ? FilterKey.of(q.substring(i, colon)) : null;
            if (key == null) {
                String word = q.substring(i, end);
                addText(parts, isLetters(q, i, colon) && colon < end ? word.replace(':', ' ') : word, false);
                i = skipSpace(q, end);
                continue;
            }
            int v = colon + 1;
            if (v >= n || isSpace(q.charAt(v))) {
                v = skipSpace(q, v); // "artist: beatles"
            }
            if (v >= n) {
                break; // "artist:" at the end: no value
            }
            if (q.charAt(v) == '"') {
                int close = closingQuote(q, v + 1);
                addFilter(parts, key, q.substring(v + 1, close), true);
                i = skipSpace(q, Math.min(n, close + 1));
            } else {
                int valueEnd = wordEnd(q, v);
                addFilter(parts, key, q.substring(v, valueEnd), false);
                i = skipSpace(q, valueEnd);
            }
        }
        return new ParsedQuery(parts);
    }

    private static void addText(List<Part> parts, String text, boolean quoted) {
        if (!text.isBlank()) {
            parts.add(new Text(text.strip(), quoted));
        }
    }

    private static void addFilter(List<Part> parts, FilterKey key, String value, boolean quoted) {
        if (!value.isBlank()) {
            parts.add(new Filter(key, value.strip(), quoted));
        }
    }

    private static boolean isLetters(String q, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(q.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int closingQuote(String q, int from) {
        int close = q.indexOf('"', from);
        return close < 0 ? q.length() : close;
    }

    private static int wordEnd(String q, int from) {
        int i = from;
        while (i < q.length() && !isSpace(q.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String q, int from) {
        int i = from;
        while (i < q.length() && isSpace(q.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return SearchRequest.isSpace(c);
    }
}
