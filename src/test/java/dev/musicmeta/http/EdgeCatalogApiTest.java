package dev.musicmeta.http;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.testing.EdgeCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API over the edge catalog: NULLs everywhere, wrong types, every script, broken JSON in
 * track_files. Every answer validates against the OpenAPI schemas (the client checks), so each
 * edge is served with every documented field, of its documented type.
 */
class EdgeCatalogApiTest {

    private final ApiClient api = Fixtures.edgeApi();

    static List<String> everyEdgeTrackIsServedInTheDocumentedShapeIds() {
        return List.of(TRACK_FULL, TRACK_TEN_ARTISTS, TRACK_NULLS, TRACK_MISSING_ALBUM, TRACK_MISSING_ARTIST,
        TRACK_REPEATED_ARTIST, TRACK_NULL_ID_ARTIST, TRACK_DIRTY_TYPES, TRACK_NULL_ISRC, TRACK_TF_MISSING,
        TRACK_TF_TWO_ROWS, TRACK_TF_BROKEN_JSON, TRACK_TF_LANGUAGES_NOT_ARRAY, TRACK_TF_LANGUAGES_NOT_STRINGS,
        TRACK_TF_ROLES_NOT_JSON, TRACK_TF_NULLS, TRACK_TF_ROLES_NESTED, TRACK_ETE, TRACK_GREEK_SIGMA);
    }

