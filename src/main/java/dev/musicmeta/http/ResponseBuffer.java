package dev.musicmeta.http;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that a response body is serialized into before it is sent, so the
 * server knows its length and its hash (the ETag) before the first byte goes out.
 *
 * <p>One buffer per thread is reused ({@link #acquire}); a buffer that grew past
 * {@link #RETAINED_CAPACITY} for one large answer is dropped afterwards, so idle threads hold
 * little memory.
 */
final class ResponseBuffer extends OutputStream {

    static final int RETAINED_CAPACITY = 256 * 1024;

    private static final ThreadLocal<ResponseBuffer> BODY = ThreadLocal.withInitial(() -> new ResponseBuffer(8192));
    private static final ThreadLocal<ResponseBuffer> GZIP = ThreadLocal.withInitial(() -> new ResponseBuffer(8192));

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
            return new ResponseBuffer(8192);
        }
        if (buffer.bytes.length > RETAINED_CAPACITY) {
            buffer = new ResponseBuffer(8192);
            local.set(buffer);
        }
        buffer.size = 0;
        buffer.inUse = true;
        return buffer;
    }

    /** Hands the buffer back to its thread; its content must not be used afterwards. */
    void release() {
        inUse = false;
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
