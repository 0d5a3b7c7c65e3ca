package dev.musicmeta.catalog.sqlite;

import java.nio.file.Path;

/**
 * Where the catalog lives: the main file, and the optional track_files file ({@code null} when
 * absent). {@link #resolve} looks for track_files.sqlite3 beside the main file.
 */
public record CatalogFiles(Path main, Path trackFiles) {

    public static final String MAIN_FILE = "main_database.sqlite3";
    public static final String TRACK_FILES_FILE = "track_files.sqlite3";

    /** The files to serve: {@code trackFiles} when given, else track_files.sqlite3 beside {@code main} if it exists. */
    public static CatalogFiles resolve(Path main, Path trackFiles) {
        throw new UnsupportedOperationException("not built yet");
    }
}
