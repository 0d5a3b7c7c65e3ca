package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.testing.Db;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The search endpoints' parameters and pages; ranking belongs to the catalog's own tests. */
class SearchApiTest {

    private final ApiClient api = Fixtures.sampleApi();

    /** A word of a stored track name, so searches find something whatever the generator writes. */
    private String word() {
        String name = (String) Db.value(Fixtures.sampleMain(), "SELECT name FROM tracks WHERE name GLOB '[A-Za-z]*'"
                + " AND length(name) >= 4 ORDER BY rowid LIMIT 1");
        return name.split("[^A-Za-z]+")[0];
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                                 | q is required",
        "q=                               | it has 0",
        "q=%20%20%20                      | it has 0",
        "q=love%20year:2010               | filters such as artist:, album: or year: need the search index",
        "q=ARTIST:%22the%20beatles%22     | need the search index",
        "q=ab&limit=0                     | limit must be an integer from 1 to 50",
        "q=ab&limit=51                    | limit must be an integer from 1 to 50",
        "q=ab&limit=x                     | limit is not an integer: limit must be an integer from 1 to 50",
        "q=ab&limit=1.5                   | limit is not an integer",
        "q=ab&limit=                      | limit is not an integer",
        "q=ab&limit=%2B5                  | limit is not an integer",
        "q=ab&limit=99999999999           | limit is out of range: limit must be an integer from 1 to 50",
        "q=ab&limit=00000000051           | limit must be an integer from 1 to 50",
        "q=ab&limit=-                     | limit is not an integer",
        "q=ab&offset=-1                   | offset is out of range",
        "q=ab&offset=-01                  | offset is out of range",
        "q=ab&offset=abc                  | offset is not an integer: offset must be an integer of at least 0",
        "q=ab&offset=000000000010000      | offset + limit at most 10000",
        "q=ab&offset=9990&limit=20        | offset + limit at most 10000",
        "q=ab&offset=10000&limit=1        | offset + limit at most 10000",
        "q=ab&limit=1&limit=2             | limit is given 2 times",
        "q=ab&q=cd                        | q is given 2 times"})
    void badParametersAreBadRequestsThatSayWhatIsAccepted(String query, String detail) {
        for (String kind : List.of("track", "artist", "album")) {
            ApiClient.Response res = api.get("/search/" + kind + (query == null ? "" : "?" + query));

            assertThat(res.status()).isEqualTo(400);
            assertThat(res.problemType()).isEqualTo("/problems/invalid-parameter");
            assertThat(res.json().get("detail").asText()).contains(detail);
        }
    }

    @Test
    void aQueryStringThatIsNotPercentEncodingIsABadRequest() {
        ApiClient.Response res = api.raw("GET /search/track?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.problemType()).isEqualTo("/problems/invalid-parameter");
        assertThat(res.json().get("detail").asText()).contains("percent-encoded");
    }

    @Test
    void qIsCountedInCodePointsAfterTrimming() {
        String emoji200 = "🎸".repeat(200);
        ApiClient.Response max = api.get("/search/track?q=" + encode("  " + emoji200 + "  "));
        ApiClient.Response over = api.get("/search/track?q=" + encode(emoji200 + "🎸"));

        assertThat(max.status()).isEqualTo(200);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().get("detail").asText()).contains("it has 201");
    }

    @Test
    void oneCharacterIsAQuery() {
        for (String kind : List.of("track", "artist", "album")) {
            assertThat(api.get("/search/" + kind + "?q=a").status()).isEqualTo(200);
            assertThat(api.get("/search/" + kind + "?q=%20%E5%A4%9C%20").status()).isEqualTo(200);
        }
    }

    @Test
    void integersMayHaveLeadingZeros() {
        ApiClient.Response res = api.get("/search/track?q=" + encode(word()) + "&offset=00000000005&limit=007");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("offset").asInt()).isEqualTo(5);
        assertThat(res.json().get("limit").asInt()).isEqualTo(7);
        assertThat(api.get("/search/track?q=ab&offset=0&limit=00000000000000000000050").status()).isEqualTo(200);
    }

    @Test
    void theLastAllowedWindowIsAccepted() {
        ApiClient.Response res = api.get("/search/artist?q=" + encode(word()) + "&offset=9950&limit=50");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("offset").asInt()).isEqualTo(9950);
        assertThat(res.json().get("limit").asInt()).isEqualTo(50);
    }

    @Test
    void pagesEchoTheirWindowAndDoNotOverlap() {
        String q = encode(word());
        JsonNode first = api.get("/search/track?q=" + q + "&limit=3").json();
        JsonNode second = api.get("/search/track?q=" + q + "&limit=3&offset=3").json();
        JsonNode both = api.get("/search/track?q=" + q + "&limit=6").json();

        assertThat(first.get("limit").asInt()).isEqualTo(3);
        assertThat(first.get("offset").asInt()).isZero();
        assertThat(first.get("items")).isNotEmpty();
        List<String> paged = new ArrayList<>(LookupApiTest.ids(first.get("items")));
        paged.addAll(LookupApiTest.ids(second.get("items")));
        assertThat(paged).doesNotHaveDuplicates().isEqualTo(LookupApiTest.ids(both.get("items")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"track", "artist", "album"})
    void everyKindAnswersAPageWithTheDefaultLimit(String kind) {
        ApiClient.Response res = api.get("/search/" + kind + "?q=" + encode(word()));

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("limit").asInt()).isEqualTo(20);
        assertThat(res.json().get("items").size()).isLessThanOrEqualTo(20);
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(api.get("/search/track?q=" + encode(word()) + "&market=SE&type=track").status()).isEqualTo(200);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
