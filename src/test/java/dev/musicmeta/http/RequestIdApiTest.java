package dev.musicmeta.http;

import dev.musicmeta.testing.Db;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every answer carries {@code X-Request-Id}: the client's own when it is 1 to 128 visible ASCII
 * characters, else one the server made; whoever wrote the answer (a route, a problem document, the
 * rate limiter, Jetty's own error handling).
 */
class RequestIdApiTest {

    private static final String ID = "4bf92f35-77b3_4da6:a3ce/929d0e0e4736~";

    private final ApiClient api = Fixtures.sampleApi();

    @Test
    void theClientsIdIsEchoedOnEveryKindOfAnswer() {
        String track = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
        String etag = api.get("/lookup/track/" + track).header("ETag");
        List<ApiClient.Response> answers = List.of(
                api.get("/lookup/track/" + track, "X-Request-Id", ID),
                api.get("/lookup/track/" + track, "X-Request-Id", ID, "If-None-Match", etag),
                api.get("/lookup/track/0000000000000000000000", "X-Request-Id", ID),
                api.get("/lookup/track/nope", "X-Request-Id", ID),
                api.get("/nope", "X-Request-Id", ID),
                api.send("DELETE", "/health", HttpRequest.BodyPublishers.noBody(), "X-Request-Id", ID),
                api.send("OPTIONS", "/health", HttpRequest.BodyPublishers.noBody(), "X-Request-Id", ID),
                api.get("/docs/", "X-Request-Id", ID),
                api.get("/ready", "X-Request-Id", ID),
                api.postJson("/batch/lookup", "{}", "X-Request-Id", ID),
                api.raw("GET /lookup/track/a;% HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + ID + "\r\nConnection: close\r\n\r\n"));

        assertThat(answers).extracting(ApiClient.Response::status)
                .containsExactly(200, 304, 404, 400, 404, 405, 204, 308, 200, 400, 400);
        assertThat(answers).allSatisfy(res -> assertThat(res.header("X-Request-Id")).isEqualTo(ID));
    }

    @Test
    void withoutAnIdTheServerMakesADifferentOneForEachRequest() {
        Set<String> ids = List.of(api.get("/health"), api.get("/health"), api.get("/nope")).stream()
                .map(res -> res.header("X-Request-Id")).collect(Collectors.toSet());

        assertThat(ids).hasSize(3).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\there", "é-not-ascii"})
    void anIdThatIsNotVisibleAsciiIsReplaced(String sent) {
        ApiClient.Response res = api.raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + sent
                + "\r\nConnection: close\r\n\r\n");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void anIdOver128CharactersIsReplaced() {
        assertThat(api.get("/health", "X-Request-Id", "a".repeat(128)).header("X-Request-Id")).isEqualTo("a".repeat(128));
        assertThat(api.get("/health", "X-Request-Id", "a".repeat(129)).header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    /** A request refused before its headers are read cannot have its own id echoed: it gets one. */
    @Test
    void answersJettyWritesBeforeAnyRouteHaveAnIdToo() {
        List<ApiClient.Response> answers = List.of(
                api.raw("GET /health HTP/1.1\r\nHost: x\r\nX-Request-Id: " + ID + "\r\nConnection: close\r\n\r\n"),
                api.raw("GET /lookup/track/%zz HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + ID + "\r\nConnection: close\r\n\r\n"),
                api.raw("GET /lookup/track/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                api.raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"));

        assertThat(answers).extracting(ApiClient.Response::status).containsExactly(400, 400, 414, 431);
        assertThat(answers).allSatisfy(res -> assertThat(res.header("X-Request-Id")).matches("[0-9a-f]{32}"));
    }

    @Test
    void a429CarriesTheId() {
        try (TestServer server = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 1))) {
            server.client().get("/openapi.yaml");
            ApiClient.Response limited = server.client().get("/openapi.yaml", "X-Request-Id", ID);

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("X-Request-Id")).isEqualTo(ID);
        }
    }
}
