package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.CatalogBusyException;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.ForwardingCatalog;
import dev.musicmeta.testing.LogCapture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CoreRoutes} answers {@code /health} and the single track lookups ahead of Javalin: every
 * request it takes gets the answer Javalin gives (status, headers, body, access-log line), and
 * what it does not take reaches Javalin. Each request goes to two servers over the same catalog,
 * one with the core routes and one with every request through Javalin.
 */
class CoreRoutesApiTest {

    /** Differ between two answers by design: the time, and nothing else. */
    private static final List<String> VARYING = List.of("date");

    private static final Path DB = Fixtures.sampleMain();
    private static final String TRACK = (String) Db.value(DB, "SELECT id FROM tracks WHERE external_id_isrc IS NOT NULL"
            + " ORDER BY rowid LIMIT 1");
    private static final String ISRC = (String) Db.value(DB, "SELECT external_id_isrc FROM tracks WHERE id = ?", TRACK);
    private static final String UNKNOWN_TRACK = "0000000000000000000000";

    private static StackRecorder catalog;
    private static TestServer core;
    private static TestServer javalin;

    @BeforeAll
    static void start() {
        catalog = new StackRecorder(Fixtures.sample());
        core = TestServer.start(catalog);
        javalin = TestServer.start(catalog);
        javalin.server().coreRoutes(false);
    }

    @AfterAll
    static void stop() {
        core.close();
        javalin.close();
    }

