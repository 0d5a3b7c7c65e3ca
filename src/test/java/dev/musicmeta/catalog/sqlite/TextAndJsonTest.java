package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.testing.Db;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure helpers: folding, stored JSON checks, and key sets bound to json_each. */
class TextAndJsonTest {

    @Test
    void foldingIsCaseInsensitiveBeyondAscii() {
        assertThat(TextFold.fold("Beyoncé")).isEqualTo(TextFold.fold("BEYONCÉ"));
        assertThat(TextFold.fold("Straße")).isEqualTo("strasse");
        assertThat(TextFold.fold("ΟΔΟΣ")).isEqualTo(TextFold.fold("οδοσ")).isEqualTo(TextFold.fold("οδος"));
        assertThat(TextFold.fold("\u212A")).isEqualTo("k"); // Kelvin sign
        assertThat(TextFold.fold("e\u0301")).isEqualTo(TextFold.fold("\u00E9")); // NFD = NFC
        assertThat(TextFold.fold("КИНО")).isEqualTo("кино");
        assertThat(TextFold.fold("坂本龍一")).isEqualTo("坂本龍一");
        assertThat(TextFold.fold("already folded")).isSameAs(TextFold.fold("already folded"));
    }

    @Test
    void rankIsExactThenPrefixThenContains() {
        assertThat(TextFold.rank(" Love ", "love")).isEqualTo(TextFold.EXACT);
        assertThat(TextFold.rank("Lovely", "love")).isEqualTo(TextFold.PREFIX);
        assertThat(TextFold.rank("Glove", "love")).isEqualTo(TextFold.CONTAINS);
        assertThat(TextFold.rank("Live", "love")).isEqualTo(TextFold.NO_MATCH);
        assertThat(TextFold.rank("100% Pure", "0%")).isEqualTo(TextFold.CONTAINS);
        assertThat(TextFold.rank("1000 Pure", "0%")).isEqualTo(TextFold.NO_MATCH);
    }

    @Test
    void languagesAreAJsonArrayOfStringsOrEmpty() {
        assertThat(JsonText.stringArray("[\"en\",\"es\"]")).containsExactly("en", "es");
        assertThat(JsonText.stringArray(" [ ] ")).isEmpty();
        assertThat(JsonText.stringArray("[\"\\u00e9\"]")).containsExactly("é");
        for (String bad : new String[] {null, "", "en", "\"en\"", "{\"0\":\"en\"}", "[\"en\",", "[\"en\", 1]",
                "[\"en\", null]", "[[\"en\"]]", "[\"en\"] [\"es\"]", "[\"en\"]x", "['en']", "[\"en\",]"}) {
            assertThat(JsonText.stringArray(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void storedJsonIsPassedThroughOnlyWhenValid() {
        for (String good : new String[] {"[]", "{}", " {\"a\": [1, 2.5e3, true, null, \"x\"]} ", "\"text\"", "42",
                "null"}) {
            assertThat(JsonText.validOrNull(good)).as(good).isEqualTo(good);
        }
        for (String bad : new String[] {null, "", "   ", "ARTIST_ROLE_MAIN_ARTIST", "{\"a\":", "[1,]", "{a:1}",
                "[1] [2]", "{\"a\":1}}", "NaN", "'x'", "[" .repeat(5000) + "]".repeat(5000)}) {
            assertThat(JsonText.validOrNull(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    @Test
    void keySetsRoundTripThroughJsonEach() throws Exception {
        List<String> keys = List.of("plain", "quo\"te", "back\\slash", "tab\tnew\nline\u0001", "ünïcødé 🎸", "");
        try (Db db = Db.memory()) {
            assertThat(db.strings("SELECT value FROM json_each(?)", KeySet.arrayOfStrings(keys))).isEqualTo(keys);
            assertThat(db.column("SELECT value FROM json_each(?)", KeySet.arrayOfLongs(List.of(1L, Long.MAX_VALUE, -3L))))
                    .extracting(v -> ((Number) v).longValue()).containsExactly(1L, Long.MAX_VALUE, -3L);
        }
    }
}
