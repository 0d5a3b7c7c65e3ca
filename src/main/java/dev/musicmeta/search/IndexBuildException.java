package dev.musicmeta.search;

/**
 * The index cannot be built; the message is one line naming the file and the problem. Either the
 * catalog cannot be read ({@link #isCatalogProblem()}), or the index cannot be written.
 */
public final class IndexBuildException extends Exception {

    private final boolean catalogProblem;

    private IndexBuildException(String message, boolean catalogProblem, Throwable cause) {
        super(message, cause);
        this.catalogProblem = catalogProblem;
    }

    /** The catalog file is missing, unreadable or lacks a table or column. */
    static IndexBuildException catalog(String message) {
        return new IndexBuildException(message, true, null);
    }

    /** Writing the index failed (disk full, permissions, a worker's error). */
    static IndexBuildException output(String message, Throwable cause) {
        return new IndexBuildException(message, false, cause);
    }

    /** Whether the catalog file is at fault (the command exits 2) rather than writing (exit 1). */
    public boolean isCatalogProblem() {
        return catalogProblem;
    }
}
