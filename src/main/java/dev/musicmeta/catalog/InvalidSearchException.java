package dev.musicmeta.catalog;

/**
 * A search query the searcher cannot run as written: a filter whose value does not parse, or a
 * filter where no search index is there to apply it. The message says what is accepted; the HTTP
 * layer answers 400 with it.
 */
public final class InvalidSearchException extends RuntimeException {

    public InvalidSearchException(String message) {
        super(message, null, false, false);
    }
}
