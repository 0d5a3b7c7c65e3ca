package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.testing.HandBuiltCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A last word of 2 or 3 characters matches every word it begins, however many there are. */
class ShortPrefixTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    /** More words than a longer prefix is expanded to, each more frequent than the one sought. */
    private static final int FREQUENT = TermExpander.MAX_COMPLETIONS + 10;

    @TempDir
    Path dir;

    @Test
    void aShortPrefixFindsRareCompletionsToo() throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.create(dir.resolve("catalog"));
        long artist = c.artist("Zeta Ensemble", 1_000, "ambient");
        long album = c.album("Studies", "2001-01-01", null, 10, artist);
        for (int i = 0; i < FREQUENT; i++) {
            String word = "qua" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
            c.track("Etude " + word, album, null, 50, artist);
            c.track("Prelude " + word, album, null, 50, artist);
        }
        c.track("Solo Quokka", album, null, 1, artist);
        c.close();
        Path folder = TestIndexes.buildBeside(c.mainFile());

        try (SearchIndex index = SearchIndex.open(folder, BUDGET)) {
            assertThat(names(index, c, "solo qu")).containsExactly("Solo Quokka");
            assertThat(names(index, c, "solo quo")).containsExactly("Solo Quokka");
            assertThat(names(index, c, "solo quok")).containsExactly("Solo Quokka");
            assertThat(index.search(SearchKind.TRACKS, new SearchRequest("qu", 20, 0), Duration.ofSeconds(5)).total())
                    .isEqualTo(2L * FREQUENT + 1);
        }
    }

    @Test
    void prefixesAreTheFirstTwoAndThreeCharactersOfLongerWords() throws IOException {
        assertThat(prefixes("Queensrÿche")).containsExactly("qu", "que");
        // The joined word and its parts, as in the field of all words; "l" is too short.
        assertThat(prefixes("L'amour")).containsExactly("la", "lam", "am", "amo");
        assertThat(prefixes("ab abc Ελπίδα")).containsExactly("ab", "ελ", "ελπ");
        assertThat(prefixes("東京事変")).isEmpty();
    }

    private static List<String> names(SearchIndex index, HandBuiltCatalog c, String q) {
        Map<Long, String> names = c.trackNames;
        long[] rowids = index.search(SearchKind.TRACKS, new SearchRequest(q, 50, 0), Duration.ofSeconds(5)).rowids();
        List<String> found = new ArrayList<>();
        for (long rowid : rowids) {
            found.add(names.get(rowid));
        }
        return found;
    }

    private static List<String> prefixes(String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = NameAnalyzer.INDEX.tokenStream(Fields.PREFIXES, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }
}
