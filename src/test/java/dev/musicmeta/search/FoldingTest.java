package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.search.NameAnalyzer.Word;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FoldingTest {

    private static List<String> query(String text) {
        return NameAnalyzer.QUERY.words(text).stream().map(Word::text).toList();
    }

    private static List<String> index(String text) {
        return NameAnalyzer.INDEX.words(text).stream().map(Word::text).toList();
    }

    @Test
    void latinAccentsCaseAndSpecialLetters() {
        assertThat(query("Mötley Crüe")).containsExactly("motley", "crue");
        assertThat(query("Sigur Rós Ørnen Łódź Straße ÆON")).containsExactly("sigur", "ros", "ornen", "lodz", "strasse", "aeon");
    }

    @Test
    void greekTonosDialytikaAndFinalSigma() {
        assertThat(query("Βασίλης ΐ")).containsExactly("βασιλησ", "ι");
        assertThat(query("ΒΑΣΙΛΗΣ")).isEqualTo(query("βασιλης"));
    }

    @Test
    void cyrillicAndTurkishCase() {
        assertThat(query("КИНО Ёлка")).containsExactly("кино", "елка");
        assertThat(query("İstanbul ıslak")).containsExactly("istanbul", "islak");
    }

    @Test
    void widthAndLigatures() {
        assertThat(query("ＱＵＥＥＮ ﬁne")).containsExactly("queen", "fine");
        assertThat(query("ｶﾞｸﾄ")).isEqualTo(query("ガクト"));
    }

    @Test
    void kanaVoicingAndHangulSurviveFolding() {
        assertThat(query("ガ")).containsExactly("ガ");
        assertThat(query("방탄")).containsExactly("방탄");
    }

    @Test
    void cjkBigramsAtQueryUnigramsAlsoAtIndex() {
        assertThat(query("東京事変")).containsExactly("東京", "京事", "事変");
        assertThat(index("東京事変")).contains("東", "東京", "京事", "事変", "変");
    }

    @Test
    void joinersAreRemovedAndPartsIndexed() {
        assertThat(query("Don't R.E.M.")).containsExactly("dont", "rem");
        assertThat(index("L'amour")).containsExactly("lamour", "l", "amour");
    }

    /**
     * Words of ASCII letters fold in place, others through {@link Folding#fold}: both give the same
     * words. A combining acute after each character sends a word down the general path (the mark
     * is folded away and moves no word boundary), so the two spellings must analyse alike.
     */
    @Test
    void asciiWordsFoldAsTheGeneralPathFoldsThem() {
        Random random = new Random(12);
        String alphabet = "abcXYZ019 .'_,:;-!&/";
        for (int n = 0; n < 3_000; n++) {
            StringBuilder plain = new StringBuilder();
            StringBuilder marked = new StringBuilder();
            for (int i = 1 + random.nextInt(14); i > 0; i--) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                plain.append(c);
                marked.append(c);
                if (c != ' ') {
                    marked.append('\u0301');
                }
            }
            for (NameAnalyzer analyzer : List.of(NameAnalyzer.INDEX, NameAnalyzer.QUERY, NameAnalyzer.EXACT)) {
                assertThat(textsAndPositions(analyzer, plain.toString())).as("%s", plain)
                        .isEqualTo(textsAndPositions(analyzer, marked.toString()));
            }
            assertThat(NameAnalyzer.exactKey(plain.toString())).as("%s", plain)
                    .isEqualTo(NameAnalyzer.exactKey(NameAnalyzer.EXACT.words(marked.toString())));
        }
    }

    private static List<String> textsAndPositions(NameAnalyzer analyzer, String text) {
        return analyzer.words(text).stream().map(w -> w.text() + "@" + w.positionIncrement()).toList();
    }

    @Test
    void exactKeyIsTheFoldedWords() {
        assertThat(NameAnalyzer.exactKey("Don't  Stop Me Now!")).isEqualTo("dont stop me now");
        assertThat(NameAnalyzer.exactKey("東京事変")).isEqualTo("東 京 事 変");
        assertThat(NameAnalyzer.exactKey("?!")).isNull();
    }
}
