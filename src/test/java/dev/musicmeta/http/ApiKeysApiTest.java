package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.server.RequestLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with --api-keys over real HTTP: data routes need a key in either header, the service
 * pages and preflights stay open, keyed requests are limited per key, and a changed keys file is
 * in force without a restart. Every answer is checked against openapi.yaml by the client.
 */
class ApiKeysApiTest {

    private static final String ALICE = "mma_alice000000000000000000000000000000000000A";
    private static final String RATIONED = "mma_rationed0000000000000000000000000000000000";
    private static final String FREE = "mma_free00000000000000000000000000000000000000";
    private static final String LATECOMER = "mma_late00000000000000000000000000000000000000";
    private static final String TRACK = "/lookup/track/0000000000000000000000";

    @TempDir
    static Path dir;

    static Path keysFile;
    static TestServer server;
    static ApiClient api;
    /**
     * The key name each request carried to Jetty's request log, in order ("-" for none), after
     * the request's {@link #MARK} header: Jetty logs a request just after its answer has gone out,
     * so a line of an earlier test's request may still come in.
     */
    static final List<String> logged = new CopyOnWriteArrayList<>();
    static final String MARK = "X-Test-Mark";

    @BeforeAll
    static void start() throws Exception {
        keysFile = Files.writeString(dir.resolve("keys.txt"), String.join("\n",
                "# name  digest  [rate] [burst]",
                "alice " + ApiKeys.sha256Hex(ALICE),
                "rationed " + ApiKeys.sha256Hex(RATIONED) + " 1 2",
                "free " + ApiKeys.sha256Hex(FREE) + " 0", ""));
        ApiKeys keys = ApiKeys.load(keysFile, Duration.ZERO, System::nanoTime); // reread on every change at once
        // no limit per address (the server's figures are 0): only a line's own figures limit its key
        server = TestServer.start(Fixtures.sample(), TestServer.config(), keys);
        RequestLog log = server.server().jetty().getRequestLog();
        server.server().jetty().setRequestLog((request, response) -> {
            Object name = request.getAttribute(ApiKeys.REQUEST_ATTRIBUTE);
            logged.add(request.getHeaders().get(MARK) + " " + (name == null ? "-" : name.toString()));
            log.log(request, response);
        });
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String bearer(String key) {
        return "Bearer " + key;
    }

    @Test
    void aDataRouteWithoutAKeyIs401WithAChallengeAndAProblemDocument() {
        ApiClient.Response missing = api.get("/search/track?q=ab");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"music-metadata-api\"");
        assertThat(missing.problemType()).isEqualTo("/problems/unauthorized");
        assertThat(missing.json().path("detail").asText()).contains("Authorization: Bearer <key>", "X-Api-Key");
        assertThat(missing.header("Cache-Control")).isEqualTo("no-store");
        assertThat(missing.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(missing.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
    }

    @Test
    void aWrongKeyIs401WithInvalidTokenAndTheKeyIsNotEchoed() {
        ApiClient.Response wrong = api.get(TRACK, "Authorization", bearer("mma_guess"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"music-metadata-api\", error=\"invalid_token\"");
        assertThat(wrong.text()).doesNotContain("mma_guess");
        assertThat(api.get(TRACK, "X-Api-Key", "mma_guess").status()).isEqualTo(401);
        ApiClient.Response basic = api.get(TRACK, "Authorization", "Basic YWxpY2U6c2VjcmV0");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().path("detail").asText()).contains("Bearer scheme");
    }

    @Test
    void aValidKeyInEitherHeaderOpensEveryDataRoute() {
        for (String[] header : List.of(new String[] {"Authorization", bearer(ALICE)},
                new String[] {"authorization", "bearer " + ALICE}, new String[] {"X-Api-Key", ALICE})) {
            assertThat(api.get(TRACK, header).status()).as(header[0]).isEqualTo(404); // admitted; no such track
        }
        assertThat(api.get("/search/artist?q=ab", "Authorization", bearer(FREE)).status()).isEqualTo(200);
        assertThat(api.postJson("/batch/lookup", "{\"isrcs\": [\"USRC17607839\"]}", "X-Api-Key", FREE).status())
                .isEqualTo(200);
        ApiClient.Response keyed = api.get("/search/album?q=ab", "X-Api-Key", FREE);
        assertThat(keyed.status()).isEqualTo(200);
        // a shared cache must not hand a keyed answer to a client without a key
        assertThat(keyed.header("Cache-Control")).isEqualTo("private, max-age=86400");
    }

    @Test
    void theServicePagesPreflightsAndUnknownPathsNeedNoKey() {
        for (String path : List.of("/health", "/health/", "/docs", "/", "/openapi.yaml", "/docs/docs.js",
                "/problems/unauthorized", "/problems/unauthorized/")) {
            ApiClient.Response open = api.get(path);
            assertThat(open.status()).as(path).isIn(200, 308);
            assertThat(open.header("WWW-Authenticate")).as(path).isNull();
        }
        assertThat(api.get("/openapi.yaml").header("Cache-Control")).isEqualTo("public, max-age=86400");
    }

    @Test
    void preflightsAreOpenAndLetPagesSendTheKeyHeaders() {
        ApiClient.Response preflight = api.send("OPTIONS", TRACK, HttpRequest.BodyPublishers.noBody(),
                "Origin", "https://tagger.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");

        assertThat(preflight.status()).isEqualTo(204);
        // the * wildcard never covers Authorization: it must be named
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization", "X-Api-Key");
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerAsWithoutKeys() {
        ApiClient.Response unknown = api.get("/lookup/nothing-here", "X-Api-Key", FREE);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/lookup/nothing-here").status()).isEqualTo(404);
        ApiClient.Response method = api.send("DELETE", TRACK, HttpRequest.BodyPublishers.noBody(), "X-Api-Key", FREE);
        assertThat(method.status()).isEqualTo(405);
        ApiClient.Response noKey = api.send("DELETE", TRACK, HttpRequest.BodyPublishers.noBody());
        assertThat(noKey.status()).isEqualTo(405);
        assertThat(noKey.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    /**
     * Sends {@code request} until it is refused with a 429 (within 20 tries: buckets refill one
     * token a second, which a loaded machine may take per request) and returns the refusal; the
     * first {@code burst} must all have been admitted.
     */
    private static ApiClient.Response untilLimited(int burst, Supplier<ApiClient.Response> request) {
        for (int i = 0; i < 20; i++) {
            ApiClient.Response response = request.get();
            if (response.status() == 429) {
                assertThat(i).as("requests admitted before the first 429").isGreaterThanOrEqualTo(burst);
                return response;
            }
        }
        throw new AssertionError("no 429 in 20 requests");
    }

    @Test
    void aKeyedRequestIsLimitedByItsKeysFiguresNotByItsAddress() {
        ApiClient.Response limited = untilLimited(2, () -> api.get(TRACK, "X-Api-Key", RATIONED));
        assertThat(limited.json().path("detail").asText()).contains("more than 1 requests a second (bursts of 2)"
                + " with this API key");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isGreaterThanOrEqualTo(1);

        // the same address with another key, and a key whose line says 0, are not held back
        for (int i = 0; i < 10; i++) {
            assertThat(api.get(TRACK, "X-Api-Key", FREE).status()).isEqualTo(404);
        }
    }

    @Test
    void aKeyWithoutFiguresTakesTheServersWhichItsAddressDoesNotShare() throws Exception {
        // the server's figures: 3 at once, then one a second, per address and per key alike
        try (TestServer limited = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 3),
                ApiKeys.load(keysFile))) {
            ApiClient client = limited.client();
            ApiClient.Response over = untilLimited(3, () -> client.get(TRACK, "X-Api-Key", ALICE));
            assertThat(over.json().path("detail").asText()).contains("with this API key");
            // alice's requests did not spend the address's bucket: the open pages still answer
            for (int i = 0; i < 3; i++) {
                assertThat(client.get("/openapi.yaml").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void requestsWithoutAValidKeyCountAgainstTheirAddressSoGuessingKeysIsSlow() throws Exception {
        try (TestServer limited = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 3),
                ApiKeys.load(keysFile))) {
            ApiClient client = limited.client();
            AtomicInteger guess = new AtomicInteger();
            ApiClient.Response held = untilLimited(3, () -> {
                ApiClient.Response response = client.get(TRACK, "X-Api-Key", "mma_guess" + guess.incrementAndGet());
                assertThat(response.status()).isIn(401, 429);
                return response;
            });
            assertThat(held.json().path("detail").asText()).contains("from one client");
            // a valid key from that same address has a bucket of its own
            assertThat(client.get(TRACK, "X-Api-Key", ALICE).status()).isEqualTo(404);
        }
    }

    @Test
    void theKeysNameReachesTheRequestLogForTheAccessLog() throws InterruptedException {
        String mark = "mark-" + System.nanoTime();
        api.get(TRACK, "X-Api-Key", FREE, MARK, mark);
        api.get("/health", MARK, mark);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (marked(mark).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5); // Jetty logs a request just after its answer has gone out
        }

        assertThat(marked(mark)).containsExactly(mark + " free", mark + " -");
    }

    private static List<String> marked(String mark) {
        return logged.stream().filter(line -> line.startsWith(mark + " ")).toList();
    }

    @Test
    void aKeyAddedToTheFileIsAcceptedWithoutARestart() throws Exception {
        assertThat(api.get(TRACK, "X-Api-Key", FREE).status()).isEqualTo(404);
        String before = Files.readString(keysFile);
        FileTime time = Files.getLastModifiedTime(keysFile);
        Files.writeString(keysFile, before + "latecomer " + ApiKeys.sha256Hex(LATECOMER) + " 0\n");
        Files.setLastModifiedTime(keysFile, FileTime.fromMillis(time.toMillis() + 5_000));

        assertThat(api.get(TRACK, "X-Api-Key", LATECOMER).status()).isEqualTo(404);
        assertThat(api.get(TRACK, "X-Api-Key", FREE).status()).as("the others still hold").isEqualTo(404);
    }
}
