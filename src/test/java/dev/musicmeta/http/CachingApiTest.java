package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.testing.Db;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ETag, conditional requests, Cache-Control and gzip. */
class CachingApiTest {

    private static TestServer server;
    private static ApiClient api;
    private static String trackPath;
    private static String bigPath;

    @BeforeAll
    static void start() {
        server = TestServer.start(Fixtures.sample(), TestServer.config().withCacheMaxAge(Duration.ofSeconds(123)));
        api = server.client();
        trackPath = "/lookup/track/" + Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
        bigPath = "/lookup/album/" + Db.value(Fixtures.sampleMain(), "SELECT al.id FROM albums al"
                + " WHERE (SELECT count(*) FROM tracks t WHERE t.album_rowid = al.rowid) >= 3 ORDER BY al.rowid LIMIT 1")
                + "/tracks";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a200HasAStrongTagOfItsBodyAndTheConfiguredMaxAge() {
        ApiClient.Response first = api.get(trackPath);
        ApiClient.Response again = api.get(trackPath);

        assertThat(first.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"").isEqualTo(again.header("ETag"));
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=123");
        assertThat(ETags.of(first.body(), first.body().length)).isEqualTo(first.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "W/%s", "\"other\", %s", "W/\"x\",W/%s ", "*"})
    void aMatchingIfNoneMatchIsNotModified(String header) {
        ApiClient.Response full = api.get(trackPath);
        ApiClient.Response res = api.get(trackPath, "If-None-Match", header.formatted(full.header("ETag")));

        assertThat(res.status()).isEqualTo(304);
        assertThat(res.body()).isEmpty();
        assertThat(res.header("ETag")).isEqualTo(full.header("ETag"));
        assertThat(res.header("Cache-Control")).isEqualTo(full.header("Cache-Control"));
        assertThat(res.header("Content-Length")).isEqualTo(Integer.toString(full.body().length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"other\"", "\"abc\", W/\"def\"", "garbage", ""})
    void aTagThatDoesNotMatchGetsTheBody(String header) {
        ApiClient.Response res = api.get(trackPath, "If-None-Match", header);

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).isNotEmpty();
    }

    @Test
    void bodiesOverOneKibAreGzippedForClientsThatAcceptItUnderTheirOwnTag() {
        ApiClient.Response plain = api.get(bigPath);
        ApiClient.Response gzip = api.get(bigPath, "Accept-Encoding", "br, gzip;q=0.8");
        ApiClient.Response refused = api.get(bigPath, "Accept-Encoding", "gzip;q=0, identity");
        ApiClient.Response notModified = api.get(bigPath, "Accept-Encoding", "gzip", "If-None-Match", gzip.header("ETag"));
        ApiClient.Response crossed = api.get(bigPath, "If-None-Match", gzip.header("ETag"));

        assertThat(plain.body().length).isGreaterThan(Gzip.MIN_SIZE);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzip.wireBody().length).isLessThan(plain.body().length);
        assertThat(gzip.body()).isEqualTo(plain.body());
        assertThat(gzip.header("ETag")).isEqualTo(plain.header("ETag").replaceAll("\"$", "--gzip\""));
        assertThat(refused.header("Content-Encoding")).isNull();
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("Content-Length")).isEqualTo(Integer.toString(gzip.wireBody().length));
        assertThat(crossed.status()).isEqualTo(200);
    }

    @Test
    void smallBodiesAreSentAsTheyAre() {
        ApiClient.Response res = api.get("/health", "Accept-Encoding", "gzip");

        assertThat(res.header("Content-Encoding")).isNull();
        assertThat(res.header("Vary")).isNull();
    }

    @Test
    void errorsHealthAndTheBatchAreNotCachedPublicly() {
        assertThat(api.get("/lookup/track/0000000000000000000000").header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.get("/health").header("Cache-Control")).isEqualTo("no-store");
        ApiClient.Response batch = api.postJson("/batch/lookup", "{\"tracks\":[\"" + trackPath.substring(14) + "\"]}");
        assertThat(batch.header("Cache-Control")).isNull();
        assertThat(batch.header("ETag")).isNotNull();
    }

    @Test
    void aPostWhoseTagMatchesFailsItsPrecondition() {
        String body = "{\"tracks\":[\"" + trackPath.substring(14) + "\"]}";
        ApiClient.Response batch = api.postJson("/batch/lookup", body);
        ApiClient.Response again = api.postJson("/batch/lookup", body, "If-None-Match", batch.header("ETag"));

        assertThat(again.status()).isEqualTo(412);
        assertThat(again.problemType()).isEqualTo("/problems/precondition-failed");
    }

    @Test
    void docsAreTaggedAndRevalidateToo() {
        ApiClient.Response doc = api.get("/openapi.yaml", "Accept-Encoding", "gzip");
        ApiClient.Response again = api.get("/openapi.yaml", "Accept-Encoding", "gzip", "If-None-Match", doc.header("ETag"));

        assertThat(doc.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(doc.header("Cache-Control")).isEqualTo("public, max-age=123");
        assertThat(again.status()).isEqualTo(304);
    }
}
