package dev.musicmeta.sample;

/**
 * Deterministic identifiers. A Spotify id is a 128-bit number written in 22 base62 digits; here
 * its high 64 bits are a bijection of the entity's index (so ids of one kind never collide and
 * no id set is kept) and its low 64 bits are a hash of them.
 */
final class Ids {

    static final long TRACK = 1;
    static final long ALBUM = 2;
    static final long ARTIST = 3;
    static final long IMAGE = 4;
    static final long PREVIEW = 5;

    private static final char[] BASE62 =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long[] salts = new long[6];

    Ids(long seed) {
        for (int kind = 1; kind < salts.length; kind++) {
            salts[kind] = Rng.key(seed, 0x1D5L, kind);
        }
    }

    /** The 22-character base62 id of entity {@code index} of {@code kind}. */
    String id(long kind, long index) {
        long hi = Rng.mix(index + salts[(int) kind]);
        long lo = Rng.mix(hi ^ 0x5DEECE66DL);
        return base62(hi, lo);
    }

    /** 40 lower-case hex digits, unique per (kind, index, n) in practice. */
    String hex40(long kind, long index, int n) {
        long a = Rng.mix(index * 31 + n + salts[(int) kind]);
        long b = Rng.mix(a + 0x632BE59BD9B4E019L);
        long c = Rng.mix(b + 0x8CB92BA72F3D8DD7L);
        char[] out = new char[40];
        hex(a, out, 0, 16);
        hex(b, out, 16, 16);
        hex(c, out, 32, 8);
        return new String(out);
    }

    /** {@code prefix} followed by hex digits up to 40 characters in all. */
    String hex40(String prefix, long kind, long index, int n) {
        String digits = hex40(kind, index, n);
        return prefix + digits.substring(prefix.length());
    }

    private static void hex(long value, char[] out, int at, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    /** 22 base62 digits of the unsigned 128-bit number hi:lo, most significant first. */
    static String base62(long hi, long lo) {
        // Four 32-bit limbs, divided by 62 in place 22 times: no BigInteger, no allocation but the result.
        long l3 = hi >>> 32;
        long l2 = hi & 0xFFFFFFFFL;
        long l1 = lo >>> 32;
        long l0 = lo & 0xFFFFFFFFL;
        char[] out = new char[22];
        for (int i = 21; i >= 0; i--) {
            long r = l3 % 62;
            l3 /= 62;
            long t = (r << 32) | l2;
            l2 = t / 62;
            r = t % 62;
            t = (r << 32) | l1;
            l1 = t / 62;
            r = t % 62;
            t = (r << 32) | l0;
            l0 = t / 62;
            r = t % 62;
            out[i] = BASE62[(int) r];
        }
        return new String(out);
    }
}
