package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * The service's hand-written encoders write, byte for byte, what Logback's pattern layout
 * (text) and the Logstash encoder (json) write for the same event: the log format does not
 * change with the speed-up.
 */
class LineEncodersTest {

    private final LoggerContext context = new LoggerContext();

    private static final List<String> MESSAGES = List.of(
            "GET /lookup/track/4uLU6hMCjMI75M1A2tKUQC 200 0 ms 1892 B 127.0.0.1 id=34b3 \"curl/8.5.0\"",
            "serving /data/main_database.sqlite3 on http://0.0.0.0:8080",
            "Beyoncé – 七里香 \"quoted\" back\\slash tab\tand\u0001control",
            "");

    @Test
    void textLinesAreThePatternLayoutsLines() {
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setPattern(LogConfigurator.PATTERN);
        Encoder<ILoggingEvent> reference = started(pattern);
        Encoder<ILoggingEvent> line = started(new LineEncoder());
        for (String logger : List.of("access", "dev.musicmeta.cli.ServeCommand", "org.eclipse.jetty.server.Server")) {
            for (Level level : List.of(Level.INFO, Level.WARN, Level.ERROR, Level.DEBUG)) {
                for (String message : MESSAGES) {
                    ILoggingEvent event = event(logger, level, message, null, null);

                    assertThat(text(line.encode(event))).isEqualTo(text(reference.encode(event)));
                }
            }
        }
    }

    @Test
    void aLineWithAStackTraceIsThePatternLayoutsToo() {
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setPattern(LogConfigurator.PATTERN);
        Encoder<ILoggingEvent> reference = started(pattern);
        ILoggingEvent event = event("dev.musicmeta.cli.ServeCommand", Level.ERROR, "failed",
                new IllegalStateException("boom"), null);

        String line = text(started(new LineEncoder()).encode(event));

        assertThat(line).isEqualTo(text(reference.encode(event))).contains("IllegalStateException: boom");
    }

    @Test
    void jsonLinesAreTheLogstashEncodersLines() {
        Encoder<ILoggingEvent> reference = started(new LogstashEncoder());
        Encoder<ILoggingEvent> json = started(new JsonLineEncoder());
        List<KeyValuePair> access = List.of(new KeyValuePair("method", "GET"),
                new KeyValuePair("path", "/lookup/track/4uLU6hMCjMI75M1A2tKUQC"), new KeyValuePair("status", 200),
                new KeyValuePair("duration_ms", 12L), new KeyValuePair("bytes", 1892L),
                new KeyValuePair("client", "203.0.113.7"), new KeyValuePair("request_id", "34b3"),
                new KeyValuePair("user_agent", "Beyoncé \"x\"\u0001"));
        for (List<KeyValuePair> pairs : List.of(access, List.<KeyValuePair>of())) {
            for (String message : MESSAGES) {
                ILoggingEvent event = event("access", Level.INFO, message, null, pairs.isEmpty() ? null : pairs);

                assertThat(text(json.encode(event))).isEqualTo(text(reference.encode(event)));
            }
        }
        ILoggingEvent failure = event("dev.musicmeta.cli.ServeCommand", Level.ERROR, "failed",
                new IllegalStateException("boom"), null);
        assertThat(text(json.encode(failure))).isEqualTo(text(reference.encode(failure))).contains("stack_trace");
    }

    private Encoder<ILoggingEvent> started(Encoder<ILoggingEvent> encoder) {
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private ILoggingEvent event(String loggerName, Level level, String message, Throwable thrown,
                                List<KeyValuePair> pairs) {
        Logger logger = context.getLogger(loggerName);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, null);
        event.setThreadName("http-18");
        event.setMDCPropertyMap(Map.of());
        if (pairs != null) {
            event.setKeyValuePairs(pairs);
        }
        return event;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
