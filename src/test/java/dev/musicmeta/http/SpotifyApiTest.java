package dev.musicmeta.http;

import dev.musicmeta.testing.Db;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /v1}, the Spotify Web API's catalog surface, over the generated catalog: Spotify's objects
 * field for field, checked against the SQLite files with plain SQL, its paging and its errors.
 * Every answer is validated against openapi.yaml by the client.
 */
class SpotifyApiTest {

    private static final String[] TOKEN = {"Authorization", "Bearer any-token-while-keys-are-off"};

    private final ApiClient api = Fixtures.sampleApi();
    private final Path db = Fixtures.sampleMain();
    private final String base = api.base().toString().replaceAll("/$", "");

    private ApiClient.Response get(String pathAndQuery) {
        return api.get(pathAndQuery, TOKEN);
    }

    private String trackWithArtists(int atLeast) {
        return (String) Db.value(db, "SELECT t.id FROM tracks t WHERE (SELECT count(*) FROM track_artists ta"
                + " WHERE ta.track_rowid = t.rowid) >= ? AND t.external_id_isrc IS NOT NULL ORDER BY t.rowid LIMIT 1",
                atLeast);
    }

    /** An album with more than {@code tracks} tracks and at least two own artists. */
    private String albumWithTracks(int tracks) {
        return (String) Db.value(db, "SELECT al.id FROM albums al WHERE (SELECT count(*) FROM tracks t"
                + " WHERE t.album_rowid = al.rowid) > ? AND al.copyright_c IS NOT NULL AND al.copyright_p IS NOT NULL"
                + " AND al.external_id_upc IS NOT NULL ORDER BY al.rowid LIMIT 1", tracks);
    }

    @Test
    void aTrackIsSpotifysFullTrackObjectWithTheStoredValues() {
        String id = trackWithArtists(2);
        Object[] row = Db.rows(db, "SELECT t.name, t.external_id_isrc, t.duration_ms, t.explicit, t.track_number,"
                + " t.disc_number, t.popularity, t.preview_url, al.id, al.name, al.album_type, al.release_date,"
                + " al.release_date_precision, al.total_tracks FROM tracks t JOIN albums al ON al.rowid = t.album_rowid"
                + " WHERE t.id = ?", id).get(0);
        List<Object> credits = Db.column(db, "SELECT ar.id FROM track_artists ta JOIN artists ar"
                + " ON ar.rowid = ta.artist_rowid JOIN tracks t ON t.rowid = ta.track_rowid WHERE t.id = ?"
                + " ORDER BY ta.rowid", id);

        ApiClient.Response res = get("/v1/tracks/" + id);

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Cache-Control")).isEqualTo("private, max-age=86400");
        JsonNode t = res.json();
        assertThat(fieldNames(t)).containsExactly("album", "artists", "available_markets", "disc_number",
                "duration_ms", "explicit", "external_ids", "external_urls", "href", "id", "name", "popularity",
                "preview_url", "track_number", "type", "uri", "is_local");
        assertThat(t.get("id").asText()).isEqualTo(id);
        assertThat(t.get("name").asText()).isEqualTo(row[0]);
        assertThat(t.get("external_ids").get("isrc").asText()).isEqualTo(row[1]);
        assertThat(t.get("duration_ms").asLong()).isEqualTo(((Number) row[2]).longValue());
        assertThat(t.get("explicit").isBoolean()).isTrue();
        assertThat(t.get("explicit").asBoolean()).isEqualTo(((Number) row[3]).intValue() == 1);
        assertThat(t.get("track_number").asInt()).isEqualTo(((Number) row[4]).intValue());
        assertThat(t.get("disc_number").asInt()).isEqualTo(((Number) row[5]).intValue());
        assertThat(t.get("popularity").asInt()).isEqualTo(((Number) row[6]).intValue());
        assertThat(t.get("preview_url").isNull() ? null : t.get("preview_url").asText()).isEqualTo(row[7]);
        assertThat(t.get("type").asText()).isEqualTo("track");
        assertThat(t.get("uri").asText()).isEqualTo("spotify:track:" + id);
        assertThat(t.get("href").asText()).isEqualTo(base + "/v1/tracks/" + id);
        assertThat(t.get("external_urls").get("spotify").asText()).isEqualTo("https://open.spotify.com/track/" + id);
        assertThat(t.get("available_markets")).isEmpty();
        assertThat(t.get("is_local").asBoolean(true)).isFalse();
        JsonNode album = t.get("album");
        assertThat(album.get("id").asText()).isEqualTo(row[8]);
        assertThat(album.get("name").asText()).isEqualTo(row[9]);
        assertThat(album.get("album_type").asText()).isEqualTo(row[10]);
        assertThat(album.get("release_date").asText()).isEqualTo(row[11]);
        assertThat(album.get("release_date_precision").asText()).isEqualTo(row[12]);
        assertThat(album.get("total_tracks").asInt()).isEqualTo(((Number) row[13]).intValue());
        assertThat(album.get("href").asText()).isEqualTo(base + "/v1/albums/" + row[8]);
        assertThat(album.has("tracks")).as("a track's album is the simplified object").isFalse();
        assertThat(LookupApiTest.ids(t.get("artists"))).containsExactlyElementsOf(LookupApiTest.strings(credits));
        JsonNode artist = t.get("artists").get(0);
        assertThat(fieldNames(artist)).containsExactly("external_urls", "href", "id", "name", "type", "uri");
        assertThat(artist.get("name").asText())
                .isEqualTo(Db.value(db, "SELECT name FROM artists WHERE id = ?", credits.get(0)));
        assertThat(artist.get("uri").asText()).isEqualTo("spotify:artist:" + credits.get(0));
    }

