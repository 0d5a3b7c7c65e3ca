package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.SearchKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fallback scan's key packs a match's rank, popularity and rowid into one integer: what it
 * unpacks to is what the columns give as {@link Values} serves them, for dirty popularities and
 * rowids past the key's range too.
 */
class FallbackKeyTest {

    /** Stored popularities: NULL, out of range, integral and not, text, a blob, huge. */
    static final List<String> POPULARITIES = List.of("NULL", "-5", "0", "37", "100", "101", "50.5", "50.0", "'abc'",
            "'42'", "X'01'", "1e300", "-0.0", "9223372036854775807");

    /** Rowids: small, negative, past 2^48. */
    static final List<Long> ROWIDS = List.of(1L, 2L, -3L, 1L << 50, (1L << 48) - 1, 1L << 48);

    @ParameterizedTest
    @ValueSource(strings = {"INTEGER", "", "TEXT"})
    void theKeyHoldsTheRankThePopularityAsServedAndTheRowid(String affinity) throws Exception {
        check(affinity, SearchKind.TRACKS);
    }

    /** Artists' key is their rank alone: followers, any count from 0, are read beside it. */
    @ParameterizedTest
    @ValueSource(strings = {"INTEGER", "", "TEXT"})
    void anArtistsKeyHoldsItsRankAndItsFollowersAreReadAsServed(String affinity) throws Exception {
        check(affinity, SearchKind.ARTISTS);
    }

    private static void check(String affinity, SearchKind kind) throws Exception {
        String folded = TextFold.fold("love");
        List<String> expected = new ArrayList<>();
        List<String> read = new ArrayList<>();
        try (Connection scratch = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = scratch.createStatement()) {
                s.execute("CREATE TABLE names (rowid INTEGER PRIMARY KEY, name TEXT, popularity " + affinity + ")");
                int n = 0;
                for (String popularity : POPULARITIES) {
                    for (String name : List.of("Love", "Lovely", "Glove", "Café love", "Lövé love")) {
                        long base = ROWIDS.get(n % ROWIDS.size());
                        long rowid = base + Long.signum(base) * 7L * (n++ / ROWIDS.size());
                        s.execute("INSERT INTO names (rowid, name, popularity) VALUES (" + rowid + ", '" + name + "', "
                                + popularity + ")");
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT rowid, name, popularity FROM names")) {
                    while (rs.next()) {
                        Long stored = Values.integer(rs, 3);
                        Number served = kind == SearchKind.ARTISTS ? (Number) Values.bigCount(stored) : Values.popularity(stored);
                        expected.add(rs.getLong(1) + " " + TextFold.rank(rs.getString(2), folded) + " "
                                + (served == null ? -1 : served));
                    }
                }
            }
            try (PreparedStatement scan = scratch.prepareStatement(FallbackSearch.scan("names", "popularity", kind != SearchKind.ARTISTS, false))) {
                String[] parameters = FallbackSearch.parameters(ScanFilter.of(folded), ScanFilter.escapeLike(folded));
                for (int i = 0; i < parameters.length; i++) {
                    scan.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = scan.executeQuery()) {
                    while (rs.next()) {
                        FallbackSearch.FallbackHit hit = FallbackSearch.hit(rs, kind, folded);
                        read.add(hit.rowid() + " " + hit.rank() + " " + hit.weight());
                    }
                }
            }
        }
        assertThat(read).hasSize(POPULARITIES.size() * 5).containsExactlyInAnyOrderElementsOf(expected);
    }
}
