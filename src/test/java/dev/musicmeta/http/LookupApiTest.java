package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.testing.Db;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lookup endpoints over the generated catalog, checked against the SQLite files with plain SQL. */
class LookupApiTest {

    private final ApiClient api = Fixtures.sampleApi();
    private final Path db = Fixtures.sampleMain();

    /** A track with several credited artists, so credit order is tested. */
    private String multiArtistTrack() {
        return (String) Db.value(db, "SELECT t.id FROM tracks t WHERE (SELECT count(*) FROM track_artists ta"
                + " WHERE ta.track_rowid = t.rowid) >= 2 ORDER BY t.rowid LIMIT 1");
    }

    @Test
    void trackHasTheStoredFieldsItsAlbumAndItsArtistsInCreditOrder() {
        String id = multiArtistTrack();
        Object[] row = Db.rows(db, "SELECT t.name, t.external_id_isrc, t.duration_ms, t.track_number, t.disc_number,"
                + " t.popularity, a.id FROM tracks t JOIN albums a ON a.rowid = t.album_rowid WHERE t.id = ?", id).get(0);
        List<Object> credits = Db.column(db, "SELECT ar.id FROM track_artists ta JOIN artists ar"
                + " ON ar.rowid = ta.artist_rowid JOIN tracks t ON t.rowid = ta.track_rowid WHERE t.id = ?"
                + " ORDER BY ta.rowid", id);

        ApiClient.Response res = api.get("/lookup/track/" + id);

        assertThat(res.status()).isEqualTo(200);
        JsonNode t = res.json();
        assertThat(t.get("id").asText()).isEqualTo(id);
        assertThat(t.get("name").asText()).isEqualTo(row[0]);
        assertThat(t.get("isrc").asText()).isEqualTo(row[1]);
        assertThat(t.get("duration_ms").asLong()).isEqualTo(((Number) row[2]).longValue());
        assertThat(t.get("track_number").asInt()).isEqualTo(((Number) row[3]).intValue());
        assertThat(t.get("disc_number").asInt()).isEqualTo(((Number) row[4]).intValue());
        assertThat(t.get("popularity").asInt()).isEqualTo(((Number) row[5]).intValue());
        assertThat(t.get("album").get("id").asText()).isEqualTo(row[6]);
        assertThat(ids(t.get("artists"))).containsExactlyElementsOf(strings(credits));
    }

