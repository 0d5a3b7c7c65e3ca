package dev.musicmeta.http;

import static dev.musicmeta.http.LookupApiTest.ids;
import static dev.musicmeta.http.LookupApiTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.testing.Db;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lookups that list: albums by UPC, an artist's albums and top tracks, and the pages of an
 * album's and an ISRC's tracks, over the generated catalog, with the expected answers read from
 * its rows with plain SQL.
 */
class DiscographyApiTest {

    private static final String UNKNOWN = "0000000000000000000000";

    private final ApiClient api = Fixtures.sampleApi();
    private final Path db = Fixtures.sampleMain();

    // ---- UPC

    private Object[] albumWithUniqueUpc() {
        return Db.rows(db, "SELECT id, external_id_upc FROM albums WHERE length(external_id_upc) = 12"
                + " AND external_id_upc GLOB '[1-9]*' GROUP BY external_id_upc HAVING count(*) = 1"
                + " ORDER BY rowid LIMIT 1").get(0);
    }

    @Test
    void aUpcFindsItsAlbumInEverySpelling() {
        Object[] row = albumWithUniqueUpc();
        String upc = (String) row[1];
        String ean13 = "0" + upc;
        String spaced = upc.charAt(0) + " " + upc.substring(1, 6) + "-" + upc.substring(6);

        ApiClient.Response stored = api.get("/lookup/upc/" + upc);

        assertThat(stored.status()).isEqualTo(200);
        assertThat(ids(stored.json())).containsExactly((String) row[0]);
        assertThat(stored.json().get(0).get("upc").asText()).isEqualTo(upc);
        assertThat(stored.json().get(0)).isEqualTo(api.get("/lookup/album/" + row[0]).json());
        for (String spelling : List.of(ean13, "00" + upc, spaced.replace(" ", "%20"))) {
            assertThat(api.get("/lookup/upc/" + spelling).body()).as(spelling).isEqualTo(stored.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789012345", "00000000000", "12345678901X", "upc:123456789012"})
    void aMalformedUpcIsABadRequestSayingWhatIsAccepted(String upc) {
        ApiClient.Response res = api.get("/lookup/upc/" + upc);

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.problemType()).isEqualTo("/problems/invalid-upc");
        assertThat(res.json().get("detail").asText()).contains("8 to 14 digits");
    }

    @Test
    void aUpcNoAlbumHasIsNotFound() {
        ApiClient.Response res = api.get("/lookup/upc/99999999999999");

        assertThat(res.status()).isEqualTo(404);
        assertThat(res.problemType()).isEqualTo("/problems/not-found");
    }

    // ---- an artist's albums

    /** The artist's albums as the rows hold them: each once, with its group, newest first. */
    private List<String> discography(String artistId, String groups) {
        List<Object[]> rows = Db.rows(db, "SELECT al.id, CASE WHEN max(aa.index_in_album IS NOT NULL)"
                + " THEN CASE lower(al.album_type) WHEN 'single' THEN 'single' WHEN 'compilation' THEN 'compilation'"
                + " ELSE 'album' END ELSE 'appears_on' END FROM artist_albums aa JOIN albums al"
                + " ON al.rowid = aa.album_rowid WHERE aa.artist_rowid = (SELECT rowid FROM artists WHERE id = ?)"
                + " GROUP BY al.rowid ORDER BY al.release_date IS NULL, al.release_date DESC, al.rowid", artistId);
        List<String> out = new ArrayList<>();
        for (Object[] row : rows) {
            if (groups.contains((String) row[1])) {
                out.add(row[0] + " " + row[1]);
            }
        }
        return out;
    }

    /** An artist with its own albums of two types and albums it appears on. */
    private String artistOnManyAlbums() {
        return (String) Db.value(db, "SELECT ar.id FROM artists ar JOIN artist_albums aa ON aa.artist_rowid = ar.rowid"
                + " JOIN albums al ON al.rowid = aa.album_rowid GROUP BY ar.rowid"
                + " HAVING count(DISTINCT al.album_type) >= 2 AND sum(aa.index_in_album IS NULL) >= 1"
                + " AND count(DISTINCT al.rowid) BETWEEN 5 AND 40 ORDER BY count(DISTINCT al.rowid) DESC, ar.rowid"
                + " LIMIT 1");
    }

    private static List<String> entries(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(a -> out.add(a.get("id").asText() + " " + a.get("album_group").asText()));
        return out;
    }

    @Test
    void anArtistsAlbumsComeNewestFirstPageByPageWithTheirGroups() {
        String artist = artistOnManyAlbums();
        List<String> expected = discography(artist, "album single compilation appears_on");

        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < expected.size(); offset += 3) {
            ApiClient.Response res = api.get("/lookup/artist/" + artist + "/albums?limit=3&offset=" + offset);
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.json().get("total").asLong()).isEqualTo(expected.size());
            assertThat(res.json().get("limit").asInt()).isEqualTo(3);
            assertThat(res.json().get("offset").asInt()).isEqualTo(offset);
            seen.addAll(entries(res.json().get("items")));
        }
        JsonNode first = api.get("/lookup/artist/" + artist + "/albums").json();

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(first.get("limit").asInt()).isEqualTo(20);
        assertThat(entries(first.get("items"))).containsExactlyElementsOf(expected.subList(0,
                Math.min(20, expected.size())));
        JsonNode album = first.get("items").get(0);
        JsonNode looked = api.get("/lookup/album/" + album.get("id").asText()).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) album).remove("album_group");
        assertThat(album).isEqualTo(looked);
    }

    @Test
    void includeGroupsListsOnlyThoseGroups() {
        String artist = artistOnManyAlbums();

        ApiClient.Response appearsOn = api.get("/lookup/artist/" + artist + "/albums?include_groups=appears_on&limit=50");
        ApiClient.Response own = api.get("/lookup/artist/" + artist
                + "/albums?include_groups=Album,%20single,compilation&limit=50");

        assertThat(entries(appearsOn.json().get("items"))).isNotEmpty()
                .containsExactlyElementsOf(discography(artist, "appears_on"));
        assertThat(entries(own.json().get("items"))).isNotEmpty()
                .containsExactlyElementsOf(discography(artist, "album single compilation"));
        assertThat(own.json().get("total").asLong() + appearsOn.json().get("total").asLong())
                .isEqualTo(discography(artist, "album single compilation appears_on").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"include_groups=albums", "include_groups=album,,single", "limit=0", "limit=51",
        "offset=-1", "offset=10001", "limit=x"})
    void badArtistAlbumsParametersAreBadRequests(String query) {
        ApiClient.Response res = api.get("/lookup/artist/" + artistOnManyAlbums() + "/albums?" + query);

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.problemType()).isEqualTo("/problems/invalid-parameter");
    }

    @Test
    void anUnknownArtistHasNoAlbumsNorTopTracks() {
        assertThat(api.get("/lookup/artist/" + UNKNOWN + "/albums").problemType()).isEqualTo("/problems/not-found");
        assertThat(api.get("/lookup/artist/" + UNKNOWN + "/top-tracks").problemType()).isEqualTo("/problems/not-found");
        assertThat(api.get("/lookup/artist/nope/top-tracks").problemType()).isEqualTo("/problems/invalid-id");
    }

    // ---- top tracks

    @Test
    void topTracksAreTheArtistsMostPopularFirst() {
        String artist = (String) Db.value(db, "SELECT ar.id FROM artists ar JOIN track_artists ta"
                + " ON ta.artist_rowid = ar.rowid GROUP BY ar.rowid HAVING count(*) >= 12"
                + " ORDER BY count(*) DESC, ar.rowid LIMIT 1");
        List<String> expected = strings(Db.column(db, "SELECT t.id FROM track_artists ta JOIN tracks t"
                + " ON t.rowid = ta.track_rowid WHERE ta.artist_rowid = (SELECT rowid FROM artists WHERE id = ?)"
                + " GROUP BY t.rowid ORDER BY t.popularity IS NULL, t.popularity DESC, t.rowid", artist));

        ApiClient.Response ten = api.get("/lookup/artist/" + artist + "/top-tracks");
        ApiClient.Response three = api.get("/lookup/artist/spotify:artist:" + artist + "/top-tracks?limit=3");

        assertThat(ids(ten.json())).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(ids(three.json())).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(ten.json().get(0)).isEqualTo(api.get("/lookup/track/" + expected.get(0)).json());
        assertThat(api.get("/lookup/artist/" + artist + "/top-tracks?limit=51").problemType())
                .isEqualTo("/problems/invalid-parameter");
    }

    // ---- pages of an album's and an ISRC's tracks

    @Test
    void anAlbumsTracksPageByPageAsPagesOrAsArrays() {
        String album = (String) Db.value(db, "SELECT al.id FROM albums al WHERE (SELECT count(*) FROM tracks t"
                + " WHERE t.album_rowid = al.rowid) >= 7 ORDER BY al.rowid LIMIT 1");
        JsonNode whole = api.get("/lookup/album/" + album + "/tracks").json();
        List<String> all = ids(whole);

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 3) {
            JsonNode page = api.get("/lookup/album/" + album + "/tracks?shape=page&limit=3&offset=" + offset).json();
            assertThat(page.get("total").asInt()).isEqualTo(all.size());
            page.get("items").forEach(t -> assertThat(t.get("album").isNull()).isTrue());
            paged.addAll(ids(page.get("items")));
        }
        JsonNode array = api.get("/lookup/album/" + album + "/tracks?limit=2&offset=1").json();
        JsonNode rest = api.get("/lookup/album/" + album + "/tracks?offset=5").json();
        JsonNode defaultPage = api.get("/lookup/album/" + album + "/tracks?shape=page").json();

        assertThat(whole.isArray()).isTrue();
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(array.isArray()).isTrue();
        assertThat(ids(array)).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(array.get(0)).isEqualTo(whole.get(1));
        assertThat(ids(rest)).containsExactlyElementsOf(all.subList(5, all.size()));
        assertThat(defaultPage.get("limit").asInt()).isEqualTo(20);
        assertThat(ids(defaultPage.get("items"))).containsExactlyElementsOf(all.subList(0, Math.min(20, all.size())));
        assertThat(api.get("/lookup/album/" + album + "/tracks?shape=page&offset=999").json().get("items")).isEmpty();
    }

    @Test
    void anIsrcsTracksAsAPage() {
        String isrc = (String) Db.value(db, "SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc HAVING count(*) >= 3 ORDER BY count(*) DESC, external_id_isrc LIMIT 1");
        List<String> all = ids(api.get("/lookup/isrc/" + isrc + "/tracks").json());

        JsonNode page = api.get("/lookup/isrc/" + isrc + "/tracks?shape=page&limit=2&offset=1").json();
        JsonNode array = api.get("/lookup/isrc/" + isrc + "/tracks?limit=1").json();

        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.get("total").asInt()).isEqualTo(all.size());
        assertThat(ids(page.get("items"))).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(ids(array)).containsExactly(all.get(0));
        assertThat(array.get(0)).isEqualTo(api.get("/lookup/isrc/" + isrc).json());
        assertThat(api.get("/lookup/isrc/ZZZZZ9999999/tracks?shape=page").problemType())
                .isEqualTo("/problems/not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shape=pages", "limit=0", "limit=51", "offset=x", "shape=page&shape=list"})
    void badListParametersAreBadRequests(String query) {
        String album = (String) Db.value(db, "SELECT id FROM albums ORDER BY rowid LIMIT 1");

        ApiClient.Response res = api.get("/lookup/album/" + album + "/tracks?" + query);

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.problemType()).isEqualTo("/problems/invalid-parameter");
    }
}
