package dev.musicmeta.catalog;

/**
 * Parses Spotify ids: 22 characters of {@code [0-9A-Za-z]}, or a {@code spotify:<kind>:<id>} URI
 * of the expected kind.
 */
public final class SpotifyIds {

    public static final int LENGTH = 22;

    private SpotifyIds() {}

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

    /** Whether {@code input} is an id or URI of {@code kind}. */
    public static boolean isValid(String input, IdKind kind) {
        return problem(input, kind) == null;
    }

    /** The bare id of an input that {@link #isValid} accepted. */
    public static String bare(String input) {
        return input.length() == LENGTH ? input : input.substring(input.length() - LENGTH);
    }

    private static String problem(String input, IdKind kind) {
        String accepted = (kind == IdKind.TRACK ? "a " : "an ") + kind.uriName()
                + " id is 22 characters of 0-9, A-Z and a-z, or a URI spotify:" + kind.uriName() + ":<id>";
        if (input == null || input.isEmpty()) {
            return "missing " + kind.uriName() + " id: " + accepted;
        }
        String id = input;
        if (input.startsWith("spotify:")) {
            int colon = input.indexOf(':', "spotify:".length());
            if (colon < 0) {
                return "not a Spotify URI: " + accepted;
            }
            String uriKind = input.substring("spotify:".length(), colon);
            if (uriKind.isEmpty()) {
                return "not a Spotify URI: " + accepted;
            }
            if (!uriKind.equals(kind.uriName())) {
                return "a spotify:" + printable(uriKind) + " URI is not accepted here: " + accepted;
            }
            id = input.substring(colon + 1);
        }
        if (id.length() != LENGTH || !isBase62(id)) {
            return "malformed " + kind.uriName() + " id: " + accepted;
        }
        return null;
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
