package dev.musicmeta.catalog.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The checks a file must pass before SQLite opens it, each failure one line naming the file. */
final class FileChecks {

    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private FileChecks() {}

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
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER.length);
        } catch (IOException e) {
            throw new CatalogFileException(file + ": cannot be read: " + oneLine(e.getMessage()));
        }
        if (head.length == 0) {
            throw new CatalogFileException(file + ": not an SQLite database (the file is empty)");
        }
        if (!Arrays.equals(head, HEADER)) {
            throw new CatalogFileException(file
                    + ": not an SQLite database (it does not start with the SQLite header)");
        }
    }

    /** A message squeezed onto one line. */
    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
