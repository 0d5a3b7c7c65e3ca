package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.testing.Db;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every problem's {@code type} resolves to a page saying what the problem means and what is accepted. */
class ProblemTypeApiTest {

    private final ApiClient api = Fixtures.sampleApi();

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyTypeIsAPageAboutItsProblem(ProblemType type) {
        ApiClient.Response res = api.get(type.uri());

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Type")).startsWith("text/html");
        assertThat(res.text()).contains("<h1>" + type.title() + "</h1>", type.uri(), "HTTP status " + type.status(),
                "What it means", "What is accepted", "href=\"../docs\"");
        assertThat(res.text()).doesNotContain("href=\"/", "src=\"/");
    }

    /**
     * The types of real answers, resolved against the URL of their request as RFC 9457 says a
     * relative type is, answer 200.
     */
    @Test
    void theTypesOfRealAnswersResolve() {
        String track = "/lookup/track/" + Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
        List<String> requests = List.of("/lookup/track/not-an-id", "/lookup/isrc/nope", "/search/track?limit=x",
                "/lookup/artist/0000000000000000000000", "/nope/deeper/still");
        List<URI> types = new ArrayList<>();
        for (String request : requests) {
            types.add(typeOf(request, api.get(request)));
        }
        types.add(typeOf("/health", api.send("DELETE", "/health", HttpRequest.BodyPublishers.noBody())));
        types.add(typeOf("/batch/lookup", api.postJson("/batch/lookup", "[]")));
        types.add(typeOf("/batch/lookup", api.send("POST", "/batch/lookup", HttpRequest.BodyPublishers.ofString("{}"),
                "Content-Type", "text/plain")));
        types.add(typeOf("/batch/lookup", api.postJson("/batch/lookup", "{\"tracks\":[\"x\"]}", "If-None-Match", "*")));
        types.add(typeOf(track, api.raw("GET /lookup/track/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));

        assertThat(types).extracting(URI::getPath).doesNotHaveDuplicates().allMatch(p -> p.startsWith("/problems/"));
        for (URI type : types) {
            assertThat(api.get(type.toString()).status()).as(type.toString()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownTypeIsAnUnknownPathAndASlashRedirectsToThePage() {
        ApiClient.Response unknown = api.get("/problems/no-such-problem");
        ApiClient.Response slash = api.get("/problems/not-found/");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo("/problems/unknown-path");
        assertThat(slash.status()).isEqualTo(308);
        assertThat(slash.header("Location")).isEqualTo("../not-found");
    }

    @Test
    void theDocumentListsEveryType() {
        JsonNode slugs = OpenApiValidator.INSTANCE.document().at("/paths/~1problems~1{slug}/get/parameters/0/schema/enum");
        List<String> documented = new ArrayList<>();
        slugs.forEach(s -> documented.add(s.asText()));
        String description = OpenApiValidator.INSTANCE.document().at("/info/description").asText();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList());
        for (ProblemType type : ProblemType.values()) {
            assertThat(description).contains("| `" + type.uri() + "` | " + type.status() + " |");
        }
    }

    /** The problem's type as a client resolves it: against the URL it asked. */
    private URI typeOf(String request, ApiClient.Response res) {
        assertThat(res.status()).as(request).isGreaterThanOrEqualTo(400);
        return api.base().resolve(request).resolve(res.problemType());
    }
}
