package dev.musicmeta.catalog;

/** A search ran past its time budget. The HTTP layer answers 504. */
public final class SearchTimeoutException extends RuntimeException {

    public SearchTimeoutException(String message) {
        super(message, null, false, false);
    }
}
