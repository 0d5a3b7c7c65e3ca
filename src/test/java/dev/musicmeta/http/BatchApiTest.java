package dev.musicmeta.http;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /batch/lookup over the edge catalog, whose 400 bulk items of each kind fill a full batch. */
class BatchApiTest {

    private final ApiClient api = Fixtures.edgeApi();

    private static String body(List<String> tracks, List<String> artists, List<String> albums, List<String> isrcs) {
        ObjectNode o = ApiClient.JSON.createObjectNode();
        put(o, "tracks", tracks);
        put(o, "artists", artists);
        put(o, "albums", albums);
        put(o, "isrcs", isrcs);
        return o.toString();
    }

    private static void put(ObjectNode o, String key, List<String> values) {
        if (values != null) {
            ArrayNode a = o.putArray(key);
            values.forEach(a::add);
        }
    }

    @Test
    void answersEachRequestedStringAndSortsOutNotFoundAndInvalid() {
        String isrcSpelled = "qz-edg-16-00001";
        ApiClient.Response res = api.postJson("/batch/lookup", body(
                List.of(TRACK_FULL, "spotify:track:" + TRACK_FULL, UNKNOWN_TRACK, "nope", "spotify:album:" + ALBUM_FULL),
                List.of(ARTIST_FULL, ARTIST_FULL),
                List.of(ALBUM_FULL, UNKNOWN_ALBUM),
                List.of(TRACK_FULL_ISRC, isrcSpelled, ISRC_UNKNOWN, "12")));

        assertThat(res.status()).isEqualTo(200);
        JsonNode b = res.json();
        assertThat(fields(b.get("tracks"))).containsExactly(TRACK_FULL, "spotify:track:" + TRACK_FULL);
        assertThat(b.get("tracks").get(TRACK_FULL)).isEqualTo(api.get("/lookup/track/" + TRACK_FULL).json());
        assertThat(fields(b.get("artists"))).containsExactly(ARTIST_FULL);
        assertThat(fields(b.get("albums"))).containsExactly(ALBUM_FULL);
        assertThat(fields(b.get("isrcs"))).containsExactly(TRACK_FULL_ISRC, isrcSpelled);
        assertThat(b.get("isrcs").get(isrcSpelled)).isEqualTo(api.get("/lookup/isrc/" + TRACK_FULL_ISRC).json());
        assertThat(LookupApiTest.texts(b.get("not_found").get("tracks"))).containsExactly(UNKNOWN_TRACK);
        assertThat(LookupApiTest.texts(b.get("not_found").get("albums"))).containsExactly(UNKNOWN_ALBUM);
        assertThat(LookupApiTest.texts(b.get("not_found").get("isrcs"))).containsExactly(ISRC_UNKNOWN);
        assertThat(LookupApiTest.texts(b.get("invalid").get("tracks")))
                .containsExactly("nope", "spotify:album:" + ALBUM_FULL);
        assertThat(LookupApiTest.texts(b.get("invalid").get("isrcs"))).containsExactly("12");
        assertThat(b.get("not_found").get("artists")).isEmpty();
        assertThat(b.get("invalid").get("artists")).isEmpty();
    }

    @Test
    void aLinkToTheWebPlayerIsTheSameItemAsItsId() {
        String link = "https://open.spotify.com/intl-fr/album/" + ALBUM_FULL + "?si=0f1e2d3c";
        JsonNode b = api.postJson("/batch/lookup", body(List.of("open.spotify.com/album/" + ALBUM_FULL),
                null, List.of(ALBUM_FULL, link), null)).json();

        assertThat(fields(b.get("albums"))).containsExactly(ALBUM_FULL, link);
        assertThat(b.get("albums").get(link)).isEqualTo(b.get("albums").get(ALBUM_FULL));
        assertThat(LookupApiTest.texts(b.get("invalid").get("tracks"))).containsExactly("open.spotify.com/album/" + ALBUM_FULL);
    }

    @Test
    void isrcsMapToTheTrackTheIsrcLookupAnswers() {
        JsonNode b = api.postJson("/batch/lookup", body(null, null, null, List.of(ISRC_MANY))).json();

        assertThat(b.get("isrcs").get(ISRC_MANY).get("id").asText()).isEqualTo(ISRC_MANY_ORDER.get(0));
    }

