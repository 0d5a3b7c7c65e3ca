package dev.musicmeta.cli;

import ch.qos.logback.classic.Level;
import java.util.Locale;

/**
 * {@code MMA_LOG_LEVEL}: the level of the service's own loggers, checked like every option. It is
 * read when logging starts, before the command line is parsed, so a bad value is refused by
 * {@link Main} before any command runs.
 */
final class LogLevel {

    static final String ENV = "MMA_LOG_LEVEL";

    private LogLevel() {}

    /** The level named (any case), null for null or empty, and null for anything else. */
    static Level parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "INFO" -> Level.INFO;
            case "WARN" -> Level.WARN;
            case "ERROR" -> Level.ERROR;
            case "OFF" -> Level.OFF;
            default -> null;
        };
    }

    /** What is wrong with the variable's value, or null when it is unset or a level. */
    static String problem(String value) {
        if (value == null || value.isBlank() || parse(value) != null) {
            return null;
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return ENV + "='" + shown + "' is not a log level: use trace, debug, info, warn, error or off (any case)";
    }
}
