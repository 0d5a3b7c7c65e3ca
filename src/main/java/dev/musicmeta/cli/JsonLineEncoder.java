package dev.musicmeta.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line in the Logstash layout, as {@link LogstashEncoder} writes it
 * ({@code @timestamp}, {@code @version}, {@code message}, {@code logger_name},
 * {@code thread_name}, {@code level}, {@code level_value}, then the event's key-value pairs as
 * top-level fields with their types), written with one streaming generator and no intermediate
 * objects: the Logstash encoder builds a provider chain's output per line, several times the
 * work for an access-log line. Events it does not cover (a stack trace, markers, MDC values) go
 * through the Logstash encoder, whose output this is.
 */
final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());
    private static final byte[] NO_BYTES = new byte[0];
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    private final LogstashEncoder other = new LogstashEncoder();

    @Override
    public void start() {
        other.setContext(getContext());
        other.start();
        super.start();
    }

    @Override
    public void stop() {
        other.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return NO_BYTES;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (event.getThrowableProxy() != null || event.getMarkerList() != null
                || !event.getMDCPropertyMap().isEmpty()) {
            return other.encode(event);
        }
        String message = event.getFormattedMessage();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (message == null ? 0 : message.length()));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("@timestamp", TIME.format(event.getInstant()));
            g.writeStringField("@version", "1");
            g.writeStringField("message", message);
            g.writeStringField("logger_name", event.getLoggerName());
            g.writeStringField("thread_name", event.getThreadName());
            g.writeStringField("level", event.getLevel().levelStr);
            g.writeNumberField("level_value", event.getLevel().toInt());
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    g.writeFieldName(pair.key);
                    value(g, pair.value);
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        out.writeBytes(NEWLINE);
        return out.toByteArray();
    }

    private static void value(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(value.toString());
        }
    }

    @Override
    public byte[] footerBytes() {
        return NO_BYTES;
    }
}
