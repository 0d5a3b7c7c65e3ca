package dev.musicmeta.http;

import dev.musicmeta.testing.Db;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.ForwardingCatalog;
import dev.musicmeta.testing.LogCapture;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fault of the server while answering, {@link Error}s included (a file damaged under a memory
 * map surfaces as {@link InternalError}), is a 500 problem document like any other answer: CORS,
 * {@code no-store}, a request id, nothing about the fault. The log gets the stack trace the first
 * time and one line per request after, not a trace per request.
 */
class HandlerErrorTest {

    /** The sample catalog, whose track lookups fail with an Error and artist lookups with an exception. */
    private static final class Faulty extends ForwardingCatalog {
        Faulty() {
            super(Fixtures.sample());
        }

        @Override
        public Map<String, Track> tracks(Collection<String> ids) {
            throw new InternalError("a fault occurred in an unsafe memory access operation");
        }

        @Override
        public Map<String, Artist> artists(Collection<String> ids) {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void anErrorIsA500ProblemDocumentAndItsStackTraceIsLoggedOnce() {
        String id = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM tracks ORDER BY rowid LIMIT 1");
        try (TestServer server = TestServer.start(new Faulty());
                LogCapture log = LogCapture.of("dev.musicmeta.http", Level.WARN)) {
            for (int i = 0; i < 4; i++) {
                ApiClient.Response res = server.client().get("/lookup/track/" + id, "X-Request-Id", "req-" + i);

                assertThat(res.status()).isEqualTo(500);
                assertThat(res.problemType()).isEqualTo("/problems/internal-error");
                assertThat(res.header("Cache-Control")).isEqualTo("no-store");
                assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo("*");
                assertThat(res.header("X-Request-Id")).isEqualTo("req-" + i);
                assertThat(res.text()).doesNotContain("InternalError").doesNotContain("unsafe");
            }
            ApiClient.Response batch = server.client().postJson("/batch/lookup", "{\"tracks\":[\"" + id + "\"]}");
            assertThat(batch.status()).isEqualTo(500);
            assertThat(batch.problemType()).isEqualTo("/problems/internal-error");

            List<ILoggingEvent> errors = log.events().stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertThat(errors).hasSize(5);
            assertThat(errors.get(0).getThrowableProxy()).as("the first time, the stack trace").isNotNull();
            assertThat(errors.subList(1, 5)).as("then one line each").allMatch(e -> e.getThrowableProxy() == null);
            assertThat(errors.get(1).getFormattedMessage()).contains("GET /lookup/track/" + id).contains("req-1")
                    .contains("java.lang.InternalError: a fault occurred");
        }
    }

    @Test
    void anExceptionIsLoggedTheSameWay() {
        String id = (String) Db.value(Fixtures.sampleMain(), "SELECT id FROM artists ORDER BY rowid LIMIT 1");
        try (TestServer server = TestServer.start(new Faulty());
                LogCapture log = LogCapture.of("dev.musicmeta.http", Level.WARN)) {
            for (int i = 0; i < 3; i++) {
                ApiClient.Response res = server.client().get("/lookup/artist/" + id);

                assertThat(res.status()).isEqualTo(500);
                assertThat(res.problemType()).isEqualTo("/problems/internal-error");
            }

            List<ILoggingEvent> errors = log.events().stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertThat(errors).hasSize(3);
            assertThat(errors.get(0).getThrowableProxy()).isNotNull();
            assertThat(errors.subList(1, 3)).allMatch(e -> e.getThrowableProxy() == null);
        }
    }
}
