package dev.musicmeta.catalog.sqlite;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the fallback scan asks SQLite before it calls {@link NameMatchFunction}: a test in C that
 * every name the function would match passes, so that only those few names cross into Java.
 * Without it the scan calls into Java once per row, several times slower than a plain
 * {@code LIKE} scan of the same rows.
 *
 * <p>A name matches when its {@link TextFold fold} contains the folded query. The chars of the fold
 * that make up the match come from chars of the name (or from a decomposed sequence that NFC
 * composes); {@link #SOURCES} lists, for each char of a fold, every char of a name it can come
 * from: the chars whose fold holds it, and the combining marks (Hangul jamo) of their canonical
 * decomposition, one of which any decomposed spelling of them holds. So:
 * <ul>
 *   <li>an ASCII query matches where SQLite's {@code LIKE '%query%'} (ASCII case-insensitive) does,
 *       or where the name holds one of the few other chars that fold to one of the query's chars
 *       (a ligature, ſ, ß, the Kelvin sign...): {@code name GLOB '*[those]*'};</li>
 *   <li>any other query only where the name holds a char that can give one of its chars: the
 *       char of the query with the fewest such sources, none of them ASCII (CJK, Hangul, Cyrillic
 *       letters, accented letters); when every char has an ASCII source, every name is tested.</li>
 * </ul>
 * The test may pass names that do not match (the function then says so); it never drops one that
 * does.
 */
record ScanFilter(String like, String glob) {

    /** Lets every name through. */
    static final ScanFilter ALL = new ScanFilter("%", null);

    /** For each char of a fold (BMP), the chars of a name that can give it, itself included. */
    private static final Map<Character, TreeSet<Character>> SOURCES = sources();

    private static Map<Character, TreeSet<Character>> sources() {
        Map<Character, TreeSet<Character>> sources = new TreeMap<>();
        for (int cp = 0; cp <= 0xFFFF; cp++) {
            if (Character.isSurrogate((char) cp) || !Character.isDefined(cp)) {
                continue;
            }
            char c = (char) cp;
            String folded = TextFold.fold(String.valueOf(c));
            // Any other spelling of c that NFC composes back holds one of the marks of its NFD.
            String marks = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).substring(1);
            for (int i = 0; i < folded.length(); i++) {
                TreeSet<Character> set = sources.computeIfAbsent(folded.charAt(i), k -> new TreeSet<>());
                set.add(c);
                for (int j = 0; j < marks.length(); j++) {
                    set.add(marks.charAt(j));
                }
            }
        }
        return sources;
    }

    /** The filter for a query already folded ({@link TextFold#fold}). */
    static ScanFilter of(String foldedQuery) {
        if (foldedQuery.isEmpty()) {
            return ALL;
        }
        boolean ascii = foldedQuery.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            TreeSet<Character> others = new TreeSet<>();
            for (int i = 0; i < foldedQuery.length(); i++) {
                for (char source : SOURCES.getOrDefault(foldedQuery.charAt(i), new TreeSet<>())) {
                    if (source >= 0x80) {
                        others.add(source);
                    }
                }
            }
            return new ScanFilter("%" + escapeLike(foldedQuery) + "%", others.isEmpty() ? null : glob(others));
        }
        TreeSet<Character> best = null;
        for (int i = 0; i < foldedQuery.length(); i++) {
            char c = foldedQuery.charAt(i);
            TreeSet<Character> sources = Character.isSurrogate(c) ? null : SOURCES.get(c);
            if (sources == null || sources.first() < 0x80) {
                continue; // unknown, or given by an ASCII char too: no help
            }
            if (best == null || sources.size() < best.size()) {
                best = sources;
            }
        }
        return best == null ? ALL : new ScanFilter(null, glob(best));
    }

    /**
     * {@code *c*}, or {@code *[chars]*} for more than one (SQLite matches a class at about half the
     * speed of a char); none of them is special to GLOB, all being past ASCII.
     */
    private static String glob(TreeSet<Character> chars) {
        if (chars.size() == 1) {
            return "*" + chars.first() + "*";
        }
        List<Character> list = new ArrayList<>(chars);
        StringBuilder out = new StringBuilder("*[");
        list.forEach(out::append);
        return out.append("]*").toString();
    }

    /** The query as a LIKE pattern with escape char {@code \}. */
    static String escapeLike(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