    @Test
    void aUriIsTheSameAsItsIdAndAUriOfAnotherKindIsABadRequest() {
        String id = multiArtistTrack();
        ApiClient.Response byId = api.get("/lookup/track/" + id);
        ApiClient.Response byUri = api.get("/lookup/track/spotify:track:" + id);
        ApiClient.Response wrongKind = api.get("/lookup/track/spotify:album:" + id);

        assertThat(byUri.status()).isEqualTo(200);
        assertThat(byUri.body()).isEqualTo(byId.body());
        assertThat(byUri.header("ETag")).isEqualTo(byId.header("ETag"));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.problemType()).isEqualTo("/problems/invalid-id");
        assertThat(wrongKind.json().get("detail").asText()).contains("spotify:album").contains("spotify:track:<id>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://open.spotify.com/track/%s?si=4a5b6c7d8e9f", "open.spotify.com/intl-de/track/%s",
        "http://open.spotify.com/track/%s#x"})
    void aLinkToTheWebPlayerSentPercentEncodedIsTheSameAsItsId(String link) {
        String id = multiArtistTrack();
        String encoded = URLEncoder.encode(link.formatted(id), StandardCharsets.UTF_8);

        ApiClient.Response byLink = api.get("/lookup/track/" + encoded);
        ApiClient.Response wrongKind = api.get("/lookup/album/" + encoded);

        assertThat(byLink.status()).isEqualTo(200);
        assertThat(byLink.body()).isEqualTo(api.get("/lookup/track/" + id).body());
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.json().get("detail").asText()).contains("link is not accepted here")
                .contains("https://open.spotify.com/album/<id>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lookup/track/tooShort", "/lookup/track/0123456789012345678901x",
        "/lookup/track/01234567890123456789-_", "/lookup/artist/spotify:track:0123456789012345678901",
        "/lookup/album/spotify:album:", "/lookup/album/x/tracks", "/lookup/artist/%C3%A9%C3%A9%C3%A9"})
    void malformedIdsAreBadRequestsThatSayWhatIsAccepted(String path) {
        ApiClient.Response res = api.get(path);

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.problemType()).isEqualTo("/problems/invalid-id");
        assertThat(res.json().get("detail").asText()).contains("22 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"track", "artist", "album", "album/%s/tracks"})
    void unknownIdsAreNotFound(String kind) {
        String path = kind.contains("%s") ? "/lookup/" + kind.formatted("0000000000000000000000")
                : "/lookup/" + kind + "/0000000000000000000000";
        ApiClient.Response res = api.get(path);

        assertThat(res.status()).isEqualTo(404);
        assertThat(res.problemType()).isEqualTo("/problems/not-found");
        assertThat(res.json().get("detail").asText()).contains("0000000000000000000000");
    }

    @Test
    void artistHasItsGenresInStoredOrderAndImagesWidestFirst() {
        String id = (String) Db.value(db, "SELECT ar.id FROM artists ar WHERE (SELECT count(*) FROM artist_genres g"
                + " WHERE g.artist_rowid = ar.rowid) >= 2 ORDER BY ar.rowid LIMIT 1");
        Object[] row = Db.rows(db, "SELECT name, followers_total, popularity FROM artists WHERE id = ?", id).get(0);
        List<Object> genres = Db.column(db, "SELECT g.genre FROM artist_genres g JOIN artists ar"
                + " ON ar.rowid = g.artist_rowid WHERE ar.id = ? ORDER BY g.rowid", id);

        JsonNode a = api.get("/lookup/artist/spotify:artist:" + id).json();

        assertThat(a.get("name").asText()).isEqualTo(row[0]);
        assertThat(a.get("followers").asLong()).isEqualTo(((Number) row[1]).longValue());
        assertThat(a.get("popularity").asInt()).isEqualTo(((Number) row[2]).intValue());
        assertThat(texts(a.get("genres"))).containsExactlyElementsOf(strings(genres));
        List<Integer> widths = new ArrayList<>();
        a.get("images").forEach(i -> widths.add(i.get("width").asInt()));
        assertThat(widths).isSortedAccordingTo((x, y) -> Integer.compare(y, x));
    }

    @Test
    void albumHasItsOwnArtistsInAlbumOrderAndItsTracksByDiscAndNumber() {
        String id = (String) Db.value(db, "SELECT al.id FROM albums al WHERE al.total_tracks >= 3"
                + " AND (SELECT count(*) FROM tracks t WHERE t.album_rowid = al.rowid) >= 3 ORDER BY al.rowid LIMIT 1");
        List<Object> ownArtists = Db.column(db, "SELECT ar.id FROM artist_albums aa JOIN artists ar"
                + " ON ar.rowid = aa.artist_rowid JOIN albums al ON al.rowid = aa.album_rowid"
                + " WHERE al.id = ? AND aa.index_in_album IS NOT NULL GROUP BY ar.rowid"
                + " ORDER BY min(aa.index_in_album)", id);
        List<Object> trackOrder = Db.column(db, "SELECT t.id FROM tracks t JOIN albums al ON al.rowid = t.album_rowid"
                + " WHERE al.id = ? ORDER BY t.disc_number IS NULL, t.disc_number, t.track_number IS NULL,"
                + " t.track_number, t.rowid", id);

        JsonNode album = api.get("/lookup/album/" + id).json();
        ApiClient.Response tracks = api.get("/lookup/album/spotify:album:" + id + "/tracks");

        assertThat(album.get("name").asText()).isEqualTo(Db.value(db, "SELECT name FROM albums WHERE id = ?", id));
        assertThat(ids(album.get("artists"))).containsExactlyElementsOf(strings(ownArtists));
        assertThat(tracks.status()).isEqualTo(200);
        assertThat(ids(tracks.json())).containsExactlyElementsOf(strings(trackOrder));
        tracks.json().forEach(t -> assertThat(t.get("album").isNull()).isTrue());
    }

    @Test
    void isrcLookupTakesAnySpellingAndAnswersTheBestTrack() {
        String isrc = (String) Db.value(db, "SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc HAVING count(*) >= 2 ORDER BY external_id_isrc LIMIT 1");
        List<Object> order = Db.column(db, "SELECT t.id FROM tracks t LEFT JOIN albums al ON al.rowid = t.album_rowid"
                + " WHERE t.external_id_isrc = ? ORDER BY t.popularity IS NULL, t.popularity DESC,"
                + " al.release_date IS NULL, al.release_date, t.rowid", isrc);
        String spelled = (isrc.substring(0, 2) + "-" + isrc.substring(2, 5) + " " + isrc.substring(5)).toLowerCase();

        ApiClient.Response best = api.get("/lookup/isrc/" + spelled.replace(" ", "%20"));
        ApiClient.Response all = api.get("/lookup/isrc/" + isrc + "/tracks");

        assertThat(best.status()).isEqualTo(200);
        assertThat(best.json().get("id").asText()).isEqualTo(order.get(0));
        assertThat(ids(all.json())).containsExactlyElementsOf(strings(order));
        all.json().forEach(t -> assertThat(t.get("isrc").asText()).isEqualTo(isrc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lookup/isrc/USRC1760783", "/lookup/isrc/USRC176078390", "/lookup/isrc/1SRC17607839",
        "/lookup/isrc/US%2BRC17607839/tracks", "/lookup/isrc/USRC1760783X"})
    void malformedIsrcsAreBadRequests(String path) {
        ApiClient.Response res = api.get(path);

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.problemType()).isEqualTo("/problems/invalid-isrc");
        assertThat(res.json().get("detail").asText()).contains("USRC17607839");
    }

    @Test
    void anIsrcNoTrackHasIsNotFound() {
        assertThat(api.get("/lookup/isrc/ZZZZZ9999999").status()).isEqualTo(404);
        assertThat(api.get("/lookup/isrc/ZZZZZ9999999/tracks").problemType()).isEqualTo("/problems/not-found");
    }

    @Test
    void headAnswersAsGetWithoutTheBody() {
        String id = multiArtistTrack();
        ApiClient.Response get = api.get("/lookup/track/" + id);
        ApiClient.Response head = api.head("/lookup/track/" + id);
        ApiClient.Response missing = api.head("/lookup/track/0000000000000000000000");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(get.body().length));
        assertThat(missing.status()).isEqualTo(404);
    }

    static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> strings(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
