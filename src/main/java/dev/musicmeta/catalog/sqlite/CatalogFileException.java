package dev.musicmeta.catalog.sqlite;

/**
 * A catalog file cannot be served: missing, unreadable, not SQLite, or missing a table or column.
 * The message is one line that names the file and what is wrong with it.
 */
public final class CatalogFileException extends Exception {

    public CatalogFileException(String message) {
        super(message);
    }
}
