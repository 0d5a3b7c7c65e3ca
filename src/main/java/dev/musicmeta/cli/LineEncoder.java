package dev.musicmeta.cli;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Log lines for people, as {@link LogConfigurator#PATTERN} writes them
 * ({@code 2026-12-06T01:19:11.267Z INFO  [http-18] access - GET /health 200 ...}), written by hand:
 * Logback's pattern layout runs a chain of converters per line and formats the time each time;
 * this formats the time once per millisecond and copies the rest. A line with a stack trace goes
 * through the pattern layout, whose output it is.
 */
final class LineEncoder extends EncoderBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());
    private static final byte[] NO_BYTES = new byte[0];

    /** The time of the last line, formatted: under load many lines share a millisecond. */
    private record Stamp(long millis, String text) {}

    private final PatternLayoutEncoder withStackTrace = new PatternLayoutEncoder();
    private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

    @Override
    public void start() {
        withStackTrace.setContext(getContext());
        withStackTrace.setPattern(LogConfigurator.PATTERN);
        withStackTrace.start();
        super.start();
    }

    @Override
    public void stop() {
        withStackTrace.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return NO_BYTES;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (event.getThrowableProxy() != null) {
            return withStackTrace.encode(event);
        }
        String message = event.getFormattedMessage();
        String logger = event.getLoggerName();
        String level = event.getLevel().levelStr;
        StringBuilder line = new StringBuilder(64 + (message == null ? 4 : message.length()));
        line.append(stamp(event.getTimeStamp())).append(' ').append(level);
        for (int pad = level.length(); pad < 5; pad++) {
            line.append(' ');
        }
        line.append(" [").append(event.getThreadName()).append("] ")
                .append(logger, logger.lastIndexOf('.') + 1, logger.length())
                .append(" - ").append(message).append(System.lineSeparator());
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String stamp(long millis) {
        Stamp s = last;
        if (s.millis() != millis) {
            s = new Stamp(millis, TIME.format(Instant.ofEpochMilli(millis)));
            last = s;
        }
        return s.text();
    }

    @Override
    public byte[] footerBytes() {
        return NO_BYTES;
    }
}
