package dev.musicmeta.search;

import java.util.Locale;

/**
 * The title of a name as people know and type it: without a trailing version ("Night - Radio
 * Edit", "Heart - Remastered 2007") and without a trailing list of featured artists ("Honey
 * (feat. Mia Scott)"), which catalogs append to the title. The featured artists are credited on
 * the track anyway; the version words stay searchable in their own field ({@link Fields#VERSION}).
 */
final class Titles {

    private static final String[] FEATURING = {"feat. ", "feat ", "ft. ", "featuring ", "with "};

    private Titles() {}

    /** The title of {@code name}: the name itself when it has no such suffix, never blank. */
    static String base(String name) {
        int end = versionStart(name);
        String title = name.substring(0, end).stripTrailing();
        int featuring = featuringStart(title);
        if (featuring > 0) {
            title = title.substring(0, featuring).stripTrailing();
        }
        return title.isBlank() ? name : title;
    }

    /**
     * Where a trailing " - version" starts: the first " - " after the last bracket, so that a
     * dash inside "(feat. A - B)" is not taken for one; the length when there is none.
     */
    private static int versionStart(String name) {
        int lastBracket = Math.max(Math.max(name.lastIndexOf('('), name.lastIndexOf(')')),
                Math.max(name.lastIndexOf('['), name.lastIndexOf(']')));
        int dash = name.indexOf(" - ", lastBracket + 1);
        return dash < 0 ? name.length() : dash;
    }

    /** Where a trailing "(feat. ...)" or "[feat. ...]" starts, or -1. */
    private static int featuringStart(String title) {
        if (title.isEmpty()) {
            return -1;
        }
        char close = title.charAt(title.length() - 1);
        char open = close == ')' ? '(' : close == ']' ? '[' : 0;
        if (open == 0) {
            return -1;
        }
        int start = title.lastIndexOf(open);
        if (start <= 0) {
            return -1;
        }
        String inside = title.substring(start + 1).toLowerCase(Locale.ROOT);
        for (String word : FEATURING) {
            if (inside.startsWith(word)) {
                return start;
            }
        }
        return -1;
    }
}
