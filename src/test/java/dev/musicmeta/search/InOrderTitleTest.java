package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.testing.HandBuiltCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A title that holds the query's words in order enters a page already full of more popular
 * titles that hold them in another order: once only the in-order bonus can lift a document onto
 * the page, the bonus is looked up before the document is scored, and the least popular track is
 * still found; a name that starts with the query is found first in the tier of titles without
 * every word.
 */
class InOrderTitleTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static HandBuiltCatalog catalog;
    static SearchIndex index;

    @BeforeAll
    static void build() throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.create(dir.resolve("catalog"));
        long artist = c.artist("Someone", 1_000);
        long album = c.album("Songs", "2020", null, 50, artist);
        c.track("Lonely Beautiful Love", album, null, 90, artist);
        c.track("Beautiful Love Lonely", album, null, 85, artist);
        c.track("Lost Love Beautiful", album, null, 80, artist);
        c.track("Beautiful Lost Love", album, null, 70, artist);
        c.track("Love Beautiful Lonely", album, null, 1, artist);
        c.track("Light Time Love", album, null, 90, artist);
        c.track("Time Light Love", album, null, 80, artist);
        c.track("Love Light Time", album, null, 70, artist);
        c.track("Love Time Light Forever", album, null, 1, artist);
        c.track("Love Bea - Lonesome Mix", album, null, 1, artist);
        long lonely = c.album("Lonely Days", "2021", null, 90, artist);
        c.track("Love Bea", lonely, null, 95, artist);
        c.track("Bea Love", lonely, null, 90, artist);
        c.close();
        catalog = c;
        Path folder = TestIndexes.buildBeside(c.mainFile());
        index = SearchIndex.open(folder, BUDGET);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> tracks(String q, int limit, int offset) {
        long[] rowids = index.search(SearchKind.TRACKS, new SearchRequest(q, limit, offset), BUDGET).rowids();
        return Arrays.stream(rowids).mapToObj(catalog.trackNames::get).toList();
    }

    @Test
    void theWordsInOrderComeFirstPastAFullPageOfEveryWordWhole() {
        assertThat(tracks("love time light", 2, 0)).containsExactly("Love Time Light Forever", "Light Time Love");
        assertThat(tracks("love time light", 1, 1)).containsExactly("Light Time Love");
        assertThat(tracks("love time light", 10, 0)).startsWith("Love Time Light Forever", "Light Time Love",
                "Time Light Love", "Love Light Time");
    }

    @Test
    void theWordsInOrderComeFirstPastAFullPageOfLooseMatches() {
        assertThat(tracks("love beautiful lo", 2, 0)).containsExactly("Love Beautiful Lonely", "Lonely Beautiful Love");
        assertThat(tracks("love beautiful lo", 10, 0)).containsExactly("Love Beautiful Lonely",
                "Lonely Beautiful Love", "Beautiful Love Lonely", "Lost Love Beautiful", "Beautiful Lost Love");
    }

    @Test
    void aNameThatStartsWithTheQueryIsFoundWhenItsTitleLacksAWord() {
        // Every title here lacks a word starting "lo"; only the least popular name starts with the query.
        assertThat(tracks("love bea lo", 1, 0)).containsExactly("Love Bea - Lonesome Mix");
        assertThat(tracks("love bea lo", 10, 0)).containsExactly("Love Bea - Lonesome Mix", "Love Bea", "Bea Love");
    }
}
