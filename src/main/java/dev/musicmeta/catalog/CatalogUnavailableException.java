package dev.musicmeta.catalog;

/**
 * The catalog cannot answer right now. The HTTP layer answers 503; the message is for the log,
 * never for the client.
 *
 * <p>Two kinds: the catalog is busy (no free connection in time), which a retry shortly answers;
 * or a file cannot be read ({@link #unreadable()}: damaged, truncated, rewritten while served, an
 * I/O error), which no retry answers until the files are good again.
 */
public final class CatalogUnavailableException extends RuntimeException {

    private final boolean unreadable;

    /** The catalog is busy: a retry shortly may succeed. */
    public CatalogUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param unreadable whether a file cannot be read, rather than the catalog being busy */
    public CatalogUnavailableException(String message, Throwable cause, boolean unreadable) {
        super(message, cause);
        this.unreadable = unreadable;
    }

    /** Whether a file cannot be read: damaged or gone, not busy; retrying soon does not help. */
    public boolean unreadable() {
        return unreadable;
    }
}
