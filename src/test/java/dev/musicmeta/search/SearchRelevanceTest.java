package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.InvalidSearchException;
import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.SearchTimeoutException;
import dev.musicmeta.testing.HandBuiltCatalog;
import dev.musicmeta.testing.RelevanceCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people searching expect, on a hand-built catalog: each rule of the search contract. */
class SearchRelevanceTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static HandBuiltCatalog catalog;
    static SearchIndex index;

    @BeforeAll
    static void build() throws Exception {
        catalog = RelevanceCatalog.write(dir.resolve("catalog"));
        Path folder = IndexBuilder.defaultFolder(catalog.mainFile());
        TestIndexes.build(new IndexBuilder(2, 16), catalog.mainFile(), folder, Progress.NONE);
        index = SearchIndex.open(folder, BUDGET);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static SearchHits hits(SearchKind kind, String q, int limit, int offset) {
        return index.search(kind, new SearchRequest(q, limit, offset), BUDGET);
    }

    static List<String> names(SearchKind kind, String q) {
        Map<Long, String> names = switch (kind) {
            case TRACKS -> catalog.trackNames;
            case ARTISTS -> catalog.artistNames;
            case ALBUMS -> catalog.albumNames;
        };
        return Arrays.stream(hits(kind, q, 50, 0).rowids()).mapToObj(names::get).toList();
    }

    static List<String> tracks(String q) {
        return names(SearchKind.TRACKS, q);
    }

    static List<String> artists(String q) {
        return names(SearchKind.ARTISTS, q);
    }

    static List<String> albums(String q) {
        return names(SearchKind.ALBUMS, q);
    }

    /** rowids of the track hits */
    static long[] trackRowids(String q) {
        return hits(SearchKind.TRACKS, q, 50, 0).rowids();
    }

    static long rowidOf(Map<Long, String> names, String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).mapToLong(Map.Entry::getKey)
                .min().orElseThrow();
    }

    @Nested
    class Ranking {

        @Test
        void exactTitleComesBeforeMorePopularPartialMatches() {
            assertThat(tracks("yesterday")).containsExactly("Yesterday", "Yesterday", "Yesterday Once More");
            long[] rowids = trackRowids("yesterday");
            // The two exact titles: the popular one (The Beatles, 80) before the obscure (1).
            assertThat(rowids[0]).isEqualTo(rowidOf(catalog.trackNames, "Yesterday") + 1);
            assertThat(tracks("help")).first().isEqualTo("Help!");
        }

        @Test
        void popularArtistBeatsObscureOneOfTheSameName() {
            long[] rowids = hits(SearchKind.ARTISTS, "nirvana", 10, 0).rowids();
            assertThat(rowids).hasSize(2);
            assertThat(rowids[0]).isLessThan(rowids[1]); // the 20 M followers one was written first
            assertThat(artists("queen")).startsWith("Queen", "Queen");
            long[] queens = hits(SearchKind.ARTISTS, "queen", 10, 0).rowids();
            assertThat(queens[0]).isEqualTo(rowidOf(catalog.artistNames, "Queen"));
        }

        @Test
        void popularTrackBeatsObscureOneOfTheSameTitle() {
            long[] rowids = trackRowids("bohemian rhapsody");
            assertThat(rowids).hasSize(2);
            assertThat(rowids[0]).isEqualTo(rowidOf(catalog.trackNames, "Bohemian Rhapsody"));
        }

        @Test
        void wordsMayMatchTitleArtistAndAlbumTogether() {
            assertThat(tracks("queen bohemian")).containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody");
            assertThat(tracks("nevermind teen")).containsExactly("Smells Like Teen Spirit");
            assertThat(tracks("beatles yesterday")).containsExactly("Yesterday");
            assertThat(albums("queen opera")).containsExactly("A Night at the Opera");
        }

        @Test
        void everyWordMustMatch() {
            assertThat(tracks("bohemian rhapsody zzzz")).isEmpty();
            assertThat(artists("queen beatles")).isEmpty();
        }

        @Test
        void titleMatchesComeBeforeAlbumMatches() {
            // "Help!" the title and "Yesterday" on the album Help!: the title match first.
            assertThat(tracks("help")).containsExactly("Help!", "Yesterday");
        }
    }

    @Nested
    class Forgiving {

        @Test
        void caseAndAccentsAreIgnoredBothWays() {
            assertThat(artists("beyonce")).containsExactly("Beyoncé", "Beyonce Tribute Band");
            assertThat(artists("BEYONCÉ")).containsExactly("Beyoncé", "Beyonce Tribute Band");
            assertThat(artists("beyoncé tribute")).containsExactly("Beyonce Tribute Band");
            assertThat(artists("motley crue")).containsExactly("Mötley Crüe");
            assertThat(artists("queensryche")).containsExactly("Queensrÿche");
        }

        @Test
        void fullWidthLettersAreOrdinaryLetters() {
            assertThat(artists("ｑｕｅｅｎ")).startsWith("Queen", "Queen");
        }

        @Test
        void oneTypoIsForgivenInWordsOfFiveLetters() {
            assertThat(artists("nirvanna")).containsExactly("Nirvana", "Nirvana");
            assertThat(artists("beyonse")).first().isEqualTo("Beyoncé");
            assertThat(tracks("bohemain rhapsody")).containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody");
        }

        @Test
        void shortWordsAndTwoTyposAreNotForgiven() {
            assertThat(artists("blru")).isEmpty();
            assertThat(artists("nirrvanna")).isEmpty();
        }

        @Test
        void wholeWordsRankAbovePrefixes() {
            // Queensrÿche (1 M followers) matches "queen" as a prefix only: below both Queens,
            // even the one with 500 followers.
            assertThat(artists("queen")).containsExactly("Queen", "Queen", "Queensrÿche");
        }

        @Test
        void lastWordMatchesAsPrefix() {
            assertThat(tracks("bohemian rhap")).containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody");
            assertThat(tracks("smells like teen spi")).containsExactly("Smells Like Teen Spirit");
            assertThat(tracks("bohem rhapsody")).isEmpty(); // only the last word is a prefix
        }

        @Test
        void twoLetterPrefixesWork() {
            assertThat(artists("daft pu")).containsExactly("Daft Punk", "Punk Daft Experience");
        }

        @Test
        void apostrophesAndDotsMayBeTypedOrNot() {
            assertThat(tracks("dont stop me now")).containsExactly("Don't Stop Me Now");
            assertThat(tracks("don't stop me now")).containsExactly("Don't Stop Me Now");
            assertThat(tracks("don’t stop")).containsExactly("Don't Stop Me Now");
            assertThat(tracks("amour toujours")).containsExactly("L'amour toujours");
            assertThat(artists("gigi dagostino")).containsExactly("Gigi D'Agostino");
            assertThat(albums("dr feelgood")).containsExactly("Dr. Feelgood");
        }
    }

    @Nested
    class Filters {

        @Test
        void artistFilter() {
            assertThat(tracks("artist:queen")).containsExactlyInAnyOrder(
                    "Bohemian Rhapsody", "Love of My Life", "Don't Stop Me Now", "Bohemian Rhapsody", "Yesterday");
            assertThat(tracks("yesterday artist:beatles")).containsExactly("Yesterday");
            assertThat(tracks("yesterday artist: beatles")).containsExactly("Yesterday");
            assertThat(tracks("yesterday ARTIST:Beatles")).containsExactly("Yesterday");
            assertThat(albums("artist:nirvana")).containsExactly("Nevermind", "The Story of Simon Simopath");
        }

        @Test
        void quotedValuesArePhrases() {
            assertThat(artists("artist:daft")).containsExactly("Daft Punk", "Punk Daft Experience");
            assertThat(artists("artist:\"daft punk\"")).containsExactly("Daft Punk");
            assertThat(tracks("track:\"one more\"")).containsExactly("One More Time");
            assertThat(tracks("\"more once\"")).isEmpty();
            assertThat(tracks("\"once more\"")).containsExactly("Yesterday Once More");
        }

        @Test
        void filterWordsAreExactNotPrefixesOrTypos() {
            assertThat(tracks("artist:quee")).isEmpty();
            assertThat(tracks("artist:nirvanna")).isEmpty();
        }

        @Test
        void albumAndTrackFilters() {
            assertThat(tracks("album:nevermind")).containsExactly("Smells Like Teen Spirit", "Come as You Are");
            assertThat(tracks("track:yesterday")).containsExactly("Yesterday", "Yesterday", "Yesterday Once More");
            assertThat(albums("album:lemonade")).containsExactly("Lemonade");
        }

        @Test
        void yearAndYearRange() {
            assertThat(tracks("year:1991")).containsExactly("Smells Like Teen Spirit", "Come as You Are");
            assertThat(albums("year:1990-1999")).containsExactlyInAnyOrder("Nevermind", "Queen Tribute", "Filler Hits");
            assertThat(albums("year:1999-1990")).containsExactlyInAnyOrder("Nevermind", "Queen Tribute", "Filler Hits");
            assertThat(tracks("rhapsody year:1970-1979")).containsExactly("Bohemian Rhapsody");
            assertThat(albums("year:1968")).containsExactly("The Story of Simon Simopath");
        }

        @Test
        void isrcIsNormalized() {
            assertThat(tracks("isrc:gb-um7-10-29604")).containsExactly("Bohemian Rhapsody");
            assertThat(tracks("isrc:GBUM71029604")).containsExactly("Bohemian Rhapsody");
        }

        @Test
        void upcIgnoresLeadingZeros() {
            assertThat(albums("upc:0602547288233")).containsExactly("A Night at the Opera");
            assertThat(albums("upc:602547288233")).containsExactly("A Night at the Opera");
            assertThat(albums("upc:123")).containsExactly("Filler Hits");
        }

        @Test
        void genreFilterOnArtistsAndThroughArtistsOnTracksAndAlbums() {
            assertThat(artists("genre:grunge")).containsExactly("Nirvana");
            assertThat(artists("genre:\"classic rock\"")).containsExactly("Queen");
            assertThat(artists("genre:rock")).contains("Queen", "The Beatles", "Кино").doesNotContain("Daft Punk");
            assertThat(tracks("genre:grunge")).containsExactly("Smells Like Teen Spirit", "Come as You Are");
            assertThat(albums("genre:\"french house\"")).containsExactly("Discovery");
        }

        @Test
        void filterThatDoesNotApplyIsPlainText() {
            // album: does not apply to artists: "album leaf" are words of the name.
            assertThat(artists("album:leaf")).containsExactly("The Album Leaf");
            // isrc: does not apply to albums, upc: not to artists.
            assertThat(albums("isrc:GBUM71029604")).isEmpty();
            assertThat(artists("upc:602547288233")).isEmpty();
        }

        @Test
        void unknownNameIsPlainText() {
            assertThat(tracks("mr:brightside")).containsExactly("Mr. Brightside");
            assertThat(tracks("foo:brightside")).isEmpty();
        }

        @Test
        void malformedValuesAreRefusedSayingWhatIsAccepted() {
            for (SearchKind kind : SearchKind.values()) {
                assertThatThrownBy(() -> hits(kind, "year:abc", 10, 0)).isInstanceOf(InvalidSearchException.class)
                        .hasMessageContaining("year: takes a year (year:1999)");
                assertThatThrownBy(() -> hits(kind, "queen isrc:nope", 10, 0)).isInstanceOf(InvalidSearchException.class)
                        .hasMessageContaining("isrc: takes an ISRC");
            }
        }

        @Test
        void openYearRanges() {
            assertThat(albums("year:2016-")).containsExactlyInAnyOrder("Lemonade", "MAP OF THE SOUL : 7");
            assertThat(albums("year:-1968")).containsExactlyInAnyOrder("Help!", "The Story of Simon Simopath");
            assertThat(tracks("help year:-1970")).containsExactly("Help!", "Yesterday"); // the title, then the album
        }
    }

    @Nested
    class Scripts {

        @Test
        void cjkMatchesInsideLongerNames() {
            assertThat(artists("東京")).containsExactly("東京事変");
            assertThat(artists("事変")).containsExactly("東京事変");
            assertThat(tracks("群青")).containsExactly("群青日和");
            assertThat(albums("教育")).containsExactly("教育");
            assertThat(artists("東京事変")).containsExactly("東京事変");
        }

        @Test
        void hangul() {
            assertThat(artists("방탄")).containsExactly("방탄소년단");
            assertThat(tracks("방탄소년단 black swan")).containsExactly("Black Swan");
        }

        @Test
        void cyrillic() {
            assertThat(artists("кино")).containsExactly("Кино");
            assertThat(artists("КИНО")).containsExactly("Кино");
            assertThat(tracks("группа крови")).containsExactly("Группа крови");
        }

        @Test
        void greekWithAndWithoutTonos() {
            assertThat(artists("βασιλης")).containsExactly("Βασίλης Παπακωνσταντίνου");
            assertThat(artists("ΒΑΣΙΛΗΣ")).containsExactly("Βασίλης Παπακωνσταντίνου");
            assertThat(tracks("ελπιδα")).containsExactly("Ελπίδα");
        }

        @Test
        void arabicWithAndWithoutMarksAndHamza() {
            assertThat(artists("فيروز")).containsExactly("فيروز");
            assertThat(artists("فَيْرُوز")).containsExactly("فيروز");
            assertThat(artists("ام كلثوم")).containsExactly("أم كلثوم");
            assertThat(tracks("كيفك انت")).containsExactly("كيفك إنت");
        }
    }

    @Nested
    class Paging {

        @Test
        void pagesNeverOverlapAndFollowPopularityThenRowid() {
            List<Long> seen = new ArrayList<>();
            for (int offset = 0; offset < RelevanceCatalog.FILLERS; offset += 7) {
                SearchHits page = hits(SearchKind.TRACKS, "filler", 7, offset);
                assertThat(page.total()).isEqualTo(RelevanceCatalog.FILLERS);
                for (long rowid : page.rowids()) {
                    seen.add(rowid);
                }
            }
            assertThat(new HashSet<>(seen)).hasSize(RelevanceCatalog.FILLERS);
            // Filler Song i has popularity i % 3, and rowids in i order.
            long first = rowidOf(catalog.trackNames, "Filler Song 01");
            List<Long> expected = LongStream.range(first, first + RelevanceCatalog.FILLERS).boxed()
                    .sorted(Comparator.comparingLong((Long r) -> -((r - first + 1) % 3)).thenComparingLong(r -> r))
                    .toList();
            assertThat(seen).isEqualTo(expected);
        }

        @Test
        void pagesRunAcrossTiers() {
            // Exact names (two Queens), then a prefix match (Queensrÿche): one per page.
            List<Long> seen = new ArrayList<>();
            for (int offset = 0; offset < 3; offset++) {
                SearchHits page = hits(SearchKind.ARTISTS, "queen", 1, offset);
                assertThat(page.rowids()).hasSize(1);
                assertThat(page.total()).isEqualTo(3);
                seen.add(page.rowids()[0]);
            }
            assertThat(seen).doesNotHaveDuplicates()
                    .containsExactly(Arrays.stream(hits(SearchKind.ARTISTS, "queen", 3, 0).rowids()).boxed()
                            .toArray(Long[]::new));
            assertThat(hits(SearchKind.ARTISTS, "queen", 1, 3).rowids()).isEmpty();
        }

        @Test
        void skippingPastTheCountGivesTheSamePagesAndNoTotal() throws Exception {
            try (SearchIndex skipping = SearchIndex.open(index.folder(), BUDGET, 1, SearchIndex.COUNT_MAX_COST)) {
                for (String q : List.of("filler", "filler song", "yesterday", "queen", "artist:filler", "genre:rock")) {
                    for (SearchKind kind : SearchKind.values()) {
                        for (int offset = 0; offset < 30; offset += 4) {
                            SearchRequest request = new SearchRequest(q, 4, offset);
                            SearchHits exact = index.search(kind, request, BUDGET);
                            SearchHits skipped = skipping.search(kind, request, BUDGET);
                            assertThat(skipped.rowids()).as("%s %s offset %d", kind, q, offset)
                                    .containsExactly(exact.rowids());
                        }
                    }
                }
                assertThat(skipping.search(SearchKind.TRACKS, new SearchRequest("filler", 4, 0), BUDGET).total())
                        .isNull();
            }
        }

        @Test
        void aCountThatWouldWalkLongPostingsIsLeftOutButPagesStayTheSame() throws Exception {
            try (SearchIndex walkingLittle = SearchIndex.open(index.folder(), BUDGET, SearchIndex.COUNT_EXACTLY_UP_TO, 1)) {
                // Two words: counting them means walking their postings; the page is full.
                SearchRequest full = new SearchRequest("filler song", 4, 0);
                assertThat(walkingLittle.search(SearchKind.TRACKS, full, BUDGET).total()).isNull();
                assertThat(index.search(SearchKind.TRACKS, full, BUDGET).total()).isEqualTo(RelevanceCatalog.FILLERS);
                for (int offset = 0; offset < RelevanceCatalog.FILLERS + 4; offset += 4) {
                    SearchRequest request = new SearchRequest("filler song", 4, offset);
                    assertThat(walkingLittle.search(SearchKind.TRACKS, request, BUDGET).rowids())
                            .containsExactly(index.search(SearchKind.TRACKS, request, BUDGET).rowids());
                }
                // A page that is not full holds every match: no count needed.
                SearchHits all = walkingLittle.search(SearchKind.TRACKS, new SearchRequest("filler song", 50, 0), BUDGET);
                assertThat(all.total()).isEqualTo(RelevanceCatalog.FILLERS);
                assertThat(all.rowids()).hasSize(RelevanceCatalog.FILLERS);
                // A filter of one word is counted from its document frequency, without a walk.
                assertThat(walkingLittle.search(SearchKind.TRACKS, new SearchRequest("isrc:GBUM71029604", 1, 0), BUDGET)
                        .total()).isEqualTo(1);
            }
        }

        @Test
        void totalIsExactAndOffsetPastTheEndIsEmpty() {
            assertThat(hits(SearchKind.TRACKS, "yesterday", 1, 0).total()).isEqualTo(3);
            assertThat(hits(SearchKind.TRACKS, "yesterday", 1, 0).rowids()).hasSize(1);
            SearchHits past = hits(SearchKind.TRACKS, "yesterday", 10, 100);
            assertThat(past.rowids()).isEmpty();
            assertThat(past.total()).isEqualTo(3);
        }
    }

    @Nested
    class Robustness {

        @Test
        void queryWithoutWordsFindsNothing() {
            SearchHits none = hits(SearchKind.TRACKS, "!! ??", 20, 0);
            assertThat(none.rowids()).isEmpty();
            assertThat(none.total()).isZero();
            assertThat(tracks("artist:\"\"")).isEmpty();
        }

        @Test
        void searchPastItsBudgetTimesOut() {
            SearchRequest request = new SearchRequest("filler", 20, 0);
            assertThatThrownBy(() -> index.search(SearchKind.TRACKS, request, Duration.ZERO))
                    .isInstanceOf(SearchTimeoutException.class);
        }

        @Test
        void everyKindIsCounted() {
            Set<SearchKind> kinds = Set.of(SearchKind.values());
            for (SearchKind kind : kinds) {
                assertThat(index.manifest().documents(kind)).isPositive();
            }
            assertThat(index.manifest().documents(SearchKind.TRACKS)).isEqualTo(catalog.trackNames.size());
            assertThat(index.manifest().documents(SearchKind.ARTISTS)).isEqualTo(catalog.artistNames.size());
            assertThat(index.manifest().documents(SearchKind.ALBUMS)).isEqualTo(catalog.albumNames.size());
        }
    }
}
