package dev.musicmeta.http;

import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) for response bodies, with one reused {@link Deflater} per thread instead of a
 * new native deflater per response as {@code GZIPOutputStream} would allocate. A deflater holds
 * about 256 KiB of native memory; it is freed with its thread when Jetty's pool retires it.
 */
final class Gzip {

    /** Bodies up to this size go out as they are: compressing them gains too little. */
    static final int MIN_SIZE = 1024;

    /**
     * zlib's fastest level (nginx's default too). On generated-catalog answers (ResponseBenchmark,
     * JSON then gzip): one track 1786 B -> 778 B in 29 us, where the default level 6 gives 754 B in
     * 33 us; 20 tracks 35 KB -> 9.0 KB in 312 us, where level 6 gives 7.6 KB in 541 us.
     */
    static final int LEVEL = Deflater.BEST_SPEED;

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));

    private Gzip() {}

    /** Whether a body of {@code length} bytes is worth compressing at all. */
    static boolean worthCompressing(int length) {
        return length > MIN_SIZE;
    }

    /**
     * Whether the Accept-Encoding header value accepts gzip: listed (or {@code *}) with a
     * non-zero q-value (RFC 9110 section 12.5.3).
     */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean star = null;
        for (String part : acceptEncoding.split(",")) {
            String[] params = part.split(";");
            String coding = params[0].strip().toLowerCase(Locale.ROOT);
            boolean allowed = qualityAboveZero(params);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return allowed;
            }
            if (coding.equals("*")) {
                star = allowed;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    private static boolean qualityAboveZero(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).strip()) > 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Compresses {@code length} bytes of {@code in} into {@code out} (emptied first). */
    static void compress(byte[] in, int length, ResponseBuffer out) {
        compress(in, length, out, DEFLATER.get());
    }

    /** As {@link #compress(byte[], int, ResponseBuffer)}, with a given raw ({@code nowrap}) deflater. */
    static void compress(byte[] in, int length, ResponseBuffer out, Deflater deflater) {
        deflater.reset();
        deflater.setInput(in, 0, length);
        deflater.finish();
        out.size(0);
        out.write(HEADER, 0, HEADER.length);
        out.ensure(HEADER.length + length / 2 + 64);
        while (!deflater.finished()) {
            if (out.size() == out.array().length) {
                out.ensure(out.array().length * 2);
            }
            int n = deflater.deflate(out.array(), out.size(), out.array().length - out.size());
            out.size(out.size() + n);
        }
        CRC32 crc = new CRC32();
        crc.update(in, 0, length);
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, length);
    }

    private static void writeIntLe(ResponseBuffer out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 24) & 0xff);
    }
}
