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
 * Search reads like a person's intent: the cases the relevance benchmark found wrong, each on a
 * few tracks built for it. Popularities are chosen so that ranking by popularity alone would get
 * each one wrong.
 */
class SearchIntentTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static HandBuiltCatalog catalog;
    static SearchIndex index;
    static long lisasOwn;

    @BeforeAll
    static void build() throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.create(dir.resolve("catalog"));
        long zq = c.artist("胡紫棋", 1_000);
        long yaye = c.artist("Yayeavon", 5_000_000);
        long lisa = c.artist("리사", 1_000);
        long jungLisa = c.artist("정리사", 5_000_000);
        long jutrunu = c.artist("Jutrunu", 10_000);
        long jestozon = c.artist("Jestozon", 10_000);
        long stars = c.artist("Night Stars", 9_000_000);
        long girls = c.artist("Girl Little Band", 10);
        long poet = c.artist("Poet", 100);
        long big = c.artist("Big Popular", 9_000_000);

        long zqAlbum = c.album("单曲", "2020", null, 10, zq);
        long yayeAlbum = c.album("Hits", "2021", null, 90, yaye);
        long lisaAlbum = c.album("바람 EP", "2019", null, 10, lisa);
        long jungAlbum = c.album("Best", "2019", null, 90, jungLisa);
        long jutAlbum = c.album("Nights", "2018", null, 20, jutrunu);
        long jestAlbum = c.album("Somebody", "2017", null, 20, jestozon);
        long letters = c.album("Letters", "2015", null, 95, big);
        long poetAlbum = c.album("Poems", "2010", null, 5, poet);
        long starsAlbum = c.album("Skies", "2011", null, 95, stars);
        long girlAlbum = c.album("Small", "2012", null, 5, girls);

        c.track("夜", zqAlbum, null, 5, zq);
        c.track("夜曲", yayeAlbum, null, 95, yaye);
        c.track("爱", zqAlbum, null, 5, zq);
        c.track("Yayeavon爱", yayeAlbum, null, 90, yaye);
        c.track("爱未来 - Mono Version", zqAlbum, null, 80, zq);
        lisasOwn = c.track("바람", lisaAlbum, null, 5, lisa);
        c.track("바람", jungAlbum, null, 90, jungLisa);
        c.track("Night - Radio Edit", jutAlbum, null, 10, jutrunu);
        c.track("Feel Night - Radio Edit", jutAlbum, null, 60, jutrunu);
        c.track("Somebody Tonight", jestAlbum, null, 10, jestozon);
        c.track("Somebody Else Tonight", starsAlbum, null, 90, stars);
        c.track("Girl Little", girlAlbum, null, 1, girls);
        c.track("Small Song", girlAlbum, null, 99, girls);
        c.track("Stranger Girl", starsAlbum, null, 95, stars);
        c.track("Little Girl - Radio Edit", starsAlbum, null, 90, stars);
        c.track("Letters", poetAlbum, null, 1, poet);
        c.track("Paper Planes", letters, null, 99, big);
        c.track("Ink", letters, null, 98, big);
        c.track("Television", poetAlbum, null, 2, poet);
        c.track("Vision", starsAlbum, null, 97, stars);
        c.track("Tele", starsAlbum, null, 96, stars);
        c.close();
        catalog = c;
        Path folder = TestIndexes.buildBeside(c.mainFile());
        index = SearchIndex.open(folder, BUDGET);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> tracks(String q) {
        long[] rowids = index.search(SearchKind.TRACKS, new SearchRequest(q, 10, 0), BUDGET).rowids();
        return Arrays.stream(rowids).mapToObj(catalog.trackNames::get).toList();
    }

    static List<String> artists(String q) {
        long[] rowids = index.search(SearchKind.ARTISTS, new SearchRequest(q, 10, 0), BUDGET).rowids();
        return Arrays.stream(rowids).mapToObj(catalog.artistNames::get).toList();
    }

    /** Problem 1: one character is a query; a title of that one character comes first. */
    @Test
    void oneCharacterFindsTheTitleOfThatCharacterFirst() {
        assertThat(tracks("夜")).first().isEqualTo("夜");
        assertThat(tracks("夜")).contains("夜曲");
        assertThat(artists("리")).containsExactly("리사", "정리사"); // the name it begins first
    }

    /** Problem 2: one typo in a word of 5 or more letters, the first letter included. */
    @Test
    void aTypoInTheFirstLetterIsForgiven() {
        assertThat(tracks("Yestozon Somebody Tonight")).first().isEqualTo("Somebody Tonight");
        assertThat(tracks("Felevision")).first().isEqualTo("Television");
        assertThat(tracks("Televsion")).first().isEqualTo("Television");
        assertThat(tracks("elevision")).first().isEqualTo("Television");
    }

    /** Problem 3: a prefix or a typo scores by the field it is in, popularity only breaks ties. */
    @Test
    void aLooseMatchInTheTitleBeatsOneElsewhere() {
        assertThat(tracks("Girl Lit")).first().isEqualTo("Girl Little");
        assertThat(tracks("Lketters")).first().isEqualTo("Letters");
        assertThat(tracks("Lketters")).containsSubsequence("Letters", "Paper Planes");
    }

    /** Problem 4: the whole, shorter title first; a title and its artist before a look-alike. */
    @Test
    void wholeAndShorterTitlesComeFirst() {
        assertThat(tracks("胡紫棋 爱")).first().isEqualTo("爱");
        assertThat(tracks("爱")).first().isEqualTo("爱");
        assertThat(tracks("Night Jutrunu")).first().isEqualTo("Night - Radio Edit");
        assertThat(tracks("Night Jutrunu")).containsSubsequence("Night - Radio Edit", "Feel Night - Radio Edit");
        long lisas = index.search(SearchKind.TRACKS, new SearchRequest("리사 바람", 1, 0), BUDGET).rowids()[0];
        assertThat(catalog.trackNames.get(lisas)).isEqualTo("바람");
        assertThat(lisas).isEqualTo(lisasOwn); // not 정리사's, though more popular
    }

    /** A track: filter is on the whole name, its version included. */
    @Test
    void aTrackFilterMatchesTheWholeName() {
        assertThat(tracks("track:\"Night - Radio Edit\" artist:jutrunu")).containsExactly("Night - Radio Edit");
        assertThat(tracks("track:\"radio edit\" artist:jutrunu"))
                .containsExactlyInAnyOrder("Night - Radio Edit", "Feel Night - Radio Edit");
        assertThat(tracks("track:night artist:jutrunu")).containsExactly("Night - Radio Edit", "Feel Night - Radio Edit");
    }

    /** Every word in the title ranks before the words split across title, artist and album. */
    @Test
    void allWordsInTheTitleBeforeASplitAcrossFields() {
        assertThat(tracks("somebody tonight")).containsSubsequence("Somebody Tonight", "Somebody Else Tonight");
        assertThat(tracks("girl little")).containsExactly("Girl Little", "Little Girl - Radio Edit", "Small Song");
    }
}
