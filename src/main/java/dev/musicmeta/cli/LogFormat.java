package dev.musicmeta.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * The log line format: {@code text} (LogConfigurator's pattern, for people) or {@code json} (one JSON
 * object per line in the Logstash layout that log shippers and stores read without parsing rules:
 * {@code @timestamp}, {@code level}, {@code logger_name}, {@code message}, and the access log's
 * fields at the top level with their types, e.g. {@code "status":200}).
 */
enum LogFormat {
    // Lower case: what users type and what the help shows; any case is accepted (Main).
    text,
    json;

    /** The encoder of this format's lines, not started. */
    Encoder<ILoggingEvent> encoder() {
        return this == text ? new LineEncoder() : new JsonLineEncoder();
    }

    /** Switches the root appender to this format; text is what LogConfigurator already set up. */
    void apply() {
        if (this == text || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Encoder<ILoggingEvent> encoder = encoder();
        encoder.setContext(context);
        encoder.start();
        StderrAppender appender = new StderrAppender();
        appender.setContext(context);
        appender.setName("STDERR_JSON");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }
}
