package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.musicmeta.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.KeyValuePair;

/**
 * The access log: one line per request on its own logger ({@code access}), with the request id,
 * the traceparent's trace id, the query (bounded), the user agent and an API key's name; which
 * requests it writes is chosen (all, errors, off), and probes are left out unless asked for.
 */
class AccessLogTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static ServerConfig config(AccessLogMode mode, boolean probes) {
        return TestServer.config().withAccessLogFields(true).withAccessLog(mode, probes);
    }

    @Test
    void aLineCarriesTheRequestIdTraceIdQueryAndUserAgent() {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(AccessLogMode.ALL, false));
                LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
            server.client().get("/search/artist?q=ab&limit=2", "X-Request-Id", "req-1", "traceparent", TRACEPARENT,
                    "User-Agent", "tagger/1.0 (\"quoted\")");

            ILoggingEvent line = only(log);
            Map<String, Object> fields = fields(line);
            assertThat(line.getLoggerName()).isEqualTo("access");
            assertThat(line.getFormattedMessage()).startsWith("GET /search/artist?q=ab&limit=2 200 ")
                    .contains(" 127.0.0.1 id=req-1 trace=4bf92f3577b34da6a3ce929d0e0e4736 \"tagger/1.0 ('quoted')\"");
            assertThat(fields).containsEntry("method", "GET").containsEntry("path", "/search/artist")
                    .containsEntry("query", "q=ab&limit=2").containsEntry("status", 200)
                    .containsEntry("request_id", "req-1").containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
                    .containsEntry("user_agent", "tagger/1.0 ('quoted')").containsEntry("client", "127.0.0.1")
                    .doesNotContainKey("api_key");
        }
    }

    @Test
    void aMalformedTraceparentIsLeftOutAndALongQueryIsCut() {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(AccessLogMode.ALL, false));
                LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
            server.client().get("/search/track?q=" + "a".repeat(2_000), "traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

            Map<String, Object> fields = fields(only(log));
            assertThat(fields).doesNotContainKey("trace_id");
            assertThat((String) fields.get("query")).hasSize(513).endsWith("…");
        }
    }

    @Test
    void requestsJettyRefusesAreLoggedWithTheirId() {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(AccessLogMode.ALL, false));
                LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
            ApiClient.Response res = server.client().raw("GET /health HTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            Map<String, Object> fields = fields(only(log));
            assertThat(fields).containsEntry("status", 400).containsEntry("request_id", res.header("X-Request-Id"));
        }
    }

    @Test
    void probesAreLeftOutUnlessAskedFor() {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(AccessLogMode.ALL, false));
                LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
            server.client().get("/health");
            server.client().get("/ready/");
            server.client().get("/metrics");
            server.client().get("/openapi.yaml");

            assertThat(only(log).getFormattedMessage()).startsWith("GET /openapi.yaml 200");
        }
        try (TestServer server = TestServer.start(Fixtures.sample(), config(AccessLogMode.ALL, true));
                LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
            server.client().get("/health");
            server.client().get("/ready");

            assertThat(await(log, 2)).hasSize(2);
        }
    }

    @Test
    void errorsModeWritesOnly4xxAnd5xxAndOffWritesNothing() throws InterruptedException {
        try (TestServer server = TestServer.start(Fixtures.sample(), config(AccessLogMode.ERRORS, false));
                LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
            server.client().get("/openapi.yaml");
            server.client().get("/nope");
            server.client().get("/lookup/track/x");

            assertThat(await(log, 2)).hasSize(2).extracting(ILoggingEvent::getFormattedMessage)
                    .allMatch(m -> m.contains(" 404 ") || m.contains(" 400 "));
        }
        try (TestServer server = TestServer.start(Fixtures.sample(), config(AccessLogMode.OFF, false));
                LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
            server.client().get("/openapi.yaml");
            server.client().get("/nope");
            Thread.sleep(300); // lines come once answers are sent

            assertThat(log.events()).isEmpty();
        }
    }

    /** With API keys on, the line names the key a request was made with (never the key itself). */
    @Test
    void theApiKeysNameIsLogged(@TempDir Path dir) throws Exception {
        String key = "mma_acme000000000000000000000000000000000000000";
        Path file = Files.writeString(dir.resolve("keys.txt"), "acme " + ApiKeys.sha256Hex(key) + "\n");
        ApiKeys keys = ApiKeys.load(file, Duration.ZERO, System::nanoTime);
        try (TestServer server = TestServer.start(Fixtures.sample(), config(AccessLogMode.ALL, false), keys);
                LogCapture log = LogCapture.of(AccessLog.LOGGER, Level.INFO)) {
            server.client().get("/lookup/track/0000000000000000000000", "Authorization", "Bearer " + key);

            ILoggingEvent line = only(log);
            assertThat(line.getFormattedMessage()).contains(" key=acme").doesNotContain(key);
            assertThat(fields(line)).containsEntry("api_key", "acme");
        }
    }

    /**
     * The access log writes a line once the answer is sent, so possibly after the client has it:
     * waits until {@code n} lines are there (or 10 s passed), then a little more for any extra.
     */
    private static List<ILoggingEvent> await(LogCapture log, int n) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            while (log.events().size() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return log.events();
    }

    private static ILoggingEvent only(LogCapture log) {
        List<ILoggingEvent> events = await(log, 1);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static Map<String, Object> fields(ILoggingEvent event) {
        Map<String, Object> out = new HashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                out.put(kv.key, kv.value);
            }
        }
        return out;
    }
}
