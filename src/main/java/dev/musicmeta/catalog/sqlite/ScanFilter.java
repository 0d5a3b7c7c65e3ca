package dev.musicmeta.catalog.sqlite;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the fallback scan asks SQLite before it ranks a name ({@link TextFold#rank}, in SQL or in
 * Java): a test in C that every name that matches passes, so that only those few names are ranked,
 * and that costs about one {@code LIKE} per row, so the scan costs about what a plain
 * {@code LIKE '%query%'} scan of the same rows does.
 *
 * <p>A name matches when its {@link TextFold fold} contains the folded query. Each char of the fold
 * comes from one char of the name in NFC, whose own fold holds it ({@code ß} gives {@code ss},
 * {@code ﬁ} gives {@code fi}, the Kelvin sign {@code k}). The test has three parts:
 * <ul>
 *   <li>{@link #runs}: a {@code LIKE} pattern of the chars of the query that only one spelling
 *       gives (ASCII letters that no other char folds into, in either case; a CJK ideograph), in
 *       order, runs of them adjacent and the rest as {@code %}: every match holds them as they
 *       are. Costs one {@code LIKE} per row and keeps out nearly every name, so the other two
 *       parts run on few rows. {@code null} when no char of the query qualifies.</li>
 *   <li>{@link #spellings}, for a query past ASCII whose chars all have several spellings
 *       (Cyrillic, Greek and Hangul fold case or compose beyond what LIKE knows, so {@link #runs}
 *       has nothing to narrow with): {@code GLOB}s of which every match passes one. The chars of
 *       the query in order from the one with the fewest spellings, each as the class of the chars
 *       whose fold is that char alone ({@code [Кк]}), once for each spelling of the first, which
 *       leads the pattern literally ({@code *к[Ии][Нн]*}, {@code *К[Ии][Нн]*}: SQLite finds a
 *       literal after {@code *} with a quick search, where a class there costs a match attempt at
 *       every char); a char that a ligature or a longer fold gives too is left to {@code *}. A
 *       name spelling a char decomposed instead ({@code к} then a breve for {@code й}, Hangul as
 *       jamo) holds one of the marks of its decomposition, each a {@code GLOB} of its own. At most
 *       {@link #SPELLINGS} of them, else none; each costs about one {@code LIKE} per row.</li>
 *   <li>{@link #like}, for a query of ASCII: {@code LIKE '%query%'}, which is the match for a name
 *       of ASCII and for any name that spells the query in ASCII.</li>
 *   <li>{@link #glob}: the names that give the query through chars past ASCII. For a query of
 *       ASCII, the chars past ASCII whose fold fits the query where it stands ({@code ß} where
 *       the query holds {@code ss}, {@code ẗ} (t and a diaeresis) only as its last letter, as the
 *       mark could not be matched); {@code null} when none does. Their decomposed spellings
 *       start with the ASCII letter, which {@code like} then finds. For any other query, the
 *       chars that can give the char of the query with the fewest such sources, none of them
 *       ASCII, and the combining marks (Hangul jamo) of their canonical decomposition, one of
 *       which any decomposed spelling holds; when every char has an ASCII source, every name
 *       past ASCII.</li>
 * </ul>
 * The test may pass names that do not match (the function then says so); it never drops one that
 * does.
 */
record ScanFilter(String like, String glob, String runs, List<String> spellings) {

    /** How many {@link #spellings} the scan's statement can take. */
    static final int SPELLINGS = 4;

    /** Lets every name through. */
    static final ScanFilter ALL = new ScanFilter("%", null, null, List.of());

    ScanFilter {
        spellings = List.copyOf(spellings);
    }

    /** The {@link #spellings}, then nulls, {@link #SPELLINGS} in all: the statement's parameters. */
    String[] spellingParameters() {
        String[] out = new String[SPELLINGS];
        for (int i = 0; i < spellings.size(); i++) {
            out[i] = spellings.get(i);
        }
        return out;
    }

    /** For each char of a fold (BMP), the chars of a name that can give it, itself included. */
    private static final Map<Character, TreeSet<Character>> SOURCES;

    /** For each ASCII char, the chars past ASCII whose fold holds it, with their fold. */
    private static final Map<Character, Map<Character, String>> ASCII_SOURCES;

    /**
     * For each char of a fold (BMP) that only chars folding to it alone give (no ligature, no
     * char that folds to more than one), those chars, itself included.
     */
    private static final Map<Character, TreeSet<Character>> CLASSES;

    /** For each char in {@link #CLASSES}, the marks of its members' canonical decompositions. */
    private static final Map<Character, TreeSet<Character>> CLASS_MARKS;

    static {
        Map<Character, TreeSet<Character>> sources = new TreeMap<>();
        Map<Character, Map<Character, String>> ascii = new HashMap<>();
        Map<Character, TreeSet<Character>> classes = new HashMap<>();
        Map<Character, TreeSet<Character>> classMarks = new HashMap<>();
        TreeSet<Character> spread = new TreeSet<>();
        for (int cp = 0; cp <= 0xFFFF; cp++) {
            if (Character.isSurrogate((char) cp) || !Character.isDefined(cp)) {
                continue;
            }
            char c = (char) cp;
            String folded = TextFold.fold(String.valueOf(c));
            // Any other spelling of c that NFC composes back holds one of the marks of its NFD.
            String marks = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).substring(1);
            for (int i = 0; i < folded.length(); i++) {
                char f = folded.charAt(i);
                TreeSet<Character> set = sources.computeIfAbsent(f, k -> new TreeSet<>());
                set.add(c);
                for (int j = 0; j < marks.length(); j++) {
                    set.add(marks.charAt(j));
                }
                if (f < 0x80 && c >= 0x80) {
                    ascii.computeIfAbsent(f, k -> new TreeMap<>()).put(c, folded);
                }
            }
            if (folded.length() == 1) {
                char f = folded.charAt(0);
                classes.computeIfAbsent(f, k -> new TreeSet<>()).add(c);
                TreeSet<Character> cMarks = classMarks.computeIfAbsent(f, k -> new TreeSet<>());
                for (int j = 0; j < marks.length(); j++) {
                    cMarks.add(marks.charAt(j));
                }
            } else {
                folded.chars().forEach(f -> spread.add((char) f));
            }
        }
        spread.forEach(classes::remove);
        classMarks.keySet().retainAll(classes.keySet());
        SOURCES = sources;
        ASCII_SOURCES = ascii;
        CLASSES = classes;
        CLASS_MARKS = classMarks;
    }

    /** The filter for a query already folded ({@link TextFold#fold}). */
    static ScanFilter of(String foldedQuery) {
        if (foldedQuery.isEmpty()) {
            return ALL;
        }
        boolean ascii = foldedQuery.chars().allMatch(c -> c < 0x80);
        return ascii ? ofAscii(foldedQuery) : ofOther(foldedQuery);
    }

    private static ScanFilter ofAscii(String q) {
        TreeSet<Character> fitting = new TreeSet<>();
        boolean[] single = new boolean[q.length()];
        for (int p = 0; p < q.length(); p++) {
            single[p] = true;
            for (Map.Entry<Character, String> source : ASCII_SOURCES.getOrDefault(q.charAt(p), Map.of()).entrySet()) {
                if (fits(q, p, source.getValue())) {
                    fitting.add(source.getKey());
                    single[p] = false;
                }
            }
        }
        String like = "%" + escapeLike(q) + "%";
        if (fitting.isEmpty()) {
            return new ScanFilter(like, null, null, List.of()); // the LIKE is the whole test
        }
        return new ScanFilter(like, glob(fitting), runs(q, single), List.of());
    }

    /**
     * Whether the fold {@code fold} of one char of a name can give the char of the query at
     * {@code p}: placed so that one of its chars is there, each of its chars that falls within
     * the query equals the query's char.
     */
    private static boolean fits(String q, int p, String fold) {
        for (int k = 0; k < fold.length(); k++) {
            if (fold.charAt(k) != q.charAt(p)) {
                continue;
            }
            boolean fits = true;
            for (int j = 0; j < fold.length() && fits; j++) {
                int at = p - k + j;
                fits = at < 0 || at >= q.length() || q.charAt(at) == fold.charAt(j);
            }
            if (fits) {
                return true;
            }
        }
        return false;
    }

    private static ScanFilter ofOther(String q) {
        TreeSet<Character> best = null;
        boolean[] single = new boolean[q.length()];
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            TreeSet<Character> sources = Character.isSurrogate(c) ? null : SOURCES.get(c);
            // One spelling only: an ASCII char no other char folds into, or a char past ASCII
            // that only itself gives and that has no decomposition.
            single[i] = c < 0x80 ? !ASCII_SOURCES.containsKey(c) : sources != null && sources.size() == 1 && sources.first() == c;
            if (sources == null || sources.first() < 0x80) {
                continue; // unknown, or given by an ASCII char too: no help
            }
            if (best == null || sources.size() < best.size()) {
                best = sources;
            }
        }
        // No char to look for: every name past ASCII (a name of ASCII cannot hold this query).
        String glob = best == null ? "*" : glob(best);
        String runs = runs(q, single);
        boolean narrow = runs != null && runs.chars().anyMatch(c -> c != '%' && !Character.isWhitespace(c));
        List<String> spellings = narrow ? List.of() : spellings(q);
        return new ScanFilter(null, glob, spellings.isEmpty() ? runs : null, spellings);
    }

    /**
     * The {@link #spellings} of a query; none when no char has a class or more than
     * {@link #SPELLINGS} would be needed.
     */
    private static List<String> spellings(String q) {
        int first = -1;
        for (int i = 0; i < q.length(); i++) {
            TreeSet<Character> members = CLASSES.get(q.charAt(i));
            if (members != null && !Character.isSurrogate(q.charAt(i))
                    && (first < 0 || members.size() < CLASSES.get(q.charAt(first)).size())) {
                first = i;
            }
        }
        if (first < 0) {
            return List.of();
        }
        StringBuilder rest = new StringBuilder();
        TreeSet<Character> marks = new TreeSet<>(CLASS_MARKS.get(q.charAt(first)));
        boolean gap = false;
        for (int i = first + 1; i < q.length(); i++) {
            char c = q.charAt(i);
            TreeSet<Character> members = Character.isSurrogate(c) ? null : CLASSES.get(c);
            if (members == null) {
                gap = true;
                continue;
            }
            if (gap) {
                rest.append('*');
            }
            gap = false;
            rest.append(members.size() == 1 ? globLiteral(c) : "[" + join(members) + "]");
            marks.addAll(CLASS_MARKS.get(c));
        }
        List<String> out = new ArrayList<>();
        for (char lead : CLASSES.get(q.charAt(first))) {
            out.add("*" + globLiteral(lead) + rest + "*");
        }
        marks.forEach(m -> out.add("*" + m + "*"));
        return out.size() <= SPELLINGS ? out : List.of();
    }

    /** A char as a GLOB matches it: {@code * ? [} inside brackets. */
    private static String globLiteral(char c) {
        return c == '*' || c == '?' || c == '[' ? "[" + c + "]" : String.valueOf(c);
    }

    private static String join(TreeSet<Character> chars) {
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    /**
     * {@code %run%run%}: the chars of {@code q} marked single, escaped, adjacent where they are
     * adjacent in {@code q}; {@code null} without any.
     */
    private static String runs(String q, boolean[] single) {
        StringBuilder out = new StringBuilder("%");
        boolean any = false;
        boolean gap = false;
        for (int i = 0; i < q.length(); i++) {
            if (!single[i]) {
                gap = true;
                continue;
            }
            if (gap && any) {
                out.append('%');
            }
            gap = false;
            any = true;
            out.append(escapeLike(String.valueOf(q.charAt(i))));
        }
        return any ? out.append('%').toString() : null;
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
