package dev.musicmeta.catalog;

/**
 * Every connection to the catalog is busy and the queue of requests waiting for one is full (or
 * did not move within its deadline): the same request is likely to succeed after
 * {@link #retryAfterSeconds()}, an estimate of how long the requests ahead of it take.
 */
public final class CatalogBusyException extends CatalogUnavailableException {

    private final long retryAfterSeconds;

    public CatalogBusyException(String message, long retryAfterSeconds) {
        super(message, null);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
