package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Image;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Searcher;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.EdgeCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArtistAlbumLookupTest {

    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        catalog = SqliteCatalog.open(EdgeCatalog.shared().files(), SqliteOptions.defaults().withConnections(2));
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static Artist artist(String id) {
        return catalog.artist(id).orElseThrow(() -> new AssertionError("no artist " + id));
    }

    private static Album album(String id) {
        return catalog.album(id).orElseThrow(() -> new AssertionError("no album " + id));
    }

    @Test
    void fullArtist() {
        Artist a = artist(ARTIST_FULL);
        assertThat(a.id()).isEqualTo(ARTIST_FULL);
        assertThat(a.name()).isEqualTo(ARTIST_FULL_NAME);
        assertThat(a.followers()).isEqualTo(ARTIST_FULL_FOLLOWERS);
        assertThat(a.popularity()).isEqualTo(ARTIST_FULL_POPULARITY);
        assertThat(a.genres()).isEqualTo(ARTIST_FULL_GENRES);
    }

    @Test
    void imagesAreWidestFirstNullWidthLastOnePerUrl() {
        List<Image> images = artist(ARTIST_FULL).images();
        assertThat(images).extracting(Image::url).isEqualTo(ARTIST_FULL_IMAGE_URLS);
        assertThat(images).extracting(Image::width).isEqualTo(ARTIST_FULL_IMAGE_WIDTHS);
        assertThat(images.get(3).height()).isNull();
    }

    @Test
    void namesInEveryScriptRoundTrip() {
        Map<String, String> names = Map.of(ARTIST_CYRILLIC, ARTIST_CYRILLIC_NAME, ARTIST_GREEK, ARTIST_GREEK_NAME,
                ARTIST_CJK, ARTIST_CJK_NAME, ARTIST_ARABIC, ARTIST_ARABIC_NAME, ARTIST_HEBREW, ARTIST_HEBREW_NAME,
                ARTIST_EMOJI, ARTIST_EMOJI_NAME, ARTIST_DIACRITICS, ARTIST_DIACRITICS_NAME);
        Map<String, Artist> found = catalog.artists(names.keySet());
        assertThat(found).hasSize(names.size());
        names.forEach((id, name) -> assertThat(found.get(id).name()).isEqualTo(name));
    }

    @Test
    void artistWithEveryColumnNull() {
        assertThat(artist(ARTIST_NULLS)).isEqualTo(new Artist(ARTIST_NULLS, null, null, null, List.of(), List.of()));
    }

    @Test
    void dirtyArtistValuesReadAsNullOrText() {
        Artist a = artist(ARTIST_DIRTY);
        assertThat(a.name()).isEqualTo(ARTIST_DIRTY_NAME);
        assertThat(a.followers()).isNull();
        assertThat(a.popularity()).isNull();
        assertThat(a.genres()).isEqualTo(ARTIST_DIRTY_GENRES);
        assertThat(a.images()).containsExactly(new Image(ARTIST_DIRTY_IMAGE_URL, null, null));
    }

    @Test
    void fullAlbum() {
        Album a = album(ALBUM_FULL);
        assertThat(a.id()).isEqualTo(ALBUM_FULL);
        assertThat(a.name()).isEqualTo(ALBUM_FULL_NAME);
        assertThat(a.albumType()).isEqualTo(ALBUM_FULL_TYPE);
        assertThat(a.label()).isEqualTo(ALBUM_FULL_LABEL);
        assertThat(a.releaseDate()).isEqualTo(ALBUM_FULL_RELEASE_DATE);
        assertThat(a.releaseDatePrecision()).isEqualTo(ALBUM_FULL_PRECISION);
        assertThat(a.upc()).isEqualTo(ALBUM_FULL_UPC);
        assertThat(a.totalTracks()).isEqualTo(ALBUM_FULL_TOTAL_TRACKS);
        assertThat(a.copyrightC()).isEqualTo(ALBUM_FULL_COPYRIGHT_C);
        assertThat(a.copyrightP()).isEqualTo(ALBUM_FULL_COPYRIGHT_P);
        assertThat(a.images()).extracting(Image::url).isEqualTo(ALBUM_FULL_IMAGE_URLS);
    }

    @Test
    void albumArtistsAreOrderedBySmallestIndexEachOnceWithoutAppearsOnRows() {
        Album a = album(ALBUM_FULL);
        assertThat(a.artists()).extracting(Artist::id).isEqualTo(ALBUM_FULL_ARTISTS);
        assertThat(a.artists().get(0)).isEqualTo(artist(ARTIST_FULL));
    }

    @Test
    void albumWithoutImages() {
        Album a = album(ALBUM_NO_IMAGES);
        assertThat(a.name()).isEqualTo(ALBUM_NO_IMAGES_NAME);
        assertThat(a.images()).isEmpty();
        assertThat(a.artists()).extracting(Artist::id).containsExactly(ARTIST_CYRILLIC);
    }

    @Test
    void albumWithEveryColumnNull() {
        assertThat(album(ALBUM_NULLS)).isEqualTo(new Album(ALBUM_NULLS, null, null, null, null, null, null, null, null, null,
                null, List.of(), List.of()));
    }

    @Test
    void batchesAnswerInRequestOrderWithoutUnknownIds() {
        assertThat(catalog.artists(List.of(UNKNOWN_ARTIST, ARTIST_GREEK, ARTIST_FULL)).keySet())
                .containsExactly(ARTIST_GREEK, ARTIST_FULL);
        assertThat(catalog.albums(List.of(ALBUM_NULLS, UNKNOWN_ALBUM, ALBUM_FULL)).keySet())
                .containsExactly(ALBUM_NULLS, ALBUM_FULL);
        assertThat(catalog.artist(UNKNOWN_ARTIST)).isEmpty();
        assertThat(catalog.album(UNKNOWN_ALBUM)).isEmpty();
    }

    @Test
    void bulkBatchesMatchSingleLookups() {
        Map<String, Artist> artists = catalog.artists(bulkArtistIds());
        Map<String, Album> albums = catalog.albums(bulkAlbumIds());
        assertThat(artists.keySet()).containsExactlyElementsOf(bulkArtistIds());
        assertThat(albums.keySet()).containsExactlyElementsOf(bulkAlbumIds());
        String lastArtist = bulkArtistIds().get(BULK - 1);
        String lastAlbum = bulkAlbumIds().get(BULK - 1);
        assertThat(artists.get(lastArtist)).isEqualTo(artist(lastArtist));
        assertThat(albums.get(lastAlbum)).isEqualTo(album(lastAlbum));
        assertThat(albums.get(lastAlbum).artists()).extracting(Artist::id).containsExactly(lastArtist);
    }

    @Test
    void searchHitsBecomeItemsInTheirOrderRepeatsKeptMissingRowidsSkipped() throws Exception {
        Map<SearchKind, long[]> hits = Map.of(SearchKind.ARTISTS, new long[] {3, 424242, 1, 3},
                SearchKind.ALBUMS, new long[] {2, 1, 9999}, SearchKind.TRACKS, new long[] {2, 1, -5});
        Searcher fixed = (kind, request) -> new SearchHits(hits.get(kind), 4L);
        SearchRequest any = new SearchRequest("any", 20, 0);
        try (SqliteCatalog searching = SqliteCatalog.open(EdgeCatalog.shared().files(), SqliteOptions.defaults(),
                fixed)) {
            assertThat(searching.searchArtists(any).items()).extracting(Artist::id)
                    .containsExactly(ARTIST_GREEK, ARTIST_FULL, ARTIST_GREEK);
            assertThat(searching.searchAlbums(any).items()).extracting(Album::id)
                    .containsExactly(ALBUM_NO_IMAGES, ALBUM_FULL);
            Page<Track> tracks = searching.searchTracks(any);
            assertThat(tracks.items()).extracting(Track::id).containsExactly(TRACK_TEN_ARTISTS, TRACK_FULL);
            assertThat(tracks.items().get(1)).isEqualTo(catalog.track(TRACK_FULL).orElseThrow());
            assertThat(tracks.total()).isEqualTo(4L);
        }
        Searcher none = (kind, request) -> SearchHits.NONE;
        try (SqliteCatalog searching = SqliteCatalog.open(EdgeCatalog.shared().files(), SqliteOptions.defaults(),
                none)) {
            assertThat(searching.searchTracks(any).items()).isEmpty();
        }
    }
}
