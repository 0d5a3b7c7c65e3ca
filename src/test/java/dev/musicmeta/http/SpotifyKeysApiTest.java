package dev.musicmeta.http;

import dev.musicmeta.testing.Db;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.RequestLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;
import se.michaelthelin.spotify.model_objects.specification.Track;

/**
 * {@code /v1} with API keys on ({@code --api-keys}): a key is a bearer token, {@code /api/token}
 * issues a token for a key sent as the client secret (as Spotify's SDKs send it), and such a token
 * is limited and logged as its key. Every answer is checked against openapi.yaml by the client.
 */
class SpotifyKeysApiTest {

    private static final String ALICE = "mma_alice000000000000000000000000000000000000A";
    private static final String RATIONED = "mma_rationed0000000000000000000000000000000000";
    private static final String LEAVING = "mma_leaving000000000000000000000000000000000000";
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    static Path dir;

    static Path keysFile;
    static TestServer server;
    static ApiClient api;
    static String trackId;
    /** The key name each request carried to Jetty's request log, in order ("-" for none). */
    static final List<String> logged = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        keysFile = Files.writeString(dir.resolve("keys.txt"), keysLines(true));
        ApiKeys keys = ApiKeys.load(keysFile, Duration.ZERO, System::nanoTime); // reread on every change at once
        server = TestServer.start(Fixtures.sample(), TestServer.config(), keys);
        RequestLog log = server.server().jetty().getRequestLog();
        server.server().jetty().setRequestLog((request, response) -> {
            Object name = request.getAttribute(ApiKeys.REQUEST_ATTRIBUTE);
            logged.add(name == null ? "-" : name.toString());
            log.log(request, response);
        });
        api = server.client();
        trackId = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
    }

    private static String keysLines(boolean withLeaving) {
        return String.join("\n", "alice " + ApiKeys.sha256Hex(ALICE),
                "rationed " + ApiKeys.sha256Hex(RATIONED) + " 1 1",
                withLeaving ? "leaving " + ApiKeys.sha256Hex(LEAVING) : "", "");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient.Response token(String clientSecret) {
        String basic = Base64.getEncoder()
                .encodeToString(("my-client:" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "/api/token", HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"),
                "Content-Type", FORM, "Authorization", "Basic " + basic);
    }

    private static ApiClient.Response track(String bearer) {
        return api.get("/v1/tracks/" + trackId, "Authorization", "Bearer " + bearer);
    }

    @Test
    void aKeyIsABearerTokenAndAnythingElseIsRefusedInSpotifysShape() {
        ApiClient.Response none = api.get("/v1/tracks/" + trackId);
        ApiClient.Response wrong = track("whatever");
        ApiClient.Response key = track(ALICE);

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").get("status").asInt()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"music-metadata-api\", error=\"invalid_token\"");
        assertThat(SpotifyApiTest.message(wrong)).startsWith("Invalid access token");
        assertThat(key.status()).isEqualTo(200);
    }

    @Test
    void theTokenEndpointIssuesATokenForAKeySentAsTheClientSecret() throws InterruptedException {
        logged.clear();
        ApiClient.Response issued = token(ALICE);
        String token = issued.json().get("access_token").asText();
        awaitLogged(1); // the token request's own line, so that it is not taken for the next one's

        logged.clear();
        ApiClient.Response withToken = track(token);
        awaitLogged(1);

        assertThat(issued.status()).isEqualTo(200);
        assertThat(token).startsWith("mma1.").doesNotContain(ALICE);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(logged).as("the access log names the token's key").containsExactly("alice");
    }

    /** Jetty logs a request just after its answer has gone out. */
    private static void awaitLogged(int lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (logged.size() < lines && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void otherCredentialsGetNoTokenAndATokenOpensNoNativeRoute() {
        ApiClient.Response wrong = token("mma_not_a_key");
        ApiClient.Response none = api.send("POST", "/api/token",
                HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"), "Content-Type", FORM);
        String aliceToken = token(ALICE).json().get("access_token").asText();

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Basic realm=\"music-metadata-api\"");
        assertThat(none.status()).isEqualTo(401);
        assertThat(api.get("/lookup/track/" + trackId, "Authorization", "Bearer " + aliceToken).status())
                .as("a /v1 token is no API key").isEqualTo(401);
    }

    @Test
    void aTokenIsLimitedAsItsKeyIs() {
        String token = token(RATIONED).json().get("access_token").asText(); // a Basic request: not the key's

        ApiClient.Response first = track(token);
        ApiClient.Response second = track(token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
        assertThat(SpotifyApiTest.message(second)).contains("with this API key");
        assertThat(second.header("Retry-After")).isNotNull();
    }

    @Test
    void aRemovedKeyTakesItsTokensWithIt() throws Exception {
        String token = token(LEAVING).json().get("access_token").asText();
        assertThat(track(token).status()).isEqualTo(200);

        Files.writeString(keysFile, keysLines(false));
        Files.setLastModifiedTime(keysFile, FileTime.fromMillis(System.currentTimeMillis() + 5000)); // seen as changed

        assertThat(track(token).status()).isEqualTo(401);
        assertThat(track(LEAVING).status()).isEqualTo(401);
        assertThat(track(ALICE).status()).isEqualTo(200);
    }

    @Test
    void spotifysSdkSignsInWithAKeyAsItsClientSecret() throws Exception {
        URI base = api.base();
        SpotifyApi sdk = new SpotifyApi.Builder()
                .setScheme("http").setHost(base.getHost()).setPort(base.getPort())
                .setClientId("my-client-id").setClientSecret(ALICE)
                .setHttpManager(new SpotifySdkTest.LocalAccounts(base)).build();
        SpotifyApi wrongSecret = new SpotifyApi.Builder()
                .setScheme("http").setHost(base.getHost()).setPort(base.getPort())
                .setClientId("my-client-id").setClientSecret("mma_not_a_key")
                .setHttpManager(new SpotifySdkTest.LocalAccounts(base)).build();

        sdk.setAccessToken(sdk.clientCredentials().build().execute().getAccessToken());
        Track track = sdk.getTrack(trackId).build().execute();

        assertThat(track.getId()).isEqualTo(trackId);
        assertThatThrownBy(() -> wrongSecret.clientCredentials().build().execute())
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("client credentials are not accepted");
    }
}
