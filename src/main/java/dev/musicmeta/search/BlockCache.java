package dev.musicmeta.search;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The index's most used blocks of {@link #BLOCK} bytes, shared by every input of every file of an
 * open index, bounded by bytes whatever the catalog's size. At 10 M tracks a search made about 530
 * {@code pread} calls, a quarter of the server's CPU: every clone of an input (each terms or
 * postings enum) starts with an empty buffer, and the same few blocks are read again and again (the
 * terms index near its root, the blocks of common terms, the first postings and values of the
 * documents ranked first). A read served from here is a copy in place of a system call.
 *
 * <p>A file truncated or rewritten while served must still fail as an {@link IOException}: every
 * read checks its file's size at most once a {@link #CHECK_NANOS second}, and a size other than the
 * one it was opened with fails the read, served from here or not. A search that fails empties the
 * cache ({@link #clear}), so that the searches after it read the files as they are.
 */
final class BlockCache {

    /** Block size, aligned in the file: the read buffer's size, so a refill spans at most two. */
    static final int BLOCK = 4096;

    /** How often a file's size is checked. */
    static final long CHECK_NANOS = 1_000_000_000L;

    /** A read of more than this many blocks bypasses the cache: it is not a block walked again. */
    private static final int MAX_BLOCKS_PER_READ = 4;

    /** Blocks per set: a block can be in one of this many places, the least recently used goes. */
    private static final int WAYS = 4;

    /** Bits of a key for the block's index in its file (2^40 blocks of 4 KiB), the rest for the file. */
    private static final int BLOCK_BITS = 40;

    /**
     * A cached block. The key and bytes are final, so a thread that sees the entry sees them whole;
     * {@code used} is written without synchronisation, and a lost update only makes a worse choice
     * of the block to let go.
     */
    private static final class Entry {
        final long key;
        final byte[] bytes;
        long used;

        Entry(long key, byte[] bytes, long used) {
            this.key = key;
            this.bytes = bytes;
            this.used = used;
        }
    }

    /**
     * Sets of {@link #WAYS} entries, a set chosen by a hash of the key: a lookup reads at most four
     * slots, without a lock (a general cache's bookkeeping cost more than the system calls it saved).
     */
    private final Entry[] slots;
    private final int sets;
    private final AtomicInteger files = new AtomicInteger();
    /** A logical clock for least-recently-used; increments may be lost between threads (harmless). */
    private long clock;

    /** A cache of at most {@code bytes} of blocks (rounded down to whole sets); 0 caches nothing. */
    BlockCache(long bytes) {
        this.sets = (int) Math.min(1 << 20, bytes / BLOCK / WAYS);
        this.slots = new Entry[sets * WAYS];
    }

    private byte[] get(long key) {
        if (sets == 0) {
            return null;
        }
        int base = set(key);
        for (int i = base; i < base + WAYS; i++) {
            Entry e = slots[i];
            if (e != null && e.key == key) {
                e.used = ++clock;
                return e.bytes;
            }
        }
        return null;
    }

    private void put(long key, byte[] bytes) {
        if (sets == 0) {
            return;
        }
        int base = set(key);
        int victim = base;
        long oldest = Long.MAX_VALUE;
        for (int i = base; i < base + WAYS; i++) {
            Entry e = slots[i];
            if (e == null || e.key == key) {
                victim = i;
                break;
            }
            if (e.used < oldest) {
                oldest = e.used;
                victim = i;
            }
        }
        slots[victim] = new Entry(key, bytes, ++clock);
    }

    private int set(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) ((h >>> 32) % sets) * WAYS;
    }

    /** A file opened for reading through this cache: {@code length} is its size now. */
    CachedFile open(FileChannel channel, String description) throws IOException {
        return new CachedFile(files.incrementAndGet(), channel, channel.size(), description);
    }

    /** Forgets every block. */
    void clear() {
        Arrays.fill(slots, null);
    }

    /** The bytes of the blocks held now. */
    long bytesCached() {
        long bytes = 0;
        for (Entry e : slots) {
            bytes += e == null ? 0 : e.bytes.length;
        }
        return bytes;
    }

    /** One open file: its channel, and the size it had when opened. */
    final class CachedFile {

        private final int id;
        private final FileChannel channel;
        private final long length;
        private final String description;
        private volatile long checked;

        private CachedFile(int id, FileChannel channel, long length, String description) {
            this.id = id;
            this.channel = channel;
            this.length = length;
            this.description = description;
            this.checked = System.nanoTime();
        }

        long length() {
            return length;
        }

        FileChannel channel() {
            return channel;
        }

        /** Fills {@code b} from {@code position} of the file, from the cache where it holds the blocks. */
        void read(long position, ByteBuffer b) throws IOException {
            checkSize();
            int n = b.remaining();
            if (position < 0 || position + n > length) {
                throw new EOFException("read past EOF: " + description);
            }
            if (n == 0) {
                return;
            }
            long first = position / BLOCK;
            long last = (position + n - 1) / BLOCK;
            if (last - first >= MAX_BLOCKS_PER_READ) {
                readFully(position, b);
                return;
            }
            long end = position + n;
            for (long k = first; k <= last; ) {
                byte[] block = get(key(k));
                if (block != null) {
                    copy(block, k, position, end, b);
                    k++;
                    continue;
                }
                // Blocks k to m are missing: one read for them all.
                long m = k;
                byte[] next = null;
                while (m < last && (next = get(key(m + 1))) == null) {
                    m++;
                }
                long from = k * BLOCK;
                byte[] run = new byte[(int) Math.min((m + 1 - k) * BLOCK, length - from)];
                readFully(from, ByteBuffer.wrap(run));
                for (long j = k; j <= m; j++) {
                    int at = (int) ((j - k) * BLOCK);
                    block = k == m ? run : Arrays.copyOfRange(run, at, Math.min(at + BLOCK, run.length));
                    put(key(j), block);
                    copy(block, j, position, end, b);
                }
                k = m + 1;
                if (next != null) {
                    copy(next, k, position, end, b);
                    k++;
                }
            }
        }

        private long key(long block) {
            return (long) id << BLOCK_BITS | block;
        }

        private void readFully(long at, ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                int read = channel.read(b, at);
                if (read < 0) {
                    throw new EOFException("read past EOF (the file shrank): " + description);
                }
                at += read;
            }
        }

        /** At most once a second: fails when the file is no longer the size it was opened with. */
        private void checkSize() throws IOException {
            long now = System.nanoTime();
            if (now - checked < CHECK_NANOS) {
                return;
            }
            long size = channel.size();
            if (size != length) {
                throw new IOException("the file changed size while served (" + length + " bytes, now " + size + "): "
                        + description);
            }
            checked = now;
        }
    }

    /** Copies block {@code k}'s part of the bytes from {@code position} to {@code end} into {@code b}. */
    private static void copy(byte[] block, long k, long position, long end, ByteBuffer b) {
        long blockStart = k * BLOCK;
        int from = (int) Math.max(0, position - blockStart);
        int to = (int) Math.min(block.length, end - blockStart);
        b.put(block, from, to - from);
    }
}
