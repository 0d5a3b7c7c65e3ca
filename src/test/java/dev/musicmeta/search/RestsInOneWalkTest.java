package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.testing.HandBuiltCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracks whose title lacks a query word, matched whole and loosely, are collected in one walk:
 * each still ranks by its own tier (every word whole above a prefix or a typo, popularity only
 * within a tier), pages of any size follow one order, and the total is the number of matches,
 * whether the page closes the walk early or it walks every match.
 */
class RestsInOneWalkTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static HandBuiltCatalog catalog;
    static Path folder;
    static SearchIndex index;

    @BeforeAll
    static void build() throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.create(dir.resolve("catalog"));
        long someone = c.artist("Someone", 1_000);
        long li = c.artist("Li Wei", 10);
        long lily = c.artist("Lily Chen", 900);
        long album = c.album("Songs", "2020", null, 50, someone);
        // Every word whole, one of them only in an artist's name: the strict rest.
        c.track("River Night", c.album("Quiet", "2019", null, 10, li), null, 5, li);
        c.track("Night on the River", c.album("Loud", "2018", null, 10, li), null, 3, li);
        // A word only loosely (a prefix, a typo), one word outside the title: the loose rest, more
        // popular than the strict rest but ranked after it.
        c.track("Night Rivers", c.album("Other", "2017", null, 90, lily), null, 95, lily);
        c.track("Rivr at Night", c.album("Others", "2016", null, 90, lily), null, 90, lily);
        // Every word in the title, the last as a prefix: the loose tier of titles, above both rests.
        c.track("River Night Lights", album, null, 1, someone);
        for (int i = 0; i < 12; i++) {
            c.track("Filler " + i, album, null, 50, someone); // match none of the words
        }
        c.close();
        catalog = c;
        folder = TestIndexes.buildBeside(c.mainFile());
        index = SearchIndex.open(folder, BUDGET);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static SearchHits search(SearchIndex in, String q, int limit, int offset) {
        return in.search(SearchKind.TRACKS, new SearchRequest(q, limit, offset), BUDGET);
    }

    static List<String> names(SearchHits hits) {
        return Arrays.stream(hits.rowids()).mapToObj(catalog.trackNames::get).toList();
    }

    @Test
    void eachTrackRanksByItsOwnTierWhateverThePageSize() {
        List<String> all = names(search(index, "river night li", 50, 0));
        assertThat(all).containsExactly("River Night Lights", "River Night", "Night on the River", "Night Rivers",
                "Rivr at Night");
        for (int size = 1; size <= all.size(); size++) {
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < all.size(); offset += size) {
                paged.addAll(names(search(index, "river night li", size, offset)));
            }
            assertThat(paged).as("pages of %d", size).isEqualTo(all);
        }
    }

    @Test
    void theTotalIsTheNumberOfMatchesForEveryPageSize() {
        for (String q : List.of("river night li", "night river", "rivr night", "night lily", "river li")) {
            int matches = search(index, q, 50, 0).rowids().length;
            assertThat(matches).as(q).isPositive();
            for (int size = 1; size <= matches; size++) {
                assertThat(search(index, q, size, 0).total()).as("%s, a page of %d", q, size).isEqualTo(matches);
            }
        }
    }

    @Test
    void theTotalKeepsTheCountsRules() throws Exception {
        // Past the number counted exactly, or a walk longer than allowed by Lucene's estimate: null,
        // and the same pages.
        try (SearchIndex upToTwo = SearchIndex.open(folder, BUDGET, 2, SearchIndex.COUNT_MAX_COST);
             SearchIndex walkingLittle = SearchIndex.open(folder, BUDGET, SearchIndex.COUNT_EXACTLY_UP_TO, 1)) {
            for (SearchIndex other : List.of(upToTwo, walkingLittle)) {
                SearchHits page = search(other, "river night li", 2, 0);
                assertThat(page.total()).isNull();
                assertThat(page.rowids()).containsExactly(search(index, "river night li", 2, 0).rowids());
            }
        }
    }
}
