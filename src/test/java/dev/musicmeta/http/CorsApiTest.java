package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.testing.Db;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-origin access as a browser sees it: any origin may read every answer, and OPTIONS on
 * every documented path is a preflight that says what a page may send.
 */
class CorsApiTest {

    private static final String ORIGIN = "https://tagger.example.org";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** A value for each path parameter of the document; preflights do not look the item up. */
    private static final Map<String, String> VALUES = Map.of("id", "0000000000000000000000",
            "isrc", "USRC17607839", "file", "docs.js", "slug", "not-found", "upc", "602547288233");

    private final ApiClient api = Fixtures.sampleApi();

    /** Every path of openapi.yaml, parameters filled in, with the methods it documents. */
    static List<String[]> documentedPaths() {
        List<String[]> paths = new ArrayList<>();
        JsonNode doc = OpenApiValidator.INSTANCE.document().get("paths");
        doc.fieldNames().forEachRemaining(template -> {
            JsonNode item = doc.get(template);
            String methods = item.has("get") ? "GET, HEAD" : "POST";
            Matcher m = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, VALUES.get(m.group(1)));
            }
            m.appendTail(path);
            paths.add(new String[] {path.toString(), methods});
        });
        return paths;
    }

    @ParameterizedTest
    @MethodSource("documentedPaths")
    void aPreflightOnEveryPathSaysWhatAPageMaySend(String path, String methods) {
        ApiClient.Response res = api.send("OPTIONS", path, HttpRequest.BodyPublishers.noBody(), "Origin", ORIGIN,
                "Access-Control-Request-Method", methods.startsWith("GET") ? "GET" : "POST",
                "Access-Control-Request-Headers", "content-type, if-none-match");

        assertThat(res.status()).isEqualTo(204);
        assertThat(res.body()).isEmpty();
        assertThat(res.header("Content-Type")).isNull();
        assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(res.header("Access-Control-Allow-Methods")).isEqualTo(methods);
        assertThat(res.header("Access-Control-Allow-Headers")).contains("Content-Type", "If-None-Match").endsWith(", *");
        assertThat(res.header("Access-Control-Max-Age")).isEqualTo("86400");
        assertThat(res.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(res.header("Allow")).isEqualTo(methods + ", OPTIONS");
    }

    @Test
    void everyKindOfAnswerLetsAnyOriginReadItAndItsTag() {
        String track = "/lookup/track/" + Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
        ApiClient.Response ok = api.get(track, "Origin", ORIGIN);
        List<ApiClient.Response> answers = List.of(
                ok,
                api.get(track, "Origin", ORIGIN, "If-None-Match", ok.header("ETag")),
                api.get("/lookup/track/not-an-id", "Origin", ORIGIN),
                api.get("/lookup/track/0000000000000000000000", "Origin", ORIGIN),
                api.get("/nope", "Origin", ORIGIN),
                api.send("DELETE", "/health", HttpRequest.BodyPublishers.noBody(), "Origin", ORIGIN),
                api.postJson("/batch/lookup", "{\"tracks\":[\"0000000000000000000000\"]}", "Origin", ORIGIN),
                api.postJson("/batch/lookup", "[]", "Origin", ORIGIN),
                api.get("/docs/docs.js", "Origin", ORIGIN),
                api.raw("GET /lookup/track/%zz HTTP/1.1\r\nHost: x\r\nOrigin: " + ORIGIN
                        + "\r\nConnection: close\r\n\r\n"));

        assertThat(answers).extracting(ApiClient.Response::status)
                .containsExactly(200, 304, 400, 404, 404, 405, 200, 400, 200, 400);
        for (ApiClient.Response res : answers) {
            assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(res.header("Access-Control-Expose-Headers")).isEqualTo("ETag, Retry-After, Allow, X-Request-Id, WWW-Authenticate");
            assertThat(res.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(res.header("Vary")).isNotEqualTo("Origin");
        }
    }

    @Test
    void preflightsAreNotRateLimitedAndA429IsReadableCrossOrigin() {
        try (TestServer server = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 3))) {
            ApiClient limited = server.client();
            for (int i = 0; i < 10; i++) {
                assertThat(preflight(limited, "/search/track").status()).isEqualTo(204);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(limited.get("/openapi.yaml", "Origin", ORIGIN).status()).isEqualTo(200);
            }
            ApiClient.Response over = limited.get("/openapi.yaml", "Origin", ORIGIN);

            assertThat(over.status()).isEqualTo(429);
            assertThat(over.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(over.header("Access-Control-Expose-Headers")).contains("Retry-After");
            assertThat(preflight(limited, "/batch/lookup").status()).isEqualTo(204);
        }
    }

    private static ApiClient.Response preflight(ApiClient client, String path) {
        return client.send("OPTIONS", path, HttpRequest.BodyPublishers.noBody(), "Origin", ORIGIN,
                "Access-Control-Request-Method", "GET");
    }
}
