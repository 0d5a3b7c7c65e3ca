package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** The one line {@code generate} prints about the catalog it wrote: rows, file sizes, time. */
final class CatalogSummary {

    private CatalogSummary() {}

    /**
     * Reads the row counts back from the main file in {@code dir} (read-only); when that fails,
     * states the tracks asked for instead.
     */
    static String of(Path dir, long tracks, long seed, double seconds) {
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        Path trackFiles = dir.resolve(CatalogFiles.TRACK_FILES_FILE);
        return String.format(Locale.ROOT, "wrote %s: %s (seed %d); %s %s, %s %s; %.1f s", dir, counts(main, tracks),
                seed, main.getFileName(), size(main), trackFiles.getFileName(), size(trackFiles), seconds);
    }

    private static String counts(Path main, long tracks) {
        // max(rowid) rather than count(*): instant however large the file, and exact for a generated one.
        try (Connection connection = DriverManager.getConnection(CatalogFiles.readOnlyJdbcUrl(main, true));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT max(rowid) FROM tracks),"
                        + " (SELECT max(rowid) FROM albums), (SELECT max(rowid) FROM artists)")) {
            return String.format(Locale.ROOT, "%,d tracks, %,d albums, %,d artists", rows.getLong(1), rows.getLong(2),
                    rows.getLong(3));
        } catch (SQLException e) {
            return String.format(Locale.ROOT, "%,d tracks", tracks);
        }
    }

    private static String size(Path file) {
        try {
            return String.format(Locale.ROOT, "%.1f MiB", Files.size(file) / (1024.0 * 1024.0));
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
