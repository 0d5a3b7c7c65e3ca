package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/token}, the client-credentials flow of Spotify's accounts service, as the SDKs
 * run it: credentials as HTTP Basic or as form fields; RFC 6749's answer and errors.
 */
class SpotifyTokenApiTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final ApiClient api = Fixtures.sampleApi();

    private ApiClient.Response post(String body, String... headers) {
        return api.send("POST", "/api/token", HttpRequest.BodyPublishers.ofString(body), headers);
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theClientCredentialsFlowAnswersABearerTokenThatV1Accepts() {
        ApiClient.Response res = post("grant_type=client_credentials", "Content-Type", FORM,
                "Authorization", basic("my-client", "my-secret"));

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Cache-Control")).isEqualTo("no-store");
        assertThat(res.header("Pragma")).isEqualTo("no-cache");
        JsonNode token = res.json();
        assertThat(SpotifyApiTest.fieldNames(token)).containsExactly("access_token", "token_type", "expires_in");
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(token.get("access_token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(api.get("/v1/search?q=love&type=artist", "Authorization",
                "Bearer " + token.get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void credentialsMayComeAsFormFieldsOrNotAtAllWhileKeysAreOffAndEachTokenIsNew() {
        ApiClient.Response form = post("grant_type=client_credentials&client_id=a&client_secret=b",
                "Content-Type", FORM + "; charset=UTF-8");
        ApiClient.Response none = post("grant_type=client_credentials", "Content-Type", FORM);

        assertThat(form.status()).isEqualTo(200);
        assertThat(none.status()).isEqualTo(200);
        assertThat(form.json().get("access_token")).isNotEqualTo(none.json().get("access_token"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "grant_type=authorization_code&code=x | | unsupported_grant_type | client_credentials",
        "grant_type=refresh_token             | | unsupported_grant_type | client_credentials",
        "client_id=a                          | | invalid_request        | grant_type is required",
        "grant_type=client_credentials&grant_type=client_credentials | | invalid_request | given 2 times",
        "grant_type=client_credentials&client_id=a | Basic YTpi | invalid_request | not both",
        "grant_type=client_credentials        | Bearer abc | invalid_request | Basic base64",
        "grant_type=client_credentials        | Basic !!!  | invalid_request | Basic base64",
        "grant_type=client_credentials        | Basic YWJj | invalid_request | Basic base64",
        "grant_type=%zz                       | | invalid_request        | percent-encoded"})
    void aRefusedRequestIsRfc6749sErrorObject(String body, String authorization, String error, String says) {
        ApiClient.Response res = authorization == null ? post(body, "Content-Type", FORM)
                : post(body, "Content-Type", FORM, "Authorization", authorization);

        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().get("error").asText()).isEqualTo(error);
        assertThat(res.json().get("error_description").asText()).contains(says);
    }

    @Test
    void aBodyThatIsNotAFormIsRefusedAndOnlyPostIsAnswered() {
        ApiClient.Response json = post("{\"grant_type\":\"client_credentials\"}", "Content-Type", "application/json");
        ApiClient.Response get = api.get("/api/token");
        ApiClient.Response tooLarge = post("grant_type=client_credentials&pad=" + "x".repeat(9000),
                "Content-Type", FORM);

        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("error_description").asText()).contains(FORM);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(get.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void overTheRateLimitTheTokenEndpointSaysSlowDown() {
        try (TestServer limited = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 1))) {
            ApiClient client = limited.client();
            client.send("POST", "/api/token", HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"),
                    "Content-Type", FORM);
            ApiClient.Response second = client.send("POST", "/api/token",
                    HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"), "Content-Type", FORM);

            assertThat(second.status()).isEqualTo(429);
            assertThat(second.json().get("error").asText()).isEqualTo("slow_down");
            assertThat(second.header("Retry-After")).isNotNull();
        }
    }
}
