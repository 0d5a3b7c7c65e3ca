package dev.musicmeta.http;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /v1} over the edge catalog: NULLs everywhere, missing rows, dirty types. Every answer
 * validates against the Spotify schemas of openapi.yaml (the client checks), so every edge is
 * served in Spotify's shape; where the catalog holds nothing, the field is {@code null} and the
 * links that would name the item are left out.
 */
class SpotifyEdgeCatalogApiTest {

    private static final String[] TOKEN = {"Authorization", "Bearer t"};

    private final ApiClient api = Fixtures.edgeApi();

    static List<String> edgeTracks() {
        return EdgeCatalogApiTest.everyEdgeTrackIsServedInTheDocumentedShapeIds();
    }

    @ParameterizedTest
    @MethodSource("edgeTracks")
    void everyEdgeTrackIsServedInSpotifysShapeAloneAndInABatch(String id) {
        ApiClient.Response one = api.get("/v1/tracks/" + id, TOKEN);
        ApiClient.Response several = api.get("/v1/tracks?ids=" + id + "," + id, TOKEN);

        assertThat(one.status()).isEqualTo(200);
        assertThat(several.json().get("tracks").get(1)).isEqualTo(one.json());
    }

    @ParameterizedTest
    @MethodSource("dev.musicmeta.http.EdgeCatalogApiTest#everyEdgeArtistIsServedInTheDocumentedShapeIds")
    void everyEdgeArtistIsServedInSpotifysShape(String id) {
        assertThat(api.get("/v1/artists/" + id, TOKEN).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("dev.musicmeta.http.EdgeCatalogApiTest#everyEdgeAlbumAndItsTracksAreServedInTheDocumentedShapeIds")
    void everyEdgeAlbumAndItsTracksAreServedInSpotifysShape(String id) {
        assertThat(api.get("/v1/albums/" + id, TOKEN).status()).isEqualTo(200);
        assertThat(api.get("/v1/albums/" + id + "/tracks?limit=1", TOKEN).status()).isEqualTo(200);
    }

    @Test
    void nullsAreNullAndAnAlbumWithNothingHasNoCopyrightsOrIds() {
        JsonNode t = api.get("/v1/tracks/" + TRACK_NULLS, TOKEN).json();
        JsonNode a = api.get("/v1/albums/" + ALBUM_NULLS, TOKEN).json();
        JsonNode artist = api.get("/v1/artists/" + ARTIST_NULLS, TOKEN).json();

        assertThat(t.get("name").isNull()).isTrue();
        assertThat(t.get("album").isNull()).isTrue();
        assertThat(t.get("explicit").isNull()).isTrue();
        assertThat(t.get("external_ids").isEmpty()).isTrue();
        assertThat(a.get("copyrights")).isEmpty();
        assertThat(a.get("external_ids").isEmpty()).isTrue();
        assertThat(a.get("album_type").isNull()).isTrue();
        assertThat(artist.get("followers").get("total").isNull()).isTrue();
    }

    @Test
    void aCreditWithoutAnIdHasNoLinks() {
        JsonNode credits = api.get("/v1/tracks/" + TRACK_NULL_ID_ARTIST, TOKEN).json().get("artists");

        JsonNode nameless = null;
        for (JsonNode c : credits) {
            if (c.get("name").asText().equals(ARTIST_NULL_ID_NAME)) {
                nameless = c;
            }
        }
        assertThat(nameless).isNotNull();
        assertThat(nameless.get("id").isNull()).isTrue();
        assertThat(nameless.get("href").isNull()).isTrue();
        assertThat(nameless.get("uri").isNull()).isTrue();
        assertThat(nameless.get("external_urls").isEmpty()).isTrue();
    }

    @Test
    void theFullAlbumCarriesItsStoredValues() {
        JsonNode a = api.get("/v1/albums/" + ALBUM_FULL, TOKEN).json();

        assertThat(a.get("name").asText()).isEqualTo(ALBUM_FULL_NAME);
        assertThat(a.get("album_type").asText()).isEqualTo(ALBUM_FULL_TYPE);
        assertThat(a.get("label").asText()).isEqualTo(ALBUM_FULL_LABEL);
        assertThat(a.get("release_date").asText()).isEqualTo(ALBUM_FULL_RELEASE_DATE);
        assertThat(a.get("release_date_precision").asText()).isEqualTo(ALBUM_FULL_PRECISION);
        assertThat(a.get("external_ids").get("upc").asText()).isEqualTo(ALBUM_FULL_UPC);
        assertThat(LookupApiTest.ids(a.get("artists"))).containsExactlyElementsOf(ALBUM_FULL_ARTISTS);
    }
}
