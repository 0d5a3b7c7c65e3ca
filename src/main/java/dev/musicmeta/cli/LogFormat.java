package dev.musicmeta.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import org.slf4j.LoggerFactory;

/**
 * The log line format: {@code text} (LogConfigurator's pattern, for people) or {@code json} (one JSON
 * object per line, Logback's own JsonEncoder, for log shippers; the access log's fields are in
 * its {@code kvpList}).
 */
enum LogFormat {
    // Lower case: picocli matches enum values as written, and these are what users type.
    text,
    json;

    /** Switches the root appender to this format; text is what LogConfigurator already set up. */
    void apply() {
        if (this == text || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
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
