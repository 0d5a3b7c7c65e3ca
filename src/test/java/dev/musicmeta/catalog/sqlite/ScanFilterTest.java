package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.SearchKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fallback scan tests names in SQLite before it calls into Java: that test passes every name
 * the Java match accepts (whatever folds into the query: ß, ligatures, the Kelvin sign, decomposed
 * accents and Hangul), and keeps out most that it does not, which is what makes the scan as fast as
 * a plain LIKE scan.
 */
class ScanFilterTest {

    static final List<String> NAMES = List.of(
            "Love", "LOVE SONG", "Lovely", "Glove", "Hate", "Straße", "STRASSE", "Strasse 9", "ﬂower", "Flower",
            "Kelvin", "\u212Aelvin", "Café", "Cafe\u0301", "CAFÉ", "Été indien", "Ete", "夜", "夜曲", "星夜",
            "밤", "\u1107\u1161\u11B7", "바람", "Кино", "КИНО", "кино 2", "Οδός", "ΟΔΟΣ", "100%", "a_b", "50% off",
            "Nothing here", "ıstanbul", "İstanbul", "Istanbul", "Night", "Nıght", "Nigh\u1E97", "Nigh\u0074\u0308",
            "\u0149ight", "Li\uFB00le", "Little", "ﬂittle", "Lo\u0308ve", "Baby", "Bab\u1E99", "Zz");

    static Connection db;

    /** Every char of the BMP past ASCII whose fold holds an ASCII char, found by brute force. */
    static final List<String> FOLDING_INTO_ASCII = java.util.stream.IntStream.rangeClosed(0x80, 0xFFFF)
            .filter(cp -> !Character.isSurrogate((char) cp) && Character.isDefined(cp))
            .mapToObj(cp -> String.valueOf((char) cp))
            .filter(c -> TextFold.fold(c).chars().anyMatch(ch -> ch < 0x80))
            .toList();

