package dev.musicmeta.cli;

import dev.musicmeta.http.AccessLogMode;

/** The values of {@code serve --access-log}. */
enum AccessLogOption {
    // Lower case: picocli matches enum values as written, and these are what users type.
    all,
    errors,
    off;

    AccessLogMode mode() {
        return switch (this) {
            case all -> AccessLogMode.ALL;
            case errors -> AccessLogMode.ERRORS;
            case off -> AccessLogMode.OFF;
        };
    }
}
