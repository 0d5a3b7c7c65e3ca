package dev.musicmeta.catalog;

/**
 * The catalog cannot answer right now (no free connection in time, I/O error). The HTTP layer
 * answers 503; the message is for the log, never for the client. {@link CatalogBusyException} is the
 * case where waiting helps.
 */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
