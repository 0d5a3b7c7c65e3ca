package dev.musicmeta.catalog.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the catalog lives: the main file, and the optional track_files file ({@code null} when
 * absent). {@link #resolve} looks for track_files.sqlite3 beside the main file.
 */
public record CatalogFiles(Path main, Path trackFiles) {

    public static final String MAIN_FILE = "main_database.sqlite3";
    public static final String TRACK_FILES_FILE = "track_files.sqlite3";

    public CatalogFiles {
        Objects.requireNonNull(main, "main");
    }

    /**
     * The JDBC URL that opens {@code file} read-only, as the catalog does: an SQLite URI
     * ({@code mode=ro}, plus {@code immutable=1} when the file cannot change while open) with the
     * path percent-encoded. For other readers of the files (the search index builder): a plain
     * path would let sqlite-jdbc create a missing file and SQLite write a journal beside it.
     */
    public static String readOnlyJdbcUrl(Path file, boolean immutable) {
        return "jdbc:sqlite:" + readOnlyUri(file, immutable);
    }

    static String readOnlyUri(Path file, boolean immutable) {
        return file.toAbsolutePath().toUri() + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
    }

    /**
     * The files to serve: {@code trackFiles} when given, else track_files.sqlite3 beside {@code main}
     * if it exists. Paths are made absolute; a directory given as {@code main} stands for the
     * main_database.sqlite3 inside it. Nothing is checked here beyond existence of the sibling:
     * {@link SqliteCatalog#open} reports what is wrong with either file.
     */
    public static CatalogFiles resolve(Path main, Path trackFiles) {
        Objects.requireNonNull(main, "main");
        Path mainFile = main.toAbsolutePath().normalize();
        if (Files.isDirectory(mainFile)) {
            mainFile = mainFile.resolve(MAIN_FILE);
        }
        if (trackFiles != null) {
            return new CatalogFiles(mainFile, trackFiles.toAbsolutePath().normalize());
        }
        Path sibling = mainFile.resolveSibling(TRACK_FILES_FILE);
        return new CatalogFiles(mainFile, Files.isRegularFile(sibling) && !sibling.equals(mainFile) ? sibling : null);
    }
}
