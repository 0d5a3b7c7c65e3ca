package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.SpotifyIds;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strictly read query string or form body ({@code application/x-www-form-urlencoded}, the same
 * encoding): bad percent-encoding and a parameter given twice are the client's 400, and numbers
 * out of range are refused, never clamped. Unknown parameters are ignored, as Spotify ignores them.
 */
final class Params {

    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    static Params parse(String raw) {
        Map<String, List<String>> values = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                }
            }
        }
        return new Params(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SpotifyException.badRequest(
                    "the parameters are not validly percent-encoded: write % only as %25 and encode text as UTF-8");
        }
    }

    /** The one value of {@code name}, or null when absent. */
    String single(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.size() > 1) {
            throw SpotifyException.badRequest(name + " is given " + v.size() + " times; give it once");
        }
        return v.get(0);
    }

    /** The value of a required parameter. */
    String required(String name, String what) {
        String value = single(name);
        if (value == null || value.isEmpty()) {
            throw SpotifyException.badRequest(name + " is required: " + what);
        }
        return value;
    }

    /** An integer from {@code min} to {@code max}, {@code absent} when not given. */
    int integer(String name, int absent, int min, int max) {
        String value = single(name);
        if (value == null) {
            return absent;
        }
        String rule = name + " must be an integer from " + min + " to " + max;
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SpotifyException.badRequest(rule + "; it is " + printable(value));
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw SpotifyException.badRequest(rule + "; it is " + n);
        }
        return n;
    }

    /**
     * The bare ids of {@code ids}: 1 to {@code max} ids, URIs or links of {@code kind},
     * comma-separated, in the order given (repeats kept, as Spotify answers them).
     */
    List<String> ids(IdKind kind, int max) {
        String raw = required("ids", "a comma-separated list of 1 to " + max + " " + kind.uriName() + " ids");
        String[] parts = raw.split(",", -1);
        if (parts.length > max) {
            throw SpotifyException.badRequest("too many ids: at most " + max + " " + kind.uriName()
                    + " ids a request; this one has " + parts.length);
        }
        List<String> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            ids.add(id(part.strip(), kind));
        }
        return ids;
    }

    /** The bare id of one id, URI or link of {@code kind}. */
    static String id(String input, IdKind kind) {
        try {
            return SpotifyIds.parse(input, kind);
        } catch (IllegalArgumentException e) {
            throw SpotifyException.badRequest("invalid id: " + e.getMessage());
        }
    }

    static String printable(String s) {
        String cut = s.length() > 20 ? s.substring(0, 20) + "…" : s;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
