package dev.musicmeta.sample;

/**
 * A small, fast, re-seedable random source (SplitMix64). Re-seeding from (seed, stream, index)
 * lets every artist, album or image be a pure function of its index, which is what keeps the
 * generator's memory flat and its output identical from run to run.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A fresh source for one entity of one kind; equal arguments give equal sequences. */
    static Rng of(long seed, long stream, long index) {
        return new Rng(key(seed, stream, index));
    }

    /** Re-seeds in place, for hot loops that must not allocate. */
    Rng reset(long seed, long stream, long index) {
        state = key(seed, stream, index);
        return this;
    }

    static long key(long seed, long stream, long index) {
        return mix(mix(seed ^ stream * GOLDEN) + index * 0xD1B54A32D192ED03L);
    }

    /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, bound); bound > 0. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [from, to], both inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** Uniform in [0, bound); bound > 0. */
    long nextLong(long bound) {
        return Math.floorMod(nextLong(), bound);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    double gaussian() {
        // Box-Muller; one of the pair is enough here.
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }
}
