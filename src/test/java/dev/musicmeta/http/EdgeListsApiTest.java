package dev.musicmeta.http;

import static dev.musicmeta.http.LookupApiTest.ids;
import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.testing.Db;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lists over the edge catalog (NULLs everywhere, wrong types, dangling references): every
 * artist's albums and top tracks, every album's pages and every stored UPC are served in the
 * documented shape (the client validates each answer), never a 500.
 */
class EdgeListsApiTest {

    private final ApiClient api = Fixtures.edgeApi();

    static List<String> artists() {
        return List.of(ARTIST_FULL, ARTIST_CYRILLIC, ARTIST_GREEK, ARTIST_CJK, ARTIST_ARABIC, ARTIST_HEBREW,
                ARTIST_EMOJI, ARTIST_DIACRITICS, ARTIST_NULLS, ARTIST_DIRTY);
    }

    @ParameterizedTest
    @MethodSource("artists")
    void everyArtistsAlbumsAndTopTracksAreServed(String id) {
        ApiClient.Response albums = api.get("/lookup/artist/" + id + "/albums?limit=50");
        ApiClient.Response top = api.get("/lookup/artist/" + id + "/top-tracks?limit=50");
        ApiClient.Response v1 = api.get("/v1/artists/" + id + "/albums?limit=50", "Authorization", "Bearer t");

        assertThat(albums.status()).isEqualTo(200);
        assertThat(albums.json().get("items").size()).isEqualTo(albums.json().get("total").asInt());
        assertThat(top.status()).isEqualTo(200);
        assertThat(v1.status()).isEqualTo(200);
        assertThat(api.get("/v1/artists/" + id + "/top-tracks", "Authorization", "Bearer t").status()).isEqualTo(200);
    }

    static List<String> albums() {
        return List.of(ALBUM_FULL, ALBUM_NO_IMAGES, ALBUM_NULLS, ALBUM_DIRTY, ALBUM_ORDER);
    }

    @ParameterizedTest
    @MethodSource("albums")
    void everyAlbumPagedIsItsWholeListCut(String id) {
        List<String> whole = ids(api.get("/lookup/album/" + id + "/tracks").json());

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset <= whole.size(); offset += 2) {
            JsonNode page = api.get("/lookup/album/" + id + "/tracks?shape=page&limit=2&offset=" + offset).json();
            assertThat(page.get("total").asInt()).isEqualTo(whole.size());
            paged.addAll(ids(page.get("items")));
        }

        assertThat(paged).containsExactlyElementsOf(whole);
    }

    @Test
    void everyStoredUpcIsFoundOrRefusedNeverAFault() {
        List<Object> upcs = Db.column(Fixtures.edge().main(), "SELECT DISTINCT CAST(external_id_upc AS TEXT)"
                + " FROM albums WHERE external_id_upc IS NOT NULL");
        for (Object upc : upcs) {
            String text = String.valueOf(upc).strip();
            if (text.isEmpty() || text.contains("/") || text.contains("?") || text.contains("#")
                    || text.contains("%")) {
                continue; // not a path segment as it is
            }
            ApiClient.Response res = api.get("/lookup/upc/" + java.net.URLEncoder.encode(text,
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            assertThat(res.status()).as(text).isIn(200, 400);
        }
    }
}
