package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.musicmeta.testing.LogCapture;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP-level behaviour: unknown paths, wrong methods, HEAD, and requests Jetty itself refuses,
 * all answered as problem documents that leak nothing about the server.
 */
class ProtocolApiTest {

    private final ApiClient api = Fixtures.sampleApi();

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/lookup", "/lookup/track", "/lookup/track/a/b/c", "/search", "/batch",
        "/lookup/playlist/0000000000000000000000", "/health/x", "/docs/missing.js", "/docs/../openapi.yaml"})
    void unknownPathsAreNotFound(String path) {
        ApiClient.Response res = api.get(path);

        assertThat(res.status()).isEqualTo(404);
        assertThat(res.problemType()).isEqualTo("/problems/unknown-path");
        assertThat(res.header("Cache-Control")).isEqualTo("no-store");
    }

    @ParameterizedTest
    @CsvSource({
        "DELETE, /lookup/track/0000000000000000000000, 'GET, HEAD, OPTIONS'",
        "PUT, /search/track, 'GET, HEAD, OPTIONS'",
        "POST, /health, 'GET, HEAD, OPTIONS'",
        "PATCH, /batch/lookup, 'POST, OPTIONS'",
        "DELETE, /lookup/isrc/USRC17607839/tracks, 'GET, HEAD, OPTIONS'",
        "POST, /docs, 'GET, HEAD, OPTIONS'"})
    void aKnownPathWithAnotherMethodIsNotAllowedAndSaysWhichAre(String method, String path, String allow) {
        ApiClient.Response res = api.send(method, path, HttpRequest.BodyPublishers.noBody());

        assertThat(res.status()).isEqualTo(405);
        assertThat(res.header("Allow")).isEqualTo(allow);
        assertThat(res.problemType()).isEqualTo("/problems/method-not-allowed");
        assertThat(res.json().get("detail").asText()).contains(method).contains(allow);
    }

    @Test
    void anUnknownMethodIsNotAllowedToo() {
        ApiClient.Response res = api.raw("BREW /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(res.status()).isEqualTo(405);
        assertThat(res.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void aTrailingSlashIsTheSamePath() {
        assertThat(api.get("/health/").status()).isEqualTo(200);
        assertThat(api.get("/search/artist/?q=ab").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /lookup/track/%zz HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n | 400",
        "GET /lookup/../../etc/passwd HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n | 400",
        "GET /lookup/track/a\\b HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n | 400",
        "NONSENSE\\r\\n\\r\\n | 400",
        "GET /health HTTP/1.1\\r\\nConnection: close\\r\\n\\r\\n | 400",
        "GET /health HTTP/1.1\\r\\nHost: x\\r\\nBad Header\\r\\nConnection: close\\r\\n\\r\\n | 400",
        "POST /batch/lookup HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: application/json\\r\\nTransfer-Encoding: chunked\\r\\nConnection: close\\r\\n\\r\\nzz\\r\\n | 400"})
    void requestsJettyRefusesAreProblemDocumentsToo(String request, int status) {
        ApiClient.Response res = api.raw(request.replace("\\r\\n", "\r\n"));

        assertThat(res.status()).isEqualTo(status);
        assertThat(res.header("Content-Type")).startsWith("application/problem+json");
        assertThat(res.json().get("detail").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lookup/track/a;%", "/lookup/track/%u0041", "/docs/a;%", "/problems/x;%zz",
        "/lookup/isrc/%", "/lookup/album/%4/tracks", "/search/track%zz?q=ab", "/%", "/health;%g0",
        "/lookup/artist/%%41"})
    void aBadEscapeInAnyPathSegmentIsABadRequestAndLogsNothing(String path) {
        try (LogCapture log = LogCapture.of("dev.musicmeta", Level.WARN)) {
            ApiClient.Response res = api.raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(res.status()).isEqualTo(400);
            assertThat(res.problemType()).isEqualTo("/problems/malformed-request");
            assertThat(res.json().get("detail").asText()).contains("percent-encoding");
            assertThat(log.events()).as("a client's mistake is not the server's fault").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /health HTP/1.1", "GET /health HTTP/1.2", "GET /health HTTP/01.1", "GET /health",
        "GET /he\nalth HTTP/1.1", "GET /health HTTP/1.1 extra", "GET /health HTTP/3.0",
        "GET /health HTTP/1"})
    void aMalformedRequestLineOrUnknownVersionIsABadRequestNeverA5xx(String requestLine) {
        ApiClient.Response res = api.raw(requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.problemType()).isEqualTo("/problems/malformed-request");
        assertThat(res.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void http2PriorKnowledgeIsUpgradeRequired() {
        ApiClient.Response res = api.raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

        assertThat(res.status()).isEqualTo(426);
        assertThat(res.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aLongUrlAndLargeHeadersAreProblemDocuments() {
        ApiClient.Response longUrl = api.raw("GET /lookup/track/" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        ApiClient.Response bigHeaders = api.raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(longUrl.status()).isEqualTo(414);
        assertThat(longUrl.problemType()).isEqualTo("/problems/uri-too-long");
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.problemType()).isEqualTo("/problems/headers-too-large");
    }

    @Test
    void noAnswerLeaksAStackTraceSqlOrAFilePath() {
        List<ApiClient.Response> answers = List.of(
                api.get("/lookup/track/%E2%80%AE" + "x".repeat(30)),
                api.get("/lookup/isrc/" + "%27%3B%20DROP%20TABLE%20tracks%3B--"),
                api.get("/search/track?q=%27%20OR%201%3D1%20--&limit=50"),
                api.get("/search/album?q=%22%5C%00%25_"),
                api.postJson("/batch/lookup", "{\"tracks\":[\"' OR 1=1 --\"],\"isrcs\":[\"%_\"]}"),
                api.raw("GET /lookup/track/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        for (ApiClient.Response res : answers) {
            assertThat(res.status()).isLessThan(500);
            assertThat(res.text()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select ")
                    .doesNotContain(".java").doesNotContain("/tmp/").doesNotContain("sqlite3").doesNotContain("at dev.");
        }
    }

    @Test
    void responsesDoNotAdvertiseTheServerSoftware() {
        ApiClient.Response res = api.get("/health");

        assertThat(res.header("Server")).isNull();
        assertThat(res.header("X-Powered-By")).isNull();
    }
}
