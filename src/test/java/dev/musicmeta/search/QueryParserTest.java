package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.search.ParsedQuery.Filter;
import dev.musicmeta.search.ParsedQuery.FilterKey;
import dev.musicmeta.search.ParsedQuery.Text;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    /** Stands in for the index: every word has one completion and one typo fix. */
    private static final TermExpander EXPANDER = new TermExpander() {
        @Override
        public List<String> completions(String field, String prefix) {
            return List.of(prefix + "x");
        }

        @Override
        public List<String> typos(String field, String word) {
            return List.of("x" + word.substring(1));
        }

        @Override
        public boolean has(String field, String term) {
            return true;
        }
    };

    private static ParsedQuery parse(String q) {
        return QueryParser.parse(q);
    }

    @Test
    void wordsStayInOrder() {
        assertThat(parse("bohemian  rhap").parts())
                .containsExactly(new Text("bohemian", false), new Text("rhap", false));
    }

    @Test
    void filtersWithAndWithoutQuotes() {
        assertThat(parse("yesterday artist:beatles year:1965").parts()).containsExactly(
                new Text("yesterday", false), new Filter(FilterKey.ARTIST, "beatles", false), new Filter(FilterKey.YEAR, "1965", false));
        assertThat(parse("artist:\"daft punk\" one").parts()).containsExactly(
                new Filter(FilterKey.ARTIST, "daft punk", true), new Text("one", false));
        assertThat(parse("Genre:\"hip hop\"").parts()).containsExactly(new Filter(FilterKey.GENRE, "hip hop", true));
    }

    @Test
    void spaceAfterTheColonIsForgiven() {
        assertThat(parse("artist: beatles help").parts()).containsExactly(
                new Filter(FilterKey.ARTIST, "beatles", false), new Text("help", false));
    }

    @Test
    void quotedPhrases() {
        assertThat(parse("\"once more\" yesterday").parts()).containsExactly(
                new Text("once more", true), new Text("yesterday", false));
    }

    @Test
    void openQuoteRunsToTheEnd() {
        assertThat(parse("artist:\"daft punk").parts()).containsExactly(new Filter(FilterKey.ARTIST, "daft punk", true));
        assertThat(parse("\"love story").parts()).containsExactly(new Text("love story", true));
    }

    @Test
    void unknownNameIsPlainWords() {
        assertThat(parse("foo:bar").parts()).containsExactly(new Text("foo bar", false));
        assertThat(parse("12:34").parts()).containsExactly(new Text("12:34", false));
        assertThat(parse(":x").parts()).containsExactly(new Text(":x", false));
    }

    @Test
    void emptyFiltersAreDropped() {
        assertThat(parse("help artist:").parts()).containsExactly(new Text("help", false));
        assertThat(parse("artist:\"\" help").parts()).containsExactly(new Text("help", false));
        assertThat(parse("\"\"").parts()).isEmpty();
    }

    @Test
    void filterAsPlainText() {
        assertThat(new Filter(FilterKey.UPC, "123", false).asText()).isEqualTo(new Text("upc 123", false));
    }

    /** Any string is a query: the parser and the query builder never throw. */
    @Test
    void randomInputNeverThrows() {
        Random random = new Random(42);
        String alphabet = "ab  cé\"::-_'’.東京к ΐ\t\u0301\uD83C\uDFB5artist:year:isrc:upc:genre:album:track:1999-";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int j = 0; j < length; j++) {
                if (random.nextInt(10) == 0) {
                    q.appendCodePoint(random.nextInt(0x3134A)); // any code point, lone surrogates too
                } else {
                    q.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String input = q.toString();
            assertThatCode(() -> {
                ParsedQuery parsed = QueryParser.parse(input);
                for (SearchKind kind : SearchKind.values()) {
                    QueryBuilder.build(kind, parsed, EXPANDER);
                }
            }).as("query %s", input).doesNotThrowAnyException();
        }
    }
}
