package dev.musicmeta.catalog;

/**
 * The catalog cannot answer right now. The HTTP layer answers 503; the message is for the log,
 * never for the client.
 *
 * <p>{@link CatalogBusyException} is the case where waiting helps (no free connection in time);
 * {@link #unreadable()} is the case where it does not until the files are good again (damaged,
 * truncated, rewritten while served, an I/O error).
 */
public class CatalogUnavailableException extends RuntimeException {

    private final boolean unreadable;

    /** Neither busy nor a file fault: the log says what. */
    public CatalogUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param unreadable whether a file cannot be read (see {@link #unreadable()}) */
    public CatalogUnavailableException(String message, Throwable cause, boolean unreadable) {
        super(message, cause);
        this.unreadable = unreadable;
    }

    /** Whether a file cannot be read: damaged or gone, not busy; retrying soon does not help. */
    public boolean unreadable() {
        return unreadable;
    }
}
