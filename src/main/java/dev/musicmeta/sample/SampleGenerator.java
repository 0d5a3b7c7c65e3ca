package dev.musicmeta.sample;

import java.nio.file.Path;

/** Writes a deterministic sample catalog of the real snapshot's schema. */
public final class SampleGenerator {

    /**
     * Writes main_database.sqlite3 and track_files.sqlite3 into {@code dir}.
     *
     * @param tracks   number of tracks
     * @param seed     same seed, same data
     * @param progress told of progress; may print to a terminal
     */
    public static void generate(Path dir, long tracks, long seed, Progress progress) {
        throw new UnsupportedOperationException("not built yet");
    }
}