    @BeforeAll
    static void open() throws Exception {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE names (name TEXT)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO names VALUES (?)")) {
            for (String name : NAMES) {
                insert.setString(1, name);
                insert.executeUpdate();
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static List<String> passing(String query) throws Exception {
        return passing(db, query);
    }

    static List<String> passing(Connection db, String query) throws Exception {
        ScanFilter filter = ScanFilter.of(TextFold.fold(query));
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT name FROM names WHERE " + FallbackSearch.prefilter(FallbackSearch.escapes(TextFold.fold(query))))) {
            String[] parameters = FallbackSearch.parameters(filter, ScanFilter.escapeLike(TextFold.fold(query)));
            for (int i = 0; i < select.getParameterMetaData().getParameterCount(); i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** The names of a table holding {@code names} only that pass the test for {@code query}. */
    static List<String> passingAmong(List<String> names, String query) throws Exception {
        try (Connection scratch = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = scratch.createStatement()) {
                s.execute("CREATE TABLE names (name TEXT)");
            }
            try (PreparedStatement insert = scratch.prepareStatement("INSERT INTO names VALUES (?)")) {
                for (String name : names) {
                    insert.setString(1, name);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return passing(scratch, query);
        }
    }

    static List<String> matching(String query) {
        String folded = TextFold.fold(query);
        return NAMES.stream().filter(n -> TextFold.rank(n, folded) != TextFold.NO_MATCH).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"love", "LOVE", "ove", "strasse", "STRAßE", "flower", "kelvin", "café", "cafe", "été",
        "夜", "星夜", "밤", "바", "кино", "ино", "οδος", "ΟΔΌΣ", "100%", "a_b", "%", "_", "istanbul", "i̇stanbul", "x",
        "night", "nigh", "ight", "little", "ittle", "liffle", "löve", "baby", "o 🔥", "夜 night", "zz"})
    void everyMatchPassesTheTestInSqlite(String query) throws Exception {
        assertThat(passing(query)).containsAll(matching(query));
    }

    /**
     * Names made from a query by writing a stretch of it (up to three chars) as one char past ASCII
     * whose fold gives that stretch, precomposed or decomposed: every one the Java match accepts
     * passes. The chars are found here by brute force over the BMP, apart from the filter's own
     * tables.
     */
    @ParameterizedTest
    @ValueSource(strings = {"night", "little", "strasse", "kelvin", "affine", "love", "baby", "istanbul", "fish",
        "halt", "now", "raj", "a;b", "x`y"})
    void everyNameGivingTheQueryThroughCharsPastAsciiPasses(String query) throws Exception {
        List<String> names = new ArrayList<>();
        for (String c : FOLDING_INTO_ASCII) {
            String fold = TextFold.fold(c);
            for (String spelling : List.of(c, Normalizer.normalize(c, Normalizer.Form.NFD))) {
                for (int i = 0; i < query.length(); i++) {
                    for (int j = i + 1; j <= Math.min(query.length(), i + 3); j++) {
                        if (fold.contains(query.substring(i, j)) || query.substring(i, j).contains(fold)) {
                            names.add(query.substring(0, i) + spelling + query.substring(j));
                            names.add("X " + query.substring(0, i).toUpperCase(java.util.Locale.ROOT) + spelling
                                    + query.substring(j) + " y");
                        }
                    }
                }
            }
        }
        String folded = TextFold.fold(query);
        List<String> matching = names.stream().filter(n -> TextFold.rank(n, folded) != TextFold.NO_MATCH).toList();
        assertThat(matching).hasSizeGreaterThan(2);
        assertThat(passingAmong(matching, query)).containsExactlyInAnyOrderElementsOf(matching);
    }

    /**
     * Names made from a query past ASCII by writing one of its chars as any char of the BMP whose
     * fold holds it (found here by brute force), precomposed or decomposed, in a name that may be
     * upper case around it: every one the Java match accepts passes the sequence, its marks and
     * the rest of the test.
     */
    @ParameterizedTest
    @ValueSource(strings = {"кино", "сегодня", "ΟΔΌΣ", "οδος", "밤 바람", "café", "été", "łódź", "ñandú", "ǆemal",
        "ﬂöw", "straße", "夜 night", "ωmega", "å"})
    void everySpellingOfAQueryPastAsciiPasses(String query) throws Exception {
        String folded = TextFold.fold(query);
        List<String> names = new ArrayList<>();
        for (int cp = 0x20; cp <= 0xFFFF; cp++) {
            if (Character.isSurrogate((char) cp) || !Character.isDefined(cp)) {
                continue;
            }
            String c = String.valueOf((char) cp);
            String fold = TextFold.fold(c);
            for (int i = 0; i < folded.length(); i++) {
                if (fold.indexOf(folded.charAt(i)) < 0) {
                    continue;
                }
                for (String spelling : List.of(c, Normalizer.normalize(c, Normalizer.Form.NFD))) {
                    for (int j = i + 1; j <= Math.min(folded.length(), i + fold.length()); j++) {
                        names.add(folded.substring(0, i) + spelling + folded.substring(j));
                        names.add("X " + folded.substring(0, i).toUpperCase(java.util.Locale.ROOT) + spelling
                                + folded.substring(j).toUpperCase(java.util.Locale.ROOT) + " y");
                    }
                }
            }
        }
        names.add(Normalizer.normalize(query, Normalizer.Form.NFD));
        names.add(Normalizer.normalize(query.toUpperCase(java.util.Locale.ROOT), Normalizer.Form.NFD));
        List<String> matching = names.stream().filter(n -> TextFold.rank(n, folded) != TextFold.NO_MATCH).toList();
        assertThat(matching).hasSizeGreaterThan(4);
        assertThat(passingAmong(matching, query)).containsExactlyInAnyOrderElementsOf(matching);
    }

    /**
     * The sequence of a query past ASCII is what keeps other names out where case folds beyond
     * ASCII: names holding each of the query's chars, but not in order, do not pass.
     */
    @ParameterizedTest
    @ValueSource(strings = {"сегодня", "ΟΔΌΣ", "밤 바람"})
    void namesHoldingTheCharsOutOfOrderAreKeptOut(String query) throws Exception {
        String reversed = new StringBuilder(query).reverse().toString();
        List<String> names = List.of(reversed, reversed.toUpperCase(java.util.Locale.ROOT), "x " + reversed,
                query + " ok");
        assertThat(passingAmong(names, query)).containsExactly(query + " ok");
    }

    /**
     * What lets a query of ASCII leave the combining marks out of its GLOB: a char past ASCII
     * whose fold holds an ASCII char is either its own decomposition, or one ASCII char (the
     * Kelvin sign), or an ASCII char and marks, with a fold that starts with that char's and
     * continues past ASCII, so that a decomposed spelling shows the ASCII char to the LIKE.
     */
    @org.junit.jupiter.api.Test
    void decompositionsOfCharsFoldingIntoAsciiStartWithTheirAsciiChar() {
        assertThat(FOLDING_INTO_ASCII).contains("ß", "\u212A", "ﬁ", "ı", "İ");
        for (String c : FOLDING_INTO_ASCII) {
            int cp = c.charAt(0);
            String fold = TextFold.fold(c);
            String nfd = Normalizer.normalize(c, Normalizer.Form.NFD);
            if (nfd.equals(c) || (nfd.length() == 1 && nfd.charAt(0) < 0x80)) {
                continue;
            }
            assertThat(nfd.charAt(0)).as("U+%04X", cp).isLessThan((char) 0x80);
            assertThat(nfd.substring(1).chars().allMatch(ch -> ch >= 0x80)).as("U+%04X", cp).isTrue();
            String base = TextFold.fold(nfd.substring(0, 1));
            assertThat(fold).as("U+%04X", cp).startsWith(base);
            assertThat(fold.substring(1).chars().allMatch(ch -> ch >= 0x80)).as("U+%04X", cp).isTrue();
        }
    }

    /**
     * The scan ranks a name of ASCII in SQL and any other in Java: both give the rank
     * {@link TextFold#rank} gives, whitespace around the name and control chars included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"love", "LOVE SONG", "ove", "strasse", "夜", "кино", "100%", "a_b", "", "night", "ght", "é",
            "_b"})
    void theScanRanksEveryNameAsTheJavaMatchDoes(String query) throws Exception {
        List<String> names = new ArrayList<>(NAMES);
        names.addAll(List.of(" Love ", "\tLove\n", "Love\u001F", "\u000BLove song\r", "\u0001Love", "Love\u007F",
                "\u3000Love", "Love\u00A0", "  love  song", "Glove\t", "LOVE", "Night\u2003",
                // past ASCII: ranked in SQL only when it starts with another ASCII char and has no mark
                "Good N\u0131ght", "Good \u0131ght", "Café night", "Café nigh\u0074\u0301", "Café Night\u0301s",
                "Über Night", "Zoë nightly", "ñight night", "Night é", "nıght", "Café love", "Café lov\u0065\u0308",
                "夜 love", "Caf\u00E9 a\u0332\u0301_b", "Café 100%", "Ó 夜", "Night\u3000", "night\u2003é", "Night\u00A0",
                "100%\u2028", "a_bé", "Nightſ", "nightﬁ", "NiGht\u200B", "NightΣ", "NİGHT", "Night\u0131", "niGHT ✨"));
        String folded = TextFold.fold(query);
        ScanFilter filter = ScanFilter.of(folded);
        String like = ScanFilter.escapeLike(folded);
        Map<String, Integer> ranks = new TreeMap<>();
        try (Connection scratch = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = scratch.createStatement()) {
                s.execute("CREATE TABLE names (rowid INTEGER PRIMARY KEY, name TEXT, popularity INTEGER)");
            }
            try (PreparedStatement insert = scratch.prepareStatement("INSERT INTO names (name) VALUES (?)")) {
                for (String name : names) {
                    insert.setString(1, name);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement scan = scratch.prepareStatement(FallbackSearch.scan("names", "popularity", true,
                    FallbackSearch.escapes(folded)))) {
                String[] parameters = FallbackSearch.parameters(filter, like);
                for (int i = 0; i < parameters.length; i++) {
                    scan.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = scan.executeQuery()) {
                    while (rs.next()) {
                        FallbackSearch.FallbackHit hit = FallbackSearch.hit(rs, SearchKind.TRACKS, folded);
                        if (hit != null) {
                            ranks.put(names.get((int) hit.rowid() - 1), hit.rank());
                        }
                    }
                }
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        for (String name : names) {
            int rank = TextFold.rank(name, folded);
            if (rank != TextFold.NO_MATCH) {
                expected.put(name, rank);
            }
        }
        assertThat(ranks).isEqualTo(expected);
    }

    /**
     * What the scan's rank in SQL of a name past ASCII rests on: NFC composes an ASCII char only
     * with a mark of U+0300 to U+036F (every char whose decomposition starts with one holds only
     * such marks besides), so a name without those keeps its ASCII chars through the fold.
     */
    @Test
    void everyCompositionOfAnAsciiCharTakesAMarkOfU0300ToU036F() {
        int checked = 0;
        for (int cp = 0x80; cp <= 0x10FFFF; cp++) {
            if (!Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            String nfd = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
            if (nfd.charAt(0) >= 0x80) {
                continue;
            }
            checked++;
            for (int i = 1; i < nfd.length(); i++) {
                assertThat((int) nfd.charAt(i)).as("U+%04X", cp).isBetween(0x300, 0x36F);
            }
        }
        assertThat(checked).isGreaterThan(400); // the Latin letters with marks, ≠, ≮, ≯
    }

    @ParameterizedTest
    @ValueSource(strings = {"love", "夜", "кино", "밤", "100%", "a_b", "night", "little"})
    void namesWithoutTheQueryAreKeptOutInSqlite(String query) throws Exception {
        assertThat(passing(query)).hasSizeLessThanOrEqualTo(matching(query).size() + 1);
    }
}
