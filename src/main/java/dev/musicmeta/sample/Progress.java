package dev.musicmeta.sample;

/** Receives progress of a long job. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> {};

    void update(long done, long total);
}
