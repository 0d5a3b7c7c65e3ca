package dev.musicmeta.catalog;

/**
 * Receives progress of a long job: generating a sample catalog, building the search index.
 * Implementations must be safe to call from any thread.
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> {};

    /** {@code done} units of {@code total} are finished; {@code total} is 0 when unknown. */
    void update(long done, long total);

    /** The job moved on to a step that reports no counts, such as "building indexes". */
    default void step(String description) {}
}
