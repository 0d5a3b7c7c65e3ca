package dev.musicmeta.sample;

/**
 * Bounded memory of recent recordings, from which later albums reuse recordings (and so share
 * ISRCs): an album takes the songs of its artist's earlier single, a compilation gathers recent
 * songs and evergreen hits. Fixed-size rings keep memory flat at any catalog size.
 */
final class RecordingPool {

    private static final int RECENT = 4096;
    private static final int HITS = 64;
    private static final int SINGLES = 1024;

    private final Recording[] recent = new Recording[RECENT];
    private final Recording[] hits = new Recording[HITS];
    private final Single[] singles = new Single[SINGLES];
    private long recentCount;
    private long singleCount;
    private int hitCount;

    /** A single waiting for its album: its own artists, lead recordings and release date. */
    record Single(long[] artists, Recording[] recordings, int year, int month, int day) {}

    void remember(Rng rng, Recording recording) {
        recent[(int) (recentCount++ % RECENT)] = recording;
        if (hitCount < HITS) {
            hits[hitCount++] = recording;
        } else if (recording.popularity() >= 55) {
            hits[rng.nextInt(HITS)] = recording;
        }
    }

    void rememberSingle(Single single) {
        singles[(int) (singleCount++ % SINGLES)] = single;
    }

    /** Takes out a random recent single, or null if none is waiting. */
    Single takeSingle(Rng rng) {
        int filled = (int) Math.min(singleCount, SINGLES);
        if (filled == 0) {
            return null;
        }
        int slot = rng.nextInt(filled);
        Single single = singles[slot];
        singles[slot] = null;
        return single;
    }

    /** A recent recording, the most popular of a few drawn, so compilations favour hits; null if none. */
    Recording recentRecording(Rng rng) {
        int filled = (int) Math.min(recentCount, RECENT);
        if (filled == 0) {
            return null;
        }
        Recording best = null;
        for (int i = 0; i < 3; i++) {
            Recording candidate = recent[rng.nextInt(filled)];
            if (best == null || candidate.popularity() > best.popularity()) {
                best = candidate;
            }
        }
        return best;
    }

    /** One of the evergreen hits, which end up on many compilations; null if none. */
    Recording hit(Rng rng) {
        return hitCount == 0 ? null : hits[rng.nextInt(hitCount)];
    }
}
