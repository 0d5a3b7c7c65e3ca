package dev.musicmeta.search;

/** The index cannot be built; the message is one line naming the file and the problem. */
public final class IndexBuildException extends Exception {

    public IndexBuildException(String message) {
        super(message);
    }

    public IndexBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
