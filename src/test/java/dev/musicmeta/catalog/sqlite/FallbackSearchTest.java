package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.EdgeCatalog;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FallbackSearchTest {

    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        catalog = SqliteCatalog.open(EdgeCatalog.shared().files(), SqliteOptions.defaults().withConnections(2));
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    static Page<Track> tracks(String q, int limit, int offset) {
        return catalog.searchTracks(new SearchRequest(q, limit, offset));
    }

    static List<String> trackIds(String q) {
        return tracks(q, 50, 0).items().stream().map(Track::id).toList();
    }

    @Test
    void exactThenPrefixThenContainsEachByPopularityThenRowid() {
        Page<Track> page = tracks(SEARCH_LOVE, 20, 0);
        assertThat(page.items()).extracting(Track::id).isEqualTo(SEARCH_LOVE_TRACKS);
        assertThat(page.total()).isEqualTo(SEARCH_LOVE_TRACKS.size());
        assertThat(page.limit()).isEqualTo(20);
        assertThat(page.offset()).isZero();
    }

    @Test
    void pagesAreSlicesOfTheSameOrderWithTheSameTotal() {
        Page<Track> middle = tracks("LOVE", 2, 2);
        assertThat(middle.items()).extracting(Track::id).isEqualTo(SEARCH_LOVE_TRACKS.subList(2, 4));
        assertThat(middle.total()).isEqualTo(6);
        Page<Track> past = tracks("love", 10, 100);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(6);
    }

    @Test
    void hitsAreFullyAssembledTracks() {
        Track hit = tracks(SEARCH_LOVE, 1, 0).items().get(0);
        assertThat(hit).isEqualTo(catalog.track(LOVE_EXACT_POP50).orElseThrow());
        assertThat(hit.album()).isNotNull();
    }

    @Test
    void caseIsFoldedBeyondAscii() {
        assertThat(trackIds("été")).containsExactly(TRACK_ETE);
        assertThat(trackIds("indien")).containsExactly(TRACK_ETE);
        assertThat(trackIds("STRASSE")).containsExactly(TRACK_STRASSE);
        assertThat(trackIds("οδος")).containsExactly(TRACK_GREEK_SIGMA);
        assertThat(catalog.searchArtists(new SearchRequest("кино", 20, 0)).items()).extracting(Artist::id)
                .containsExactly(ARTIST_CYRILLIC);
        assertThat(catalog.searchArtists(new SearchRequest("ŁUKASZ ŻÓŁĆ", 20, 0)).items()).extracting(Artist::id)
                .containsExactly(ARTIST_DIACRITICS);
        assertThat(catalog.searchArtists(new SearchRequest("龍一", 20, 0)).items()).extracting(Artist::id)
                .containsExactly(ARTIST_CJK);
        assertThat(catalog.searchArtists(new SearchRequest("o 🔥", 20, 0)).items()).extracting(Artist::id)
                .containsExactly(ARTIST_EMOJI);
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        assertThat(trackIds("0%")).containsExactly(TRACK_PERCENT);
        assertThat(trackIds("a_b")).containsExactly(TRACK_UNDERSCORE);
        assertThat(trackIds("%%")).isEmpty();
        assertThat(trackIds("__")).isEmpty();
    }

    @Test
    void artistsRankByFollowersWithNullLast() {
        Page<Artist> page = catalog.searchArtists(new SearchRequest(SEARCH_ECHO, 20, 0));
        assertThat(page.items()).extracting(Artist::id).isEqualTo(SEARCH_ECHO_ARTISTS);
        assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void albumsAreSearchedAndCountedExactly() {
        Page<Album> lemonade = catalog.searchAlbums(new SearchRequest("lemonade", 20, 0));
        assertThat(lemonade.items()).extracting(Album::id).containsExactly(ALBUM_FULL);
        Page<Album> bulk = catalog.searchAlbums(new SearchRequest("Bulk Album 1", 3, 0));
        // "Bulk Album 1" exact, then the prefixes 10..19 and 100..199, by popularity.
        assertThat(bulk.total()).isEqualTo(111);
        assertThat(bulk.items().get(0).name()).isEqualTo("Bulk Album 1");
        assertThat(bulk.items()).hasSize(3);
    }

    @Test
    void noMatchIsAnEmptyPage() {
        Page<Track> none = tracks("no such name anywhere", 20, 0);
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
    }
}
