package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
            "Nothing here", "ıstanbul", "İstanbul", "Istanbul");

    static Connection db;

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
        ScanFilter filter = ScanFilter.of(TextFold.fold(query));
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT name FROM names WHERE " + FallbackSearch.PREFILTER)) {
            select.setString(1, filter.like());
            select.setString(2, filter.glob());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    static List<String> matching(String query) {
        String folded = TextFold.fold(query);
        return NAMES.stream().filter(n -> TextFold.rank(n, folded) != TextFold.NO_MATCH).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"love", "LOVE", "ove", "strasse", "STRAßE", "flower", "kelvin", "café", "cafe", "été",
        "夜", "星夜", "밤", "바", "кино", "ино", "οδος", "ΟΔΌΣ", "100%", "a_b", "%", "_", "istanbul", "i̇stanbul", "x"})
    void everyMatchPassesTheTestInSqlite(String query) throws Exception {
        assertThat(passing(query)).containsAll(matching(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"love", "夜", "кино", "밤", "100%", "a_b"})
    void namesWithoutTheQueryAreKeptOutInSqlite(String query) throws Exception {
        assertThat(passing(query)).hasSizeLessThanOrEqualTo(matching(query).size() + 1);
    }
}