    /** Method, path and request headers; each answered the same by both servers. */
    static List<Arguments> requests() {
        String album = (String) Db.value(DB, "SELECT a.id FROM albums a JOIN tracks t ON t.album_rowid = a.rowid"
                + " WHERE t.id = ?", TRACK);
        String artist = (String) Db.value(DB, "SELECT id FROM artists ORDER BY rowid LIMIT 1");
        String etag = Fixtures.sampleApi().get("/lookup/track/" + TRACK).header("ETag");
        String gzipTag = Fixtures.sampleApi().get("/lookup/track/" + TRACK, "Accept-Encoding", "gzip").header("ETag");
        return Stream.of(
                new String[] {"GET", "/health"},
                new String[] {"HEAD", "/health"},
                new String[] {"GET", "/health", "If-None-Match", "*"},
                new String[] {"GET", "/lookup/track/" + TRACK},
                new String[] {"HEAD", "/lookup/track/" + TRACK},
                new String[] {"GET", "/lookup/track/spotify:track:" + TRACK},
                new String[] {"GET", "/lookup/track/" + TRACK, "Accept-Encoding", "gzip"},
                new String[] {"HEAD", "/lookup/track/" + TRACK, "Accept-Encoding", "gzip"},
                new String[] {"GET", "/lookup/track/" + TRACK, "If-None-Match", etag},
                new String[] {"GET", "/lookup/track/" + TRACK, "If-None-Match", "\"other\", " + etag},
                new String[] {"GET", "/lookup/track/" + TRACK, "Accept-Encoding", "gzip", "If-None-Match", gzipTag},
                new String[] {"GET", "/lookup/track/" + TRACK, "If-None-Match", gzipTag},
                new String[] {"GET", "/lookup/track/" + UNKNOWN_TRACK},
                new String[] {"GET", "/lookup/track/not-an-id"},
                new String[] {"GET", "/lookup/track/spotify:album:" + TRACK},
                new String[] {"GET", "/lookup/track/" + TRACK + "?market=SE"},
                new String[] {"GET", "/lookup/track/" + TRACK + "/"},
                new String[] {"GET", "/lookup/isrc/" + ISRC},
                new String[] {"HEAD", "/lookup/isrc/" + ISRC},
                new String[] {"GET", "/lookup/isrc/" + ISRC.toLowerCase()},
                new String[] {"GET", "/lookup/isrc/ZZ0000000000"},
                new String[] {"GET", "/lookup/isrc/nope"},
                new String[] {"GET", "/lookup/isrc/" + ISRC + "/tracks"},
                new String[] {"GET", "/lookup/isrc/" + ISRC + "/tracks?limit=1"},
                new String[] {"GET", "/lookup/isrc/ZZ0000000000/tracks"},
                new String[] {"GET", "/lookup/artist/" + artist},
                new String[] {"HEAD", "/lookup/artist/" + artist},
                new String[] {"GET", "/lookup/artist/" + UNKNOWN_TRACK},
                new String[] {"GET", "/lookup/artist/spotify:track:" + TRACK},
                new String[] {"GET", "/lookup/album/" + album},
                new String[] {"GET", "/lookup/album/" + album + "/tracks"},
                new String[] {"GET", "/lookup/album/" + album + "/tracks", "Accept-Encoding", "gzip"},
                new String[] {"GET", "/lookup/album/" + album + "/tracks?shape=page&limit=2"},
                new String[] {"GET", "/lookup/album/" + UNKNOWN_TRACK + "/tracks"},
                new String[] {"GET", "/lookup/album/" + album + "/nothing"},
                new String[] {"GET", "/lookup/album/" + album + "%2Ftracks"},
                new String[] {"GET", "/lookup/album//tracks"},
                new String[] {"POST", "/lookup/track/" + TRACK},
                new String[] {"DELETE", "/health"})
                .map(r -> Arguments.of(r[0], r[1], Arrays.copyOfRange(r, 2, r.length)))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void answersAsJavalinDoes(String method, String path, String[] headers) {
        String[] all = withId(headers);

        ApiClient.Response viaCore = send(core, method, path, all);
        ApiClient.Response viaJavalin = send(javalin, method, path, all);

        assertSame(viaCore, viaJavalin);
    }

    @Test
    void healthIsTheBodyAndTagItAlwaysWas() {
        ApiClient.Response res = send(core, "GET", "/health", withId());

        assertThat(res.text()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(res.header("ETag")).isEqualTo("\"op7isVxJQxHFJSF2bkSvVg\""); // the first 128 bits of its SHA-256
        assertThat(res.header("Cache-Control")).isEqualTo("no-store");
        assertThat(res.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void writesTheAccessLogLineJavalinsPathWrites() throws InterruptedException {
        List<List<String>> lines = new ArrayList<>();
        for (TestServer server : List.of(core, javalin)) {
            try (LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
                send(server, "GET", "/lookup/track/" + TRACK, withId());
                send(server, "GET", "/lookup/isrc/nope", withId());
                long deadline = System.nanoTime() + 10_000_000_000L; // lines come once answers are sent
                while (log.messages().size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                // A line is written once its answer is sent, so the next request's may come first.
                lines.add(log.messages().stream().map(l -> l.replaceAll(" \\d+ ms ", " _ ms ")).sorted().toList());
            }
        }

        assertThat(lines.get(0)).hasSize(2).isEqualTo(lines.get(1));
        assertThat(lines.get(0).get(0)).startsWith("GET /lookup/isrc/nope 400 _ ms ");
        assertThat(lines.get(0).get(1)).startsWith("GET /lookup/track/" + TRACK + " 200 _ ms ");
    }

    @Test
    void answersItsRoutesWithoutJavalinAndLeavesTheRestToIt() {
        assertThat(javalinOnStack(core, "/lookup/track/" + TRACK)).isFalse();
        assertThat(javalinOnStack(core, "/lookup/isrc/" + ISRC)).isFalse();
        assertThat(javalinOnStack(javalin, "/lookup/track/" + TRACK)).isTrue();
        assertThat(javalinOnStack(core, "/lookup/track/" + TRACK + "?market=SE")).isTrue();
        assertThat(javalinOnStack(core, "/lookup/isrc/" + ISRC + "/tracks")).isFalse();
        assertThat(javalinOnStack(core, "/lookup/isrc/" + ISRC + "/tracks?limit=1")).isTrue();
    }

    @Test
    void aFailureInACoreRouteIsAnsweredAsJavalinAnswersIt() {
        Map<String, ApiClient.Response> answers = new LinkedHashMap<>();
        for (RuntimeException failure : List.of(new IllegalStateException("broken"),
                new CatalogBusyException("queue full", 3))) {
            Catalog failing = new ForwardingCatalog(Fixtures.sample()) {
                @Override
                public Map<String, Track> tracks(Collection<String> ids) {
                    throw failure;
                }
            };
            try (TestServer a = TestServer.start(failing); TestServer b = TestServer.start(failing)) {
                b.server().coreRoutes(false);
                ApiClient.Response viaCore = send(a, "GET", "/lookup/track/" + TRACK, withId());
                assertSame(viaCore, send(b, "GET", "/lookup/track/" + TRACK, withId()));
                answers.put(failure.getClass().getSimpleName(), viaCore);
            }
        }

        assertThat(answers.get("IllegalStateException").status()).isEqualTo(500);
        assertThat(answers.get("IllegalStateException").problemType()).isEqualTo("/problems/internal-error");
        assertThat(answers.get("CatalogBusyException").status()).isEqualTo(503);
        assertThat(answers.get("CatalogBusyException").header("Retry-After")).isEqualTo("3");
    }

    @Test
    void countsLookupsAgainstTheRateLimitAsJavalinDoes() {
        ServerConfig limited = TestServer.config().withRateLimit(1, 2);
        try (TestServer a = TestServer.start(catalog, limited); TestServer b = TestServer.start(catalog, limited)) {
            b.server().coreRoutes(false);
            List<ApiClient.Response> viaCore = untilLimited(a);
            List<ApiClient.Response> viaJavalin = untilLimited(b);
            ApiClient.Response health = send(a, "GET", "/health", withId());

            assertThat(viaCore.size()).isGreaterThanOrEqualTo(3); // a burst of 2, then the 429
            assertThat(viaCore.get(viaCore.size() - 1).status()).isEqualTo(429);
            assertSame(viaCore.get(viaCore.size() - 1), viaJavalin.get(viaJavalin.size() - 1));
            assertThat(health.status()).isEqualTo(200); // probes are never limited
        }
    }

    /** Lookups until one is refused (at most 20), every answer. */
    private static List<ApiClient.Response> untilLimited(TestServer server) {
        List<ApiClient.Response> answers = new ArrayList<>();
        do {
            answers.add(send(server, "GET", "/lookup/track/" + TRACK, withId()));
        } while (answers.get(answers.size() - 1).status() != 429 && answers.size() < 20);
        return answers;
    }

    private static String[] withId(String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = RequestIds.HEADER;
        all[headers.length + 1] = "core-routes-test";
        return all;
    }

    private static ApiClient.Response send(TestServer server, String method, String path, String... headers) {
        return server.client().send(method, path, java.net.http.HttpRequest.BodyPublishers.noBody(), headers);
    }

    private static void assertSame(ApiClient.Response a, ApiClient.Response b) {
        assertThat(a.status()).isEqualTo(b.status());
        assertThat(withoutVarying(a.headers())).isEqualTo(withoutVarying(b.headers()));
        assertThat(a.wireBody()).isEqualTo(b.wireBody());
    }

    private static Map<String, List<String>> withoutVarying(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new java.util.TreeMap<>(headers);
        VARYING.forEach(kept::remove);
        return kept;
    }

    /** Whether a Javalin frame was on the stack when the catalog answered {@code path}. */
    private static boolean javalinOnStack(TestServer server, String path) {
        catalog.stacks.clear();
        assertThat(send(server, "GET", path, withId()).status()).isEqualTo(200);
        assertThat(catalog.stacks).isNotEmpty();
        return catalog.stacks.stream().anyMatch(stack -> Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().startsWith("io.javalin.")));
    }

    /** The sample catalog, noting the stack of each lookup of tracks. */
    private static final class StackRecorder extends ForwardingCatalog {

        final List<StackTraceElement[]> stacks = new CopyOnWriteArrayList<>();

        StackRecorder(Catalog real) {
            super(real);
        }

        private <T> T recorded(Supplier<T> call) {
            stacks.add(new Throwable().getStackTrace());
            return call.get();
        }

        @Override
        public Map<String, Track> tracks(Collection<String> ids) {
            return recorded(() -> real.tracks(ids));
        }

        @Override
        public Map<String, Track> bestTrackByIsrc(Collection<String> isrcs) {
            return recorded(() -> real.bestTrackByIsrc(isrcs));
        }

        @Override
        public Map<String, List<Track>> tracksByIsrc(Collection<String> isrcs) {
            return recorded(() -> real.tracksByIsrc(isrcs));
        }

        @Override
        public dev.musicmeta.catalog.Page<Track> tracksByIsrc(String isrc, int offset, int limit) {
            return recorded(() -> real.tracksByIsrc(isrc, offset, limit));
        }
    }
}