    @Test
    void fourHundredDistinctItemsAreOneBatchAndFourHundredAndOneAreNot() {
        List<String> tracks = bulkTrackIds().subList(0, 100);
        List<String> artists = bulkArtistIds().subList(0, 100);
        List<String> albums = bulkAlbumIds().subList(0, 100);
        List<String> isrcs = bulkIsrcs().subList(0, 100);
        List<String> tracksWithUris = new ArrayList<>(tracks);
        tracks.forEach(id -> tracksWithUris.add("spotify:track:" + id)); // same items, other spelling
        List<String> isrcsLower = new ArrayList<>(isrcs);
        isrcs.forEach(i -> isrcsLower.add(i.toLowerCase()));

        ApiClient.Response full = api.postJson("/batch/lookup", body(tracksWithUris, artists, albums, isrcsLower));
        List<String> oneMore = new ArrayList<>(artists);
        oneMore.add(bulkArtistIds().get(100));
        ApiClient.Response over = api.postJson("/batch/lookup", body(tracks, oneMore, albums, isrcs));

        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().get("tracks").size()).isEqualTo(200);
        assertThat(full.json().get("isrcs").size()).isEqualTo(200);
        assertThat(full.json().get("artists").size()).isEqualTo(100);
        assertThat(full.json().get("albums").size()).isEqualTo(100);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.problemType()).isEqualTo("/problems/invalid-body");
        assertThat(over.json().get("detail").asText()).contains("401").contains("400");
    }

    @Test
    void malformedItemsCountTowardsTheLimit() {
        List<String> junk = new ArrayList<>();
        for (int i = 0; i < 401; i++) {
            junk.add("junk" + i);
        }
        assertThat(api.postJson("/batch/lookup", body(junk, null, null, null)).status()).isEqualTo(400);
        assertThat(api.postJson("/batch/lookup", body(junk.subList(0, 400), null, null, null)).json()
                .get("invalid").get("tracks")).hasSize(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"tracks\":[]}", "[]", "\"tracks\"", "null", "", "{\"tracks\":[\"a\"]} x",
        "{\"songs\":[\"a\"]}", "{\"tracks\":\"a\"}", "{\"tracks\":[1]}", "{\"tracks\":[null]}", "{\"tracks\":[[\"a\"]]}",
        "{\"tracks\":[\"a\"],\"tracks\":[\"b\"]}", "{\"tracks\":[\"a\"", "{tracks:[\"a\"]}", "{\"tracks\":null}"})
    void aBodyOfAnotherShapeIsABadRequest(String body) {
        ApiClient.Response res = api.postJson("/batch/lookup", body);

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.problemType()).isEqualTo("/problems/invalid-body");
        assertThat(res.json().get("detail").asText()).contains("tracks, artists, albums and isrcs").doesNotContain("Exception");
    }

    @Test
    void bytesThatAreNotUtf8AreABadRequest() {
        byte[] latin1 = "{\"tracks\":[\"caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1);
        ApiClient.Response res = api.send("POST", "/batch/lookup", HttpRequest.BodyPublishers.ofByteArray(latin1),
                "Content-Type", "application/json");

        assertThat(res.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/vnd.api+json", "APPLICATION/JSON"})
    void jsonMediaTypesAreAccepted(String type) {
        ApiClient.Response res = api.send("POST", "/batch/lookup",
                HttpRequest.BodyPublishers.ofString(body(List.of(TRACK_FULL), null, null, null)), "Content-Type", type);

        assertThat(res.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonp", "application/+json"})
    void otherMediaTypesAreUnsupported(String type) {
        ApiClient.Response res = api.send("POST", "/batch/lookup",
                HttpRequest.BodyPublishers.ofString(body(List.of(TRACK_FULL), null, null, null)), "Content-Type", type);

        assertThat(res.status()).isEqualTo(415);
        assertThat(res.problemType()).isEqualTo("/problems/unsupported-media-type");
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupported() {
        ApiClient.Response res = api.raw("POST /batch/lookup HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}");

        assertThat(res.status()).isEqualTo(415);
    }

    @Test
    void the64KiBLimitHoldsWithAndWithoutContentLengthAndAfterTheMediaTypeCheck() {
        String items = body(List.of(TRACK_FULL), null, null, null);
        String atLimit = items + " ".repeat(BatchRoutes.MAX_BODY_BYTES - items.length());
        String overLimit = atLimit + " ";

        ApiClient.Response fits = api.postJson("/batch/lookup", atLimit);
        ApiClient.Response tooLarge = api.postJson("/batch/lookup", overLimit);
        ApiClient.Response chunked = api.send("POST", "/batch/lookup", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(overLimit.getBytes(StandardCharsets.UTF_8))), "Content-Type", "application/json");
        ApiClient.Response textTooLarge = api.send("POST", "/batch/lookup", HttpRequest.BodyPublishers.ofString(overLimit),
                "Content-Type", "text/plain");

        assertThat(fits.status()).isEqualTo(200);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.problemType()).isEqualTo("/problems/body-too-large");
        assertThat(tooLarge.json().get("detail").asText()).contains("64 KiB");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(textTooLarge.status()).isEqualTo(415);
    }

    @Test
    void aBatchIsOnlyPosted() {
        ApiClient.Response res = api.get("/batch/lookup");

        assertThat(res.status()).isEqualTo(405);
        assertThat(res.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    static List<String> fields(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
