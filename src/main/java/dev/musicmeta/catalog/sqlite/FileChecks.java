package dev.musicmeta.catalog.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checks a file must pass before SQLite opens it, each failure one line naming the file. */
final class FileChecks {

    private FileChecks() {}

    /**
     * Fails when {@code file} is missing, a directory, unreadable, not an SQLite file, or shorter
     * than its header says.
     */
    static void check(Path file) throws CatalogFileException {
        if (!Files.exists(file)) {
            throw new CatalogFileException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new CatalogFileException(file + ": is a directory, not an SQLite file");
        }
        if (!Files.isReadable(file)) {
            throw new CatalogFileException(file + ": not readable (permission denied)");
        }
        SqliteHeader.read(file);
    }

    /** A message squeezed onto one line. */
    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
