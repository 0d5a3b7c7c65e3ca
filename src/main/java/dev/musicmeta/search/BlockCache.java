package dev.musicmeta.search;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The index's most read blocks of {@link #BLOCK} bytes, shared by every input of every file of an
 * open index, in one array allocated when the index opens: its size is fixed whatever the
 * catalog's, and a miss allocates nothing. At 10 M tracks a search made about 530 {@code pread}
 * calls, most of them blocks read again by a new clone of an input (the terms index near its
 * root, the blocks of common terms, the first postings of the documents ranked first). A block
 * kept here is a copy instead of a system call. (A cache that allocated a block per miss cost more
 * than it saved in the service's 96 MiB heap: bench/RESULTS.md.)
 *
 * <p>The array is cut into sets of {@link #WAYS} slots; a block can only be in the set its key
 * hashes to. Reads take no lock: each slot has a stamp, odd while the slot is written, and a
 * reader copies the slot and then checks that its stamp did not move (as {@link
 * java.util.concurrent.locks.StampedLock}'s optimistic reads do); a slot being written, or written
 * while it was copied, is a miss. A writer that finds the slot taken by another writer skips it:
 * a block not kept is only a later miss.
 *
 * <p>A file that changes size while served still fails the search: each search begins a new
 * {@link #newSearch generation}, and the first read of a file in a generation checks its size.
 * A search that fails empties the cache ({@link #clear}), so that the searches after it read the
 * files as they are.
 */
final class BlockCache {

    /** Block size, aligned in the file: at least an input's read buffer, so a refill spans at most two. */
    static final int BLOCK = 4096;

    /** Blocks per set: a block can be in one of this many slots. */
    static final int WAYS = 4;

    /** A read of more blocks than this bypasses the cache: it is not a block walked again. */
    private static final int MAX_BLOCKS_PER_READ = 2;

    /** Bits of a key for the block's index in its file (2^40 blocks of 4 KiB), the rest for the file. */
    private static final int BLOCK_BITS = 40;

    private static final long EMPTY = -1;

    private static final VarHandle STAMPS = MethodHandles.arrayElementVarHandle(long[].class);

    private final int sets;
    private final byte[] slab;
    private final long[] keys;
    private final int[] lengths;
    /** Per slot: even while stable, odd while written. */
    private final long[] stamps;
    /** Per slot: read since the set last chose a slot to replace (second chance). */
    private final boolean[] referenced;
    private final AtomicInteger files = new AtomicInteger();
    private volatile long generation;
    /** Per thread: where missing blocks are read before they are kept. */
    private final ThreadLocal<ByteBuffer> scratch;

    /** A cache of {@code bytes} of blocks (rounded down to whole sets); 0 keeps nothing. */
    BlockCache(long bytes) {
        this.sets = (int) Math.min(1 << 16, bytes / BLOCK / WAYS);
        int slots = sets * WAYS;
        this.slab = new byte[slots * BLOCK];
        this.keys = new long[slots];
        this.lengths = new int[slots];
        this.stamps = new long[slots];
        this.referenced = new boolean[slots];
        Arrays.fill(keys, EMPTY);
        this.scratch = ThreadLocal.withInitial(() -> ByteBuffer.allocate(MAX_BLOCKS_PER_READ * BLOCK));
    }

    /** The bytes this cache holds blocks in, fixed when made. */
    long capacity() {
        return slab.length;
    }

    /** A file opened for reading through this cache, {@code channel.size()} bytes long now. */
    CachedFile open(FileChannel channel, String description) throws IOException {
        return new CachedFile(files.incrementAndGet(), channel, channel.size(), description);
    }

    /** Begins a search: every file read from here on checks its size again on its first read. */
    void newSearch() {
        generation++; // a lost increment between threads only skips a generation both searches share
    }

    /** Forgets every block. */
    void clear() {
        for (int i = 0; i < keys.length; i++) {
            long stamp = (long) STAMPS.getVolatile(stamps, i);
            if ((stamp & 1) == 0 && STAMPS.compareAndSet(stamps, i, stamp, stamp + 1)) {
                keys[i] = EMPTY;
                STAMPS.setRelease(stamps, i, stamp + 2);
            }
        }
    }

    /** How many slots hold a block now. */
    int blocksHeld() {
        int held = 0;
        for (long key : keys) {
            held += key == EMPTY ? 0 : 1;
        }
        return held;
    }

    private int set(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) ((h >>> 32) % sets) * WAYS;
    }

    /**
     * Copies bytes {@code from} to {@code to} of block {@code key} into {@code b} if the cache
     * holds it; else leaves {@code b} as it was and answers false.
     */
    private boolean copy(long key, int from, int to, ByteBuffer b) {
        if (sets == 0) {
            return false;
        }
        int base = set(key);
        for (int i = base; i < base + WAYS; i++) {
            long stamp = (long) STAMPS.getAcquire(stamps, i);
            if ((stamp & 1) != 0 || keys[i] != key) {
                continue;
            }
            if (lengths[i] < to) {
                return false; // not while written (the stamp says), so a short last block: read the file
            }
            int at = b.position();
            b.put(slab, i * BLOCK + from, to - from);
            VarHandle.acquireFence(); // the copy's reads before the stamp's
            if ((long) STAMPS.getVolatile(stamps, i) != stamp) {
                b.position(at); // replaced while copied
                return false;
            }
            if (!referenced[i]) {
                referenced[i] = true;
            }
            return true;
        }
        return false;
    }

    /** Keeps {@code length} bytes of {@code bytes} from {@code offset} as block {@code key}, unless its set is busy. */
    private void keep(long key, byte[] bytes, int offset, int length) {
        if (sets == 0) {
            return;
        }
        int base = set(key);
        int victim = -1;
        for (int i = base; i < base + WAYS; i++) {
            if (keys[i] == key) {
                return; // kept meanwhile by another reader
            }
            if (victim < 0 && keys[i] == EMPTY) {
                victim = i;
            }
        }
        for (int pass = 0; pass < 2 && victim < 0; pass++) {
            for (int i = base; i < base + WAYS; i++) {
                if (!referenced[i]) {
                    victim = i;
                    break;
                }
                if (pass == 0) {
                    referenced[i] = false; // a second chance: gone next time unless read again
                }
            }
        }
        if (victim < 0) {
            victim = base;
        }
        long stamp = (long) STAMPS.getVolatile(stamps, victim);
        if ((stamp & 1) != 0 || !STAMPS.compareAndSet(stamps, victim, stamp, stamp + 1)) {
            return; // another writer has it
        }
        keys[victim] = key;
        lengths[victim] = length;
        referenced[victim] = false;
        System.arraycopy(bytes, offset, slab, victim * BLOCK, length);
        STAMPS.setRelease(stamps, victim, stamp + 2);
    }

    /** One open file: its channel, and the size it had when opened. */
    final class CachedFile {

        private final long id;
        private final FileChannel channel;
        private final long length;
        private final String description;
        private volatile long checked;

        private CachedFile(int id, FileChannel channel, long length, String description) {
            this.id = (long) id << BLOCK_BITS;
            this.channel = channel;
            this.length = length;
            this.description = description;
            this.checked = generation;
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
            long end = position + n;
            long first = position / BLOCK;
            long last = (end - 1) / BLOCK;
            if (last - first >= MAX_BLOCKS_PER_READ) {
                readFully(position, b);
                return;
            }
            for (long k = first; k <= last; k++) {
                long blockStart = k * BLOCK;
                int from = (int) Math.max(0, position - blockStart);
                int to = (int) Math.min(BLOCK, end - blockStart);
                if (copy(id | k, from, to, b)) {
                    continue;
                }
                // Missing: read it whole with the next if that is missing too, keep them, copy the part asked.
                long upTo = k;
                if (k < last && !holds(id | last)) {
                    upTo = last;
                }
                ByteBuffer run = scratch.get();
                run.clear().limit((int) (Math.min((upTo + 1) * BLOCK, length) - blockStart));
                readFully(blockStart, run);
                byte[] bytes = run.array();
                for (long j = k; j <= upTo; j++) {
                    int at = (int) ((j - k) * BLOCK);
                    int blockLength = (int) Math.min(BLOCK, length - j * BLOCK);
                    keep(id | j, bytes, at, blockLength);
                    int partFrom = (int) Math.max(0, position - j * BLOCK);
                    int partTo = (int) Math.min(BLOCK, end - j * BLOCK);
                    b.put(bytes, at + partFrom, partTo - partFrom);
                }
                k = upTo;
            }
        }

        /** Whether the cache holds block {@code key} now (a hint: it may go before it is read). */
        private boolean holds(long key) {
            if (sets == 0) {
                return false;
            }
            int base = set(key);
            for (int i = base; i < base + WAYS; i++) {
                if (keys[i] == key) {
                    return true;
                }
            }
            return false;
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

        /** Once a generation (a search): fails when the file is no longer the size it was opened with. */
        private void checkSize() throws IOException {
            long now = generation;
            if (checked == now) {
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
}
