package dev.musicmeta.catalog;

import java.util.Locale;

/**
 * Parses Spotify ids as people paste them: 22 characters of {@code [0-9A-Za-z]}, a
 * {@code spotify:<kind>:<id>} URI, or an {@code open.spotify.com/<kind>/<id>} link (with or
 * without {@code https://} or {@code http://}, with or without an {@code intl-xx/} segment, with
 * or without a query string or fragment such as {@code ?si=...}), each of the expected kind.
 * Input arrives already percent-decoded (a link in a path segment is sent encoded).
 */
public final class SpotifyIds {

    public static final int LENGTH = 22;

    /** The host of Spotify's web player links. */
    public static final String OPEN_HOST = "open.spotify.com";

    private SpotifyIds() {}

    /** An input taken apart: the kind it names ({@code null} for a bare id) and its id part. */
    private record Parts(String kind, String id, String problem) {}

    /**
     * Returns the bare base62 id of {@code input}.
     *
     * @throws IllegalArgumentException with a message for the client that says what is accepted
     */
    public static String parse(String input, IdKind kind) {
        String error = problem(input, kind);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        return bare(input);
    }

    /** The bare id of {@code input}, or {@code null} when it is not an id, URI or link of {@code kind}. */
    public static String tryParse(String input, IdKind kind) {
        return isValid(input, kind) ? bare(input) : null;
    }

    /** Whether {@code input} is an id, URI or link of {@code kind}. */
    public static boolean isValid(String input, IdKind kind) {
        return problem(input, kind) == null;
    }

    /** The bare id of an input that {@link #isValid} accepted. */
    public static String bare(String input) {
        return input.length() == LENGTH ? input : parts(input).id();
    }

    private static String problem(String input, IdKind kind) {
        String accepted = (kind == IdKind.TRACK ? "a " : "an ") + kind.uriName()
                + " id is 22 characters of 0-9, A-Z and a-z, or a URI spotify:" + kind.uriName()
                + ":<id>, or a link https://" + OPEN_HOST + "/" + kind.uriName() + "/<id>";
        if (input == null || input.isEmpty()) {
            return "missing " + kind.uriName() + " id: " + accepted;
        }
        Parts parts = parts(input);
        if (parts.problem() != null) {
            return parts.problem() + ": " + accepted;
        }
        if (parts.kind() != null && !parts.kind().equals(kind.uriName())) {
            String what = input.startsWith("spotify:") ? "a spotify:" + printable(parts.kind()) + " URI"
                    : "an " + OPEN_HOST + "/" + printable(parts.kind()) + " link";
            return what + " is not accepted here: " + accepted;
        }
        if (parts.id().length() != LENGTH || !isBase62(parts.id())) {
            return "malformed " + kind.uriName() + " id: " + accepted;
        }
        return null;
    }

    private static Parts parts(String input) {
        if (input.startsWith("spotify:")) {
            int colon = input.indexOf(':', "spotify:".length());
            if (colon < 0 || colon == "spotify:".length()) {
                return new Parts(null, input, "not a Spotify URI");
            }
            return new Parts(input.substring("spotify:".length(), colon), input.substring(colon + 1), null);
        }
        String rest = withoutScheme(input);
        if (!startsWithIgnoreCase(rest, OPEN_HOST + "/")) {
            return new Parts(null, input, null); // a bare id, well-formed or not
        }
        String path = rest.substring(OPEN_HOST.length() + 1);
        int end = firstOf(path, '?', '#');
        path = path.substring(0, end);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] segments = path.split("/", -1);
        int first = segments.length == 3 && isIntl(segments[0]) ? 1 : 0;
        if (segments.length - first != 2 || segments[first].isEmpty()) {
            return new Parts(null, input, "not a link to a Spotify item");
        }
        return new Parts(segments[first].toLowerCase(Locale.ROOT), segments[first + 1], null);
    }

    private static String withoutScheme(String input) {
        for (String scheme : new String[] {"https://", "http://"}) {
            if (startsWithIgnoreCase(input, scheme)) {
                return input.substring(scheme.length());
            }
        }
        return input;
    }

    /** A localized site's segment: {@code intl-de}, {@code intl-pt}, {@code intl-zh-TW}. */
    private static boolean isIntl(String segment) {
        if (!startsWithIgnoreCase(segment, "intl-") || segment.length() > "intl-".length() + 8) {
            return false;
        }
        String locale = segment.substring("intl-".length());
        return locale.length() >= 2 && locale.chars().allMatch(c -> c == '-' || (c < 128 && Character.isLetter(c)));
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static int firstOf(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean isBase62(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
