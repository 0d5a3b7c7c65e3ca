package dev.musicmeta.catalog.sqlite;

/**
 * Whether the catalog's files can be read, as {@link SqliteCatalog#health()} last found.
 *
 * @param catalog          the main file: {@link State#OK} or {@link State#UNREADABLE}
 * @param catalogDetail    why it cannot be read, one line naming the file; null when it can
 * @param trackFiles       track_files: {@link State#OK}, {@link State#ABSENT} or {@link State#UNREADABLE}
 * @param trackFilesDetail why it cannot be read; null when it can or is absent
 */
public record FileHealth(State catalog, String catalogDetail, State trackFiles, String trackFilesDetail) {

    /** The state of one file. */
    public enum State { OK, ABSENT, UNREADABLE }

    /** Whether every file served can be read. */
    public boolean readable() {
        return catalog == State.OK && trackFiles != State.UNREADABLE;
    }
}