    @ParameterizedTest
    @MethodSource("everyEdgeTrackIsServedInTheDocumentedShapeIds")
    void everyEdgeTrackIsServedInTheDocumentedShape(String id) {
        ApiClient.Response res = api.get("/lookup/track/" + id);

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("id").asText()).isEqualTo(id);
    }

    static List<String> everyEdgeArtistIsServedInTheDocumentedShapeIds() {
        return List.of(ARTIST_FULL, ARTIST_CYRILLIC, ARTIST_GREEK, ARTIST_CJK, ARTIST_ARABIC, ARTIST_HEBREW,
        ARTIST_EMOJI, ARTIST_DIACRITICS, ARTIST_NULLS, ARTIST_DIRTY);
    }

    @ParameterizedTest
    @MethodSource("everyEdgeArtistIsServedInTheDocumentedShapeIds")
    void everyEdgeArtistIsServedInTheDocumentedShape(String id) {
        assertThat(api.get("/lookup/artist/" + id).status()).isEqualTo(200);
    }

    static List<String> everyEdgeAlbumAndItsTracksAreServedInTheDocumentedShapeIds() {
        return List.of(ALBUM_FULL, ALBUM_NO_IMAGES, ALBUM_NULLS, ALBUM_DIRTY, ALBUM_ORDER);
    }

    @ParameterizedTest
    @MethodSource("everyEdgeAlbumAndItsTracksAreServedInTheDocumentedShapeIds")
    void everyEdgeAlbumAndItsTracksAreServedInTheDocumentedShape(String id) {
        assertThat(api.get("/lookup/album/" + id).status()).isEqualTo(200);
        assertThat(api.get("/lookup/album/" + id + "/tracks").status()).isEqualTo(200);
    }

    @Test
    void theFullTrackCarriesEveryFieldAndItsEnrichment() throws Exception {
        JsonNode t = api.get("/lookup/track/" + TRACK_FULL).json();

        assertThat(t.get("name").asText()).isEqualTo(TRACK_FULL_NAME);
        assertThat(t.get("isrc").asText()).isEqualTo(TRACK_FULL_ISRC);
        assertThat(t.get("duration_ms").asInt()).isEqualTo(TRACK_FULL_DURATION_MS);
        assertThat(t.get("preview_url").asText()).isEqualTo(TRACK_FULL_PREVIEW_URL);
        assertThat(t.get("album").get("id").asText()).isEqualTo(ALBUM_FULL);
        assertThat(t.get("album").get("label").asText()).isEqualTo(ALBUM_FULL_LABEL);
        assertThat(LookupApiTest.ids(t.get("album").get("artists"))).containsExactlyElementsOf(ALBUM_FULL_ARTISTS);
        assertThat(t.get("original_title").asText()).isEqualTo(TRACK_FULL_ORIGINAL_TITLE);
        assertThat(t.get("version_title").asText()).isEqualTo(TRACK_FULL_VERSION_TITLE);
        assertThat(LookupApiTest.texts(t.get("languages"))).containsExactlyElementsOf(TRACK_FULL_LANGUAGES);
        assertThat(t.get("artist_roles")).isEqualTo(ApiClient.JSON.readTree(TRACK_FULL_ARTIST_ROLES));
    }

    @Test
    void artistRolesPassThroughAsStoredAndBrokenJsonBecomesNullAndEmpty() throws Exception {
        JsonNode nested = api.get("/lookup/track/" + TRACK_TF_ROLES_NESTED).json();
        JsonNode broken = api.get("/lookup/track/" + TRACK_TF_BROKEN_JSON).json();
        JsonNode notJson = api.get("/lookup/track/" + TRACK_TF_ROLES_NOT_JSON).json();
        JsonNode missing = api.get("/lookup/track/" + TRACK_TF_MISSING).json();

        assertThat(nested.get("artist_roles")).isEqualTo(ApiClient.JSON.readTree(TRACK_TF_ROLES_NESTED_JSON));
        assertThat(broken.get("artist_roles").isNull()).isTrue();
        assertThat(broken.get("languages")).isEmpty();
        assertThat(notJson.get("artist_roles").isNull()).isTrue();
        assertThat(LookupApiTest.texts(notJson.get("languages"))).containsExactlyElementsOf(TRACK_TF_ROLES_NOT_JSON_LANGUAGES);
        assertThat(missing.get("has_lyrics").isNull()).isTrue();
        assertThat(missing.get("languages")).isEmpty();
    }

    @Test
    void unicodeNamesRoundTripInEveryScript() {
        assertThat(api.get("/lookup/artist/" + ARTIST_CJK).json().get("name").asText()).isEqualTo(ARTIST_CJK_NAME);
        assertThat(api.get("/lookup/artist/" + ARTIST_ARABIC).json().get("name").asText()).isEqualTo(ARTIST_ARABIC_NAME);
        assertThat(api.get("/lookup/artist/" + ARTIST_EMOJI).json().get("name").asText()).isEqualTo(ARTIST_EMOJI_NAME);
        assertThat(api.get("/lookup/artist/" + ARTIST_DIACRITICS).json().get("name").asText())
                .isEqualTo(ARTIST_DIACRITICS_NAME);
    }

    @Test
    void nullsAreNullAndListsAreEmpty() {
        JsonNode t = api.get("/lookup/track/" + TRACK_NULLS).json();
        JsonNode a = api.get("/lookup/artist/" + ARTIST_NULLS).json();

        assertThat(t.get("name").isNull()).isTrue();
        assertThat(t.get("album").isNull()).isTrue();
        assertThat(t.get("artists")).isEmpty();
        assertThat(t.get("languages")).isEmpty();
        assertThat(a.get("followers").isNull()).isTrue();
        assertThat(a.get("genres")).isEmpty();
        assertThat(a.get("images")).isEmpty();
    }

    @Test
    void isrcTracksAndAlbumTracksComeInTheContractsOrder() {
        List<String> isrc = LookupApiTest.ids(api.get("/lookup/isrc/" + ISRC_MANY + "/tracks").json());
        List<String> album = LookupApiTest.ids(api.get("/lookup/album/" + ALBUM_ORDER + "/tracks").json());

        assertThat(isrc).containsExactlyElementsOf(ISRC_MANY_ORDER);
        assertThat(api.get("/lookup/isrc/" + ISRC_MANY).json().get("id").asText()).isEqualTo(ISRC_MANY_ORDER.get(0));
        assertThat(album).containsExactlyElementsOf(ALBUM_ORDER_TRACKS);
    }

    @Test
    void aTrackWithoutAnIdIsServedWithIdNull() {
        JsonNode t = api.get("/lookup/isrc/" + ISRC_NULL_ID_TRACK).json();

        assertThat(t.get("id").isNull()).isTrue();
    }

    @Test
    void withoutTrackFilesTheEnrichmentIsNullOrEmpty() {
        EdgeCatalog bare = EdgeCatalog.createWithoutTrackFiles(
                Path.of(System.getProperty("basedir", "."), "target", "http-edge-catalog-bare"));
        try (SqliteCatalog catalog = Fixtures.open(bare.files(), SqliteOptions.defaults());
                TestServer server = TestServer.start(catalog)) {
            JsonNode t = server.client().get("/lookup/track/" + TRACK_FULL).json();

            assertThat(t.get("name").asText()).isEqualTo(TRACK_FULL_NAME);
            assertThat(t.get("has_lyrics").isNull()).isTrue();
            assertThat(t.get("original_title").isNull()).isTrue();
            assertThat(t.get("artist_roles").isNull()).isTrue();
            assertThat(t.get("languages")).isEmpty();
        }
    }
}
