package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.musicmeta.http.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Swagger UI's "Try it out" sends with the values it fills in from openapi.yaml (each
 * parameter's example, its first named example, its default, or the first value of its enum; the
 * request body's first example) answers 200 on the demo catalog, as on the snapshot; and the
 * documented example answers are what the demo answers.
 */
class TryItOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOperationFilledInAsTryItOutFillsItAnswers200OnTheDemo() throws IOException {
        JsonNode doc = document();
        List<String> tried = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String target = target(doc, path.getKey(), operation);
                String[] authorized = authorization(operation);
                JsonNode form = operation.at("/requestBody/content/application~1x-www-form-urlencoded/example");
                ApiClient.Response response = method.equals("get")
                        ? DemoServer.open().get(target, authorized)
                        : !form.isMissingNode()
                        ? DemoServer.open().send("POST", target, HttpRequest.BodyPublishers.ofString(form(form)),
                                "Content-Type", "application/x-www-form-urlencoded")
                        : DemoServer.open().postJson(target, JSON.writeValueAsString(bodyExample(doc, operation)));
                assertThat(response.status()).as(method.toUpperCase() + " " + target).isEqualTo(200);
                tried.add(method.toUpperCase() + " " + target);
            }
        }
        assertThat(tried).contains("GET /lookup/track/4uLU6hMCjMI75M1A2tKUQC", "GET /lookup/isrc/GBARL9300135",
                "GET /lookup/artist/0gxyHStUsqpMadRV0Di1Qt", "GET /lookup/album/6N9PS4QXF1D0OWPk0Sxtb4/tracks?offset=0&shape=list",
                "GET /lookup/upc/302161520652", "GET /lookup/artist/0gxyHStUsqpMadRV0Di1Qt/top-tracks?limit=10",
                "GET /search/track?q=bohemian%20rhap&limit=20&offset=0", "POST /batch/lookup",
                "GET /v1/tracks/4uLU6hMCjMI75M1A2tKUQC", "GET /v1/search?q=bohemian%20rhap&type=track%2Calbum%2Cartist"
                        + "&limit=20&offset=0", "POST /api/token");
    }

    @Test
    void theDocumentedExampleAnswersAreTheDemosAnswers() throws IOException {
        JsonNode examples = document().at("/components/examples");
        ApiClient api = DemoServer.open();

        assertThat(api.get("/lookup/track/4uLU6hMCjMI75M1A2tKUQC").json()).isEqualTo(examples.at("/Track/value"));
        assertThat(api.get("/lookup/artist/0gxyHStUsqpMadRV0Di1Qt").json()).isEqualTo(examples.at("/Artist/value"));
    }

    @Test
    void theBatchExampleFindsItsTracksAndIsrcsAndListsTheMalformedAlbum() throws IOException {
        JsonNode doc = document();
        JsonNode body = bodyExample(doc, doc.at("/paths/~1batch~1lookup/post"));
        JsonNode answer = DemoServer.open().postJson("/batch/lookup", JSON.writeValueAsString(body)).json();

        assertThat(answer.path("not_found").path("tracks")).isEmpty();
        assertThat(answer.path("not_found").path("isrcs")).isEmpty();
        assertThat(answer.path("invalid").path("albums").get(0).asText()).isEqualTo("not-an-id");
    }

    /**
     * The header Swagger UI adds once "Authorize" has a bearer token, for operations that need one
     * (the Spotify surface); with API keys off, as on the demo, any token is accepted.
     */
    private static String[] authorization(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.has("spotifyBearer")) {
                return new String[] {"Authorization", "Bearer token-typed-into-authorize"};
            }
        }
        return new String[0];
    }

    /** A form example as Swagger UI sends it. */
    private static String form(JsonNode example) {
        List<String> pairs = new ArrayList<>();
        example.fields().forEachRemaining(e -> pairs.add(e.getKey() + "="
                + URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = TryItOutTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** The path with its parameters filled in, and a query of the parameters Try it out fills in. */
    private static String target(JsonNode doc, String template, JsonNode operation) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode reference : operation.path("parameters")) {
            JsonNode parameter = resolve(doc, reference);
            String value = value(parameter);
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                assertThat(value).as(template + " needs a value for " + parameter.path("name")).isNotNull();
                path = path.replace("{" + parameter.path("name").asText() + "}", value);
            } else if (in.equals("query") && value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(parameter.path("name").asText()).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return path + query;
    }

    /** What Swagger UI puts in the field: example, first named example, default, first enum value. */
    private static String value(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        if (parameter.has("example")) {
            return parameter.get("example").asText();
        }
        if (parameter.has("examples")) {
            return parameter.get("examples").elements().next().path("value").asText();
        }
        if (schema.has("default")) {
            return schema.get("default").asText();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        return null;
    }

    private static JsonNode bodyExample(JsonNode doc, JsonNode operation) {
        JsonNode media = operation.at("/requestBody/content/application~1json");
        return media.has("example") ? media.get("example") : media.get("examples").elements().next().path("value");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }
}