    @Test
    void severalTracksAnswerInTheOrderAskedWithNullForUnknownIds() {
        String a = trackWithArtists(2);
        String b = trackWithArtists(1);
        String unknown = "0000000000000000000000";

        JsonNode tracks = get("/v1/tracks?ids=" + a + "%2C" + unknown + "," + b + ",spotify:track:" + a
                + "&market=ES").json().get("tracks");

        assertThat(tracks).hasSize(4);
        assertThat(tracks.get(0).get("id").asText()).isEqualTo(a);
        assertThat(tracks.get(1).isNull()).isTrue();
        assertThat(tracks.get(2).get("id").asText()).isEqualTo(b);
        assertThat(tracks.get(3)).isEqualTo(tracks.get(0));
        assertThat(tracks.get(0)).isEqualTo(get("/v1/tracks/" + a).json());
    }

    @Test
    void fiftyIdsAreOneRequestAndFiftyOneAreNot() {
        List<Object> ids = Db.column(db, "SELECT id FROM tracks ORDER BY rowid LIMIT 51");
        String fifty = String.join(",", LookupApiTest.strings(ids.subList(0, 50)));

        ApiClient.Response ok = get("/v1/tracks?ids=" + fifty);
        ApiClient.Response tooMany = get("/v1/tracks?ids=" + fifty + "," + ids.get(50));

        assertThat(ok.json().get("tracks")).hasSize(50);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(message(tooMany)).contains("at most 50").contains("51");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/tracks/tooShort", "/v1/albums/spotify:track:0123456789012345678901",
        "/v1/artists/%C3%A9", "/v1/tracks?ids=", "/v1/tracks", "/v1/tracks?ids=0123456789012345678901,,",
        "/v1/albums?ids=x", "/v1/artists?ids=0123456789012345678901&ids=0123456789012345678901",
        "/v1/albums/0123456789012345678901/tracks?limit=0", "/v1/albums/0123456789012345678901/tracks?offset=-1",
        "/v1/albums/0123456789012345678901/tracks?limit=51",
        "/v1/artists/0123456789012345678901/albums?include_groups=album,ep",
        "/v1/artists/0123456789012345678901/albums?album_type=", "/v1/artists/0123456789012345678901/albums?limit=51",
        "/v1/artists/0123456789012345678901/albums?offset=10001", "/v1/artists/spotify:album:0123456789012345678901/top-tracks"})
    void badInputIsA400InSpotifysErrorObjectThatSaysWhatIsAccepted(String path) {
        ApiClient.Response res = get(path);

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.header("Content-Type")).startsWith("application/json");
        assertThat(res.json().get("error").get("status").asInt()).isEqualTo(400);
        assertThat(message(res)).containsAnyOf("22 characters", "ids", "limit", "offset", "percent-encoded",
                "include_groups", "spotify:artist");
    }

    @Test
    void aQueryThatIsNotValidPercentEncodingIsA400() {
        ApiClient.Response res = api.raw("GET /v1/tracks?ids=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(res.status()).isEqualTo(400);
        assertThat(message(res)).contains("percent-encoded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tracks", "albums", "artists", "albums/%s/tracks", "artists/%s/albums",
        "artists/%s/top-tracks"})
    void unknownIdsAreNotFound(String kind) {
        String path = "/v1/" + (kind.contains("%s") ? kind.formatted("0000000000000000000000")
                : kind + "/0000000000000000000000");

        ApiClient.Response res = get(path);

        assertThat(res.status()).isEqualTo(404);
        assertThat(res.json().get("error").get("status").asInt()).isEqualTo(404);
        assertThat(message(res)).contains("0000000000000000000000");
    }

    @Test
    void anAlbumIsSpotifysFullAlbumObjectWithItsFirstFiftyTracks() {
        String id = albumWithTracks(2);
        Object[] row = Db.rows(db, "SELECT name, album_type, label, release_date, release_date_precision,"
                + " external_id_upc, total_tracks, copyright_c, copyright_p FROM albums WHERE id = ?", id).get(0);
        List<Object> ownArtists = Db.column(db, "SELECT ar.id FROM artist_albums aa JOIN artists ar"
                + " ON ar.rowid = aa.artist_rowid JOIN albums al ON al.rowid = aa.album_rowid"
                + " WHERE al.id = ? AND aa.index_in_album IS NOT NULL GROUP BY ar.rowid"
                + " ORDER BY min(aa.index_in_album)", id);
        List<Object> trackOrder = albumTrackOrder(id);
        List<Object> imageUrls = Db.column(db, "SELECT DISTINCT i.url FROM album_images i JOIN albums al"
                + " ON al.rowid = i.album_rowid WHERE al.id = ?", id);

        JsonNode a = get("/v1/albums/" + id).json();

        assertThat(fieldNames(a)).containsExactly("album_type", "total_tracks", "available_markets", "external_urls",
                "href", "id", "images", "name", "release_date", "release_date_precision", "type", "uri", "artists",
                "tracks", "copyrights", "external_ids", "genres", "label", "popularity");
        assertThat(a.get("name").asText()).isEqualTo(row[0]);
        assertThat(a.get("album_type").asText()).isEqualTo(row[1]);
        assertThat(a.get("label").asText()).isEqualTo(row[2]);
        assertThat(a.get("release_date").asText()).isEqualTo(row[3]);
        assertThat(a.get("release_date_precision").asText()).isEqualTo(row[4]);
        assertThat(a.get("external_ids").get("upc").asText()).isEqualTo(row[5]);
        assertThat(a.get("total_tracks").asInt()).isEqualTo(((Number) row[6]).intValue());
        assertThat(a.get("copyrights").toString()).isEqualTo("[{\"text\":" + ApiClient.JSON.valueToTree(row[7])
                + ",\"type\":\"C\"},{\"text\":" + ApiClient.JSON.valueToTree(row[8]) + ",\"type\":\"P\"}]");
        assertThat(a.get("genres")).isEmpty();
        assertThat(a.get("type").asText()).isEqualTo("album");
        assertThat(a.get("uri").asText()).isEqualTo("spotify:album:" + id);
        assertThat(a.get("external_urls").get("spotify").asText()).isEqualTo("https://open.spotify.com/album/" + id);
        assertThat(LookupApiTest.ids(a.get("artists"))).containsExactlyElementsOf(LookupApiTest.strings(ownArtists));
        List<String> urls = new ArrayList<>();
        a.get("images").forEach(i -> urls.add(i.get("url").asText()));
        assertThat(urls).containsExactlyInAnyOrderElementsOf(LookupApiTest.strings(imageUrls));
        JsonNode tracks = a.get("tracks");
        assertThat(tracks.get("href").asText()).isEqualTo(base + "/v1/albums/" + id + "/tracks?offset=0&limit=50");
        assertThat(tracks.get("limit").asInt()).isEqualTo(50);
        assertThat(tracks.get("offset").asInt()).isZero();
        assertThat(tracks.get("total").asInt()).isEqualTo(trackOrder.size());
        assertThat(tracks.get("previous").isNull()).isTrue();
        assertThat(LookupApiTest.ids(tracks.get("items"))).containsExactlyElementsOf(
                LookupApiTest.strings(trackOrder.subList(0, Math.min(50, trackOrder.size()))));
        assertThat(fieldNames(tracks.get("items").get(0))).containsExactly("artists", "available_markets",
                "disc_number", "duration_ms", "explicit", "external_urls", "href", "id", "name", "preview_url",
                "track_number", "type", "uri", "is_local");
    }

    @Test
    void albumTracksArePagedAndNextLeadsThroughTheWholeAlbum() {
        String id = albumWithTracks(4);
        List<Object> trackOrder = albumTrackOrder(id);

        List<String> seen = new ArrayList<>();
        List<String> previous = new ArrayList<>();
        String next = "/v1/albums/" + URLEncoder.encode("https://open.spotify.com/album/" + id + "?si=x",
                StandardCharsets.UTF_8) + "/tracks?limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = get(next).json();
            page.get("items").forEach(t -> seen.add(t.get("id").asText()));
            assertThat(page.get("total").asInt()).isEqualTo(trackOrder.size());
            assertThat(page.get("limit").asInt()).isEqualTo(2);
            assertThat(page.get("offset").asInt()).isEqualTo(2 * pages);
            previous.add(page.get("previous").isNull() ? null : page.get("previous").asText());
            next = page.get("next").isNull() ? null : relative(page.get("next").asText());
            pages++;
        }

        assertThat(seen).containsExactlyElementsOf(LookupApiTest.strings(trackOrder));
        assertThat(pages).isEqualTo((trackOrder.size() + 1) / 2);
        assertThat(previous.get(0)).isNull();
        assertThat(previous.get(1)).isEqualTo(base + "/v1/albums/" + id + "/tracks?offset=0&limit=2");
        JsonNode past = get("/v1/albums/" + id + "/tracks?offset=" + trackOrder.size()).json();
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("next").isNull()).isTrue();
    }

    @Test
    void severalAlbumsAreFullAlbumsAndTwentyIsTheLimit() {
        String id = albumWithTracks(2);
        List<Object> ids = Db.column(db, "SELECT id FROM albums ORDER BY rowid LIMIT 21");
        String twenty = String.join(",", LookupApiTest.strings(ids.subList(0, 20)));

        JsonNode albums = get("/v1/albums?ids=" + id + ",0000000000000000000000").json().get("albums");
        ApiClient.Response ok = get("/v1/albums?ids=" + twenty);
        ApiClient.Response tooMany = get("/v1/albums?ids=" + twenty + "," + ids.get(20));

        assertThat(albums.get(0)).isEqualTo(get("/v1/albums/" + id).json());
        assertThat(albums.get(1).isNull()).isTrue();
        assertThat(ok.json().get("albums")).hasSize(20);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(message(tooMany)).contains("at most 20");
    }

    @Test
    void anArtistsAlbumsLinkOnWithTheirGroupsAndItsTopTracksAreTen() {
        String artist = (String) Db.value(db, "SELECT ar.id FROM artists ar JOIN artist_albums aa"
                + " ON aa.artist_rowid = ar.rowid WHERE aa.index_in_album IS NULL GROUP BY ar.rowid"
                + " HAVING count(DISTINCT aa.album_rowid) >= 3 ORDER BY ar.rowid LIMIT 1");
        long appearsOn = ((Number) Db.value(db, "SELECT count(DISTINCT aa.album_rowid) FROM artist_albums aa"
                + " WHERE aa.artist_rowid = (SELECT rowid FROM artists WHERE id = ?) AND aa.album_rowid NOT IN"
                + " (SELECT album_rowid FROM artist_albums WHERE artist_rowid = aa.artist_rowid"
                + " AND index_in_album IS NOT NULL)", artist)).longValue();

        JsonNode first = get("/v1/artists/" + artist + "/albums?include_groups=appears_on&limit=1").json();
        JsonNode second = get(first.get("next").asText().substring(base.length())).json();
        JsonNode top = get("/v1/artists/" + artist + "/top-tracks?market=SE&country=SE").json();

        assertThat(first.get("total").asLong()).isEqualTo(appearsOn);
        assertThat(first.get("href").asText()).isEqualTo(base + "/v1/artists/" + artist
                + "/albums?offset=0&limit=1&include_groups=appears_on");
        assertThat(first.get("next").asText()).isEqualTo(base + "/v1/artists/" + artist
                + "/albums?offset=1&limit=1&include_groups=appears_on");
        assertThat(first.get("items").get(0).get("album_group").asText()).isEqualTo("appears_on");
        assertThat(second.get("offset").asInt()).isEqualTo(1);
        assertThat(second.get("previous").asText()).isEqualTo(first.get("href").asText());
        assertThat(second.get("items").get(0).get("id").asText()).isNotEqualTo(
                first.get("items").get(0).get("id").asText());
        assertThat(fieldNames(top)).containsExactly("tracks");
        assertThat(top.get("tracks").size()).isBetween(1, 10);
    }

    @Test
    void anArtistIsSpotifysFullArtistObject() {
        String id = (String) Db.value(db, "SELECT ar.id FROM artists ar WHERE (SELECT count(*) FROM artist_genres g"
                + " WHERE g.artist_rowid = ar.rowid) >= 2 ORDER BY ar.rowid LIMIT 1");
        Object[] row = Db.rows(db, "SELECT name, followers_total, popularity FROM artists WHERE id = ?", id).get(0);
        List<Object> genres = Db.column(db, "SELECT g.genre FROM artist_genres g JOIN artists ar"
                + " ON ar.rowid = g.artist_rowid WHERE ar.id = ? ORDER BY g.rowid", id);

        JsonNode a = get("/v1/artists/open.spotify.com%2Fartist%2F" + id).json();
        JsonNode several = get("/v1/artists?ids=" + id + ",0000000000000000000000").json().get("artists");

        assertThat(fieldNames(a)).containsExactly("external_urls", "followers", "genres", "href", "id", "images",
                "name", "popularity", "type", "uri");
        assertThat(a.get("name").asText()).isEqualTo(row[0]);
        assertThat(a.get("followers").get("total").asLong()).isEqualTo(((Number) row[1]).longValue());
        assertThat(a.get("followers").get("href").isNull()).isTrue();
        assertThat(a.get("popularity").asInt()).isEqualTo(((Number) row[2]).intValue());
        assertThat(LookupApiTest.texts(a.get("genres"))).containsExactlyElementsOf(LookupApiTest.strings(genres));
        assertThat(a.get("type").asText()).isEqualTo("artist");
        assertThat(a.get("href").asText()).isEqualTo(base + "/v1/artists/" + id);
        assertThat(several.get(0)).isEqualTo(a);
        assertThat(several.get(1).isNull()).isTrue();
    }

    @Test
    void searchAnswersAPagingObjectForEachRequestedTypeWithAbsoluteLinks() {
        String name = (String) Db.value(db, "SELECT name FROM tracks WHERE length(name) >= 4 GROUP BY name"
                + " HAVING count(*) >= 3 ORDER BY count(*) DESC, name LIMIT 1");
        String q = URLEncoder.encode(name, StandardCharsets.UTF_8);

        JsonNode all = get("/v1/search?q=" + q + "&type=track%2Calbum%2Cartist%2Cplaylist&limit=2&market=US"
                + "&locale=de_DE").json();
        JsonNode tracks = get("/v1/search?q=" + q + "&type=track&limit=2").json();

        assertThat(fieldNames(all)).containsExactly("tracks", "artists", "albums", "playlists");
        assertThat(fieldNames(tracks)).containsExactly("tracks");
        JsonNode page = tracks.get("tracks");
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
        String search = base + "/v1/search?q=" + encoded(name) + "&type=track";
        assertThat(page.get("href").asText()).isEqualTo(search + "&offset=0&limit=2");
        assertThat(page.get("next").asText()).isEqualTo(search + "&offset=2&limit=2");
        page.get("items").forEach(t -> assertThat(t.get("name").asText()).containsIgnoringCase(name));
        assertThat(page.get("items").get(0)).isEqualTo(get("/v1/tracks/" + page.get("items").get(0).get("id").asText())
                .json());
        JsonNode second = get(relative(page.get("next").asText())).json().get("tracks");
        assertThat(second.get("offset").asInt()).isEqualTo(2);
        assertThat(second.get("previous").asText()).isEqualTo(page.get("href").asText());
        assertThat(Collections.disjoint(LookupApiTest.ids(page.get("items")), LookupApiTest.ids(second.get("items"))))
                .isTrue();
        assertThat(all.get("playlists").get("items")).isEmpty();
        assertThat(all.get("playlists").get("total").asInt()).isZero();
        assertThat(all.get("albums").get("items").get(0).has("tracks")).as("albums are simplified").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=love", "q=love&type=", "q=love&type=track,song", "type=track", "q=&type=track",
        "q=love%20tag:new&type=album", "q=tag%3Ahipster&type=album", "q=love&type=track&limit=51",
        "q=love&type=track&offset=1001", "q=love&type=track&limit=x"})
    void aSearchOfAnotherShapeIsA400ThatSaysWhatIsAccepted(String query) {
        ApiClient.Response res = get("/v1/search?" + query);

        assertThat(res.status()).isEqualTo(400);
        assertThat(message(res)).containsAnyOf("type", "q is required", "tag:", "limit", "offset");
    }

    @Test
    void aSearchPagePastTheLastMatchIsEmptyAndLinksBack() {
        long matches = ((Number) Db.value(db, "SELECT count(*) FROM tracks WHERE lower(name) LIKE '%er%'"))
                .longValue();

        JsonNode page = get("/v1/search?q=er&type=track&limit=50&offset=1000").json().get("tracks");

        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("total").asLong()).isEqualTo(matches);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText()).endsWith("/v1/search?q=er&type=track&offset=950&limit=50");
    }

    @Test
    void everyV1PathNeedsABearerTokenAndAnyWillDoWhileKeysAreOff() {
        String id = trackWithArtists(1);

        ApiClient.Response none = api.get("/v1/tracks/" + id);
        ApiClient.Response empty = api.get("/v1/tracks/" + id, "Authorization", "Bearer ");
        ApiClient.Response basic = api.get("/v1/tracks/" + id, "Authorization", "Basic dXNlcjpwYXNz");
        ApiClient.Response lowerCase = api.get("/v1/tracks/" + id, "Authorization", "bearer whatever");
        ApiClient.Response unknownPath = api.get("/v1/browse/new-releases");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"music-metadata-api\"");
        assertThat(message(none)).startsWith("No token provided");
        assertThat(empty.status()).isEqualTo(401);
        assertThat(basic.status()).isEqualTo(400);
        assertThat(message(basic)).startsWith("Only valid bearer authentication supported");
        assertThat(lowerCase.status()).isEqualTo(200);
        assertThat(unknownPath.status()).isEqualTo(401);
        assertThat(api.send("OPTIONS", "/v1/tracks/" + id, HttpRequest.BodyPublishers.noBody(),
                "Origin", "https://example.org", "Access-Control-Request-Headers", "authorization").status())
                .as("a preflight carries no token").isEqualTo(204);
    }

    @Test
    void unknownPathsAndOtherMethodsAnswerSpotifysErrorObject() {
        ApiClient.Response unknown = get("/v1/browse/new-releases");
        ApiClient.Response root = get("/v1");
        ApiClient.Response post = api.send("POST", "/v1/tracks", HttpRequest.BodyPublishers.noBody(), TOKEN);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").get("status").asInt()).isEqualTo(404);
        assertThat(root.status()).isEqualTo(404);
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(message(post)).contains("POST is not allowed");
    }

    @Test
    void answersAreTaggedForTheClientsOwnCache() {
        String id = trackWithArtists(1);
        ApiClient.Response first = get("/v1/tracks/" + id);

        ApiClient.Response again = api.get("/v1/tracks/" + id, TOKEN[0], TOKEN[1], "If-None-Match",
                first.header("ETag"));
        ApiClient.Response head = api.head("/v1/tracks/" + id, TOKEN);

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.header("Cache-Control")).isEqualTo("private, max-age=86400");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void linksFollowTheHostTheClientAddressed() {
        String id = trackWithArtists(1);
        int port = api.base().getPort();

        ApiClient.Response res = api.raw("GET /v1/tracks/" + id + " HTTP/1.1\r\nHost: music.example:" + port
                + "\r\nAuthorization: Bearer t\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(res.json().get("href").asText()).isEqualTo("http://music.example:" + port + "/v1/tracks/" + id);
    }

    @Test
    void behindATrustedProxyLinksFollowTheForwardedSchemeAndHost() {
        String id = trackWithArtists(1);
        try (TestServer proxied = TestServer.start(Fixtures.sample(), TestServer.config().withTrustProxy(true))) {
            ApiClient.Response res = proxied.client().get("/v1/tracks/" + id, TOKEN[0], TOKEN[1],
                    "X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.music.example, inner.proxy");

            assertThat(res.json().get("href").asText()).isEqualTo("https://api.music.example/v1/tracks/" + id);
            assertThat(res.json().get("album").get("href").asText()).startsWith("https://api.music.example/v1/albums/");
        }
    }

    @Test
    void overTheRateLimitTheAnswerIsSpotifysErrorWithRetryAfter() {
        String id = trackWithArtists(1);
        try (TestServer limited = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 1))) {
            ApiClient.Response first = limited.client().get("/v1/tracks/" + id, TOKEN);
            ApiClient.Response second = limited.client().get("/v1/tracks/" + id, TOKEN);

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(429);
            assertThat(Integer.parseInt(second.header("Retry-After"))).isPositive();
            assertThat(second.json().get("error").get("status").asInt()).isEqualTo(429);
        }
    }

    private List<Object> albumTrackOrder(String albumId) {
        return Db.column(db, "SELECT t.id FROM tracks t JOIN albums al ON al.rowid = t.album_rowid"
                + " WHERE al.id = ? ORDER BY t.disc_number IS NULL, t.disc_number, t.track_number IS NULL,"
                + " t.track_number, t.rowid", albumId);
    }

    /** The path and query of an absolute link on this server. */
    private String relative(String link) {
        assertThat(link).startsWith(base + "/v1/");
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String encoded(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String message(ApiClient.Response res) {
        return res.json().get("error").get("message").asText();
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
