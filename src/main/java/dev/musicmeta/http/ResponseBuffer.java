package dev.musicmeta.http;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that a response body is serialized into before it is sent, so the
 * server knows its length and its hash (the ETag) before the first byte goes out.
 *
 * <p>One buffer per thread is reused ({@link #acquire}); a buffer that grew past
 * {@link #RETAINED_CAPACITY} for one large answer drops its array when it is released, so idle
 * threads hold little memory. (Dropping it only at the thread's next answer left every request
 * thread that had once sent a batch of 400 holding a 1 MiB array: 47 MiB of a 192 MiB heap
 * under 32 connections of batches, see bench/RESULTS.md.)
 */
final class ResponseBuffer extends OutputStream {

    static final int RETAINED_CAPACITY = 256 * 1024;
    private static final int INITIAL_CAPACITY = 8192;

    private static final ThreadLocal<ResponseBuffer> BODY = ThreadLocal.withInitial(() -> new ResponseBuffer(INITIAL_CAPACITY));
    private static final ThreadLocal<ResponseBuffer> GZIP = ThreadLocal.withInitial(() -> new ResponseBuffer(INITIAL_CAPACITY));

    private byte[] bytes;
    private int size;
    private boolean inUse;

    ResponseBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** This thread's body buffer, empty; a fresh one if it is already in use. */
    static ResponseBuffer acquire() {
        return take(BODY);
    }

    /** This thread's buffer for the compressed copy of a body. */
    static ResponseBuffer acquireForGzip() {
        return take(GZIP);
    }

    private static ResponseBuffer take(ThreadLocal<ResponseBuffer> local) {
        ResponseBuffer buffer = local.get();
        if (buffer.inUse) {
            return new ResponseBuffer(INITIAL_CAPACITY);
        }
        buffer.size = 0;
        buffer.inUse = true;
        return buffer;
    }

    /**
     * Hands the buffer back to its thread; its content must not be used afterwards. An array grown
     * past {@link #RETAINED_CAPACITY} is let go here, not kept until the thread's next answer.
     */
    void release() {
        inUse = false;
        size = 0;
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
    }

    /** How many bytes it holds room for. */
    int capacity() {
        return bytes.length;
    }

    @Override
    public void write(int b) {
        ensure(size + 1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(size + len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }

    /** The backing array; valid from 0 to {@link #size()}. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void size(int newSize) {
        size = newSize;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
