package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator every integration test relies on rejects what the document does not allow. */
class OpenApiValidatorTest {

    private static final OpenApiValidator V = OpenApiValidator.INSTANCE;
    private static final String ARTIST = "{\"id\":\"0OdUWJ0sBjDrqHygGUXeCF\",\"name\":\"A\",\"followers\":1,"
            + "\"popularity\":null,\"genres\":[],\"images\":[]}";

    private static Map<String, List<String>> headers(String contentType) {
        return Map.of("content-type", List.of(contentType), "etag", List.of("\"abc\""),
                "cache-control", List.of("public, max-age=86400"), "access-control-allow-origin", List.of("*"),
                "access-control-expose-headers", List.of("ETag, Retry-After, Allow, X-Request-Id, WWW-Authenticate"),
                "x-request-id", List.of("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsADocumentedAnswer() {
        assertThatCode(() -> V.validate("GET", "/lookup/artist/x", 200, headers("application/json"), bytes(ARTIST)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsAMissingFieldAnExtraFieldAndAWrongType() {
        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 200, headers("application/json"),
                bytes(ARTIST.replace("\"genres\":[],", "")))).isInstanceOf(AssertionError.class).hasMessageContaining("genres");
        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 200, headers("application/json"),
                bytes(ARTIST.replace("{", "{\"extra\":1,")))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 200, headers("application/json"),
                bytes(ARTIST.replace("\"followers\":1", "\"followers\":\"1\"")))).isInstanceOf(AssertionError.class);
    }

    @Test
    void rejectsAnUndocumentedStatusAWrongContentTypeAndAMissingRequiredHeader() {
        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 418, headers("application/problem+json"),
                bytes("{\"type\":\"about:blank\",\"title\":\"t\",\"status\":418,\"detail\":\"d\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 200, headers("text/plain"), bytes(ARTIST)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("content type");
        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 200,
                Map.of("content-type", List.of("application/json")), bytes(ARTIST)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ETag");
    }

    @Test
    void rejectsAHeaderTheDocumentDoesNotList() {
        Map<String, List<String>> withCookie = new HashMap<>(headers("application/json"));
        withCookie.put("set-cookie", List.of("JSESSIONID=1"));

        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 200, withCookie, bytes(ARTIST)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("set-cookie is sent but not documented");
        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 404, Map.of("content-type",
                List.of("application/problem+json"), "cache-control", List.of("no-store"), "etag", List.of("\"a\"")),
                bytes("{\"type\":\"/problems/not-found\",\"title\":\"t\",\"status\":404,\"detail\":\"d\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("etag is sent but not documented");
    }

    @Test
    void rejectsAProblemWhoseStatusDiffersAndAnErrorThatIsNotAProblem() {
        assertThatThrownBy(() -> V.validate("GET", "/lookup/artist/x", 404, headers("application/problem+json"),
                bytes("{\"type\":\"/problems/not-found\",\"title\":\"t\",\"status\":400,\"detail\":\"d\"}")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> V.validate("GET", "/nope", 404, headers("text/html"), bytes("<h1>404</h1>")))
                .isInstanceOf(AssertionError.class);
    }
}
