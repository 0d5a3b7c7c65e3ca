package dev.musicmeta.catalog.sqlite;

import java.sql.SQLException;

/** Which SQLite errors mean that a file cannot be read, as opposed to a busy or interrupted catalog. */
final class SqliteErrors {

    private static final int SQLITE_ERROR = 1;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_SCHEMA = 17;
    private static final int SQLITE_FORMAT = 24;
    private static final int SQLITE_NOTADB = 26;

    private SqliteErrors() {}

    /**
     * Whether {@code failure}, or a cause of it, is an SQLite error about the file itself: damaged
     * (CORRUPT, NOTADB, FORMAT), unreadable (IOERR: a short read of a truncated file too), gone
     * (CANTOPEN) or changed under the connection (SCHEMA, or a table or column the start-up check
     * found that is missing now: the file was replaced by something else).
     */
    static boolean isFileFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e) {
                switch (e.getErrorCode() & 0xff) { // the primary code of an extended one
                    case SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_SCHEMA, SQLITE_FORMAT, SQLITE_NOTADB -> {
                        return true;
                    }
                    case SQLITE_ERROR -> {
                        String message = String.valueOf(e.getMessage());
                        if (message.contains("no such table") || message.contains("no such column")) {
                            return true;
                        }
                    }
                    default -> { }
                }
            }
        }
        return false;
    }
}
