package dev.musicmeta.search;

/**
 * The fields of the index documents. Nothing is stored: a hit is turned into a catalog row by its
 * rowid (a doc value), and the catalog answers the rest.
 */
final class Fields {

    /** The row's rowid in its table: doc value, last sort key, and how hits are hydrated. */
    static final String ROWID = "rowid";
    /** Popularity (tracks, albums) or followers (artists), -1 for NULL: doc value, sort key after relevance. */
    static final String RANK = "rank";

    /**
     * Words of the title (tracks, albums: the name without a trailing version or featured artists,
     * see {@link Titles}; artists: the name), with positions, and its number of words as the norm
     * ({@link WordCounts}).
     */
    static final String NAME = "name";
    /** Words of the rest of the name: the version ("Radio Edit") and the featured artists. */
    static final String VERSION = "version";
    /** The whole name folded into one term, for "exact match first". */
    static final String NAME_EXACT = "name_exact";
    /** The title ({@link #NAME}) folded into one term, where it differs from the name. */
    static final String TITLE_EXACT = "title_exact";
    /** Words of the credited artists' names (tracks), or the album's own artists (albums). */
    static final String ARTIST = "artist";
    /** Each of those artists' whole name folded into one term: a query of a title and an artist. */
    static final String ARTIST_EXACT = "artist_exact";
    /**
     * All the words of the text fields together (tracks: title, artists, album; albums: name,
     * artists), without positions: one field to match a word loosely (prefix, typo) in, rather
     * than one expansion per field.
     */
    static final String WORDS = "words";
    /**
     * The first {@value PrefixFilter#MIN} to {@value PrefixFilter#MAX} characters of every word of
     * {@link #WORDS} (artists: of the name) that is longer, without positions: a short last word
     * matches as a prefix through one term here.
     */
    static final String PREFIXES = "prefixes";
    /** Words of the album's name (tracks). */
    static final String ALBUM = "album";
    /** Words of the genres (artists; the artists' genres for tracks and albums). */
    static final String GENRE = "genre";
    /**
     * Release year of the album (tracks, albums): a point and a doc value, so a year range next to
     * a rarer word is checked per candidate instead of listing every document of those years.
     */
    static final String YEAR = "year";
    /** Normalized ISRC (tracks). */
    static final String ISRC = "isrc";
    /** UPC without leading zeros (albums; tracks: their album's). */
    static final String UPC = "upc";
    /** "true" or "false" (tracks); indexed for filtering, not yet in the query syntax. */
    static final String EXPLICIT = "explicit";
    /** album, single or compilation (albums); indexed for filtering, not yet in the query syntax. */
    static final String ALBUM_TYPE = "album_type";

    private Fields() {}

    /**
     * A UPC as matched: digits without leading zeros, so the 12-digit UPC-A and the 13-digit EAN
     * of one album are the same; other text upper case without spaces and hyphens. {@code null}
     * when nothing is left.
     */
    static String normalizeUpc(String upc) {
        if (upc == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(upc.length());
        boolean digits = true;
        for (int i = 0; i < upc.length(); i++) {
            char c = upc.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            digits &= c >= '0' && c <= '9';
            out.append(Character.toUpperCase(c));
        }
        if (digits) {
            int start = 0;
            while (start < out.length() - 1 && out.charAt(start) == '0') {
                start++;
            }
            out.delete(0, start);
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** The year of a release date ('1999', '1999-03', '1999-03-14'), or {@code null}. */
    static Integer year(String releaseDate) {
        if (releaseDate == null || releaseDate.length() < 4) {
            return null;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = releaseDate.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            year = year * 10 + (c - '0');
        }
        return year;
    }
}
