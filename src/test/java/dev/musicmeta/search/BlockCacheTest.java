package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads through the block cache give the file's bytes, wherever they start and however long they
 * are, also while many threads replace each other's blocks; the cache holds no more than its
 * bytes; and a file that changes size while served fails its reads, cached or not, from the next
 * search on, until it has its size again.
 */
class BlockCacheTest {

    private static final int B = BlockCache.BLOCK;

    @TempDir
    Path dir;

    /** 10 blocks and 123 bytes: the last block is short. */
    private final byte[] content = random(10 * B + 123, 7);

    @Test
    void readsGiveTheFilesBytesAtAnyPositionAndLength() throws IOException {
        Path file = write("a.bin", content);
        for (long bytes : new long[] {0, 2L * B, 64L * B}) {
            BlockCache cache = new BlockCache(bytes);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                BlockCache.CachedFile f = cache.open(channel, "a.bin");
                assertThat(f.length()).isEqualTo(content.length);
                Random random = new Random(bytes);
                for (int i = 0; i < 2_000; i++) {
                    int position = random.nextInt(content.length);
                    int length = random.nextInt(Math.min(content.length - position, 6 * B) + 1);
                    assertRead(f, position, length);
                }
                // Block boundaries, the short last block, a read of more blocks than are cached at once.
                int[][] reads = {{0, B}, {B - 1, 2}, {B, B}, {3 * B - 5, B}, {10 * B, 123}, {10 * B + 122, 1},
                    {content.length - B, B}, {0, content.length}, {5, 0}};
                for (int[] read : reads) {
                    assertRead(f, read[0], read[1]);
                    assertRead(f, read[0], read[1]); // again, from the cache where it holds the blocks
                }
            }
            assertThat((long) cache.blocksHeld() * B).isLessThanOrEqualTo(bytes);
            assertThat(cache.capacity()).isLessThanOrEqualTo(bytes);
        }
    }

    @Test
    void holdsNoMoreThanItsBytesAndServesWhatItHoldsWithoutTheFile() throws IOException {
        Path file = write("b.bin", content);
        BlockCache cache = new BlockCache(4L * B);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BlockCache.CachedFile f = cache.open(channel, "b.bin");
            for (int k = 0; k <= 10; k++) {
                assertRead(f, (long) k * B, Math.min(B, content.length - k * B));
            }
            assertThat(cache.blocksHeld()).isEqualTo(4);
            assertThat(cache.capacity()).isEqualTo(4L * B);
        }
        // Two files of the same cache do not share blocks.
        byte[] other = random(content.length, 8);
        Path second = write("c.bin", other);
        try (FileChannel c1 = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel c2 = FileChannel.open(second, StandardOpenOption.READ)) {
            BlockCache.CachedFile f1 = cache.open(c1, "b.bin");
            BlockCache.CachedFile f2 = cache.open(c2, "c.bin");
            for (int k = 0; k < 3; k++) {
                assertRead(f1, (long) k * B, B);
                ByteBuffer b = ByteBuffer.allocate(B);
                f2.read((long) k * B, b);
                assertThat(b.array()).isEqualTo(Arrays.copyOfRange(other, k * B, (k + 1) * B));
            }
        }
        cache.clear();
        assertThat(cache.blocksHeld()).isZero();
    }

    @Test
    void aFileThatChangesSizeWhileServedFailsItsReadsCachedOrNotUntilItIsWholeAgain() throws Exception {
        Path file = write("d.bin", content);
        BlockCache cache = new BlockCache(64L * B);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BlockCache.CachedFile f = cache.open(channel, "d.bin");
            assertRead(f, 0, B); // now cached
            assertRead(f, 8L * B, B);

            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(5L * B);
            }
            // Past the new end, a read that goes to the file fails at once.
            assertThatThrownBy(() -> f.read(7L * B + 1, ByteBuffer.allocate(10))).isInstanceOf(EOFException.class);
            // A cached block fails too, from the next search on (each checks the sizes of the files it reads).
            cache.newSearch();
            assertThatThrownBy(() -> f.read(0, ByteBuffer.allocate(B)))
                    .isInstanceOf(IOException.class).hasMessageContaining("changed size");

            Files.write(file, content); // rewritten whole, in place
            assertRead(f, 0, B);
            assertRead(f, 8L * B + 1, 10);
        }
    }

    @Test
    void threadsReplacingEachOthersBlocksReadTheFilesBytes() throws Exception {
        byte[] other = random(content.length, 9);
        Path first = write("f.bin", content);
        Path second = write("g.bin", other);
        BlockCache cache = new BlockCache(BlockCache.WAYS * (long) B); // one set: every miss replaces a block
        try (FileChannel c1 = FileChannel.open(first, StandardOpenOption.READ);
             FileChannel c2 = FileChannel.open(second, StandardOpenOption.READ)) {
            BlockCache.CachedFile f1 = cache.open(c1, "f.bin");
            BlockCache.CachedFile f2 = cache.open(c2, "g.bin");
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int seed = t;
                    done.add(threads.submit(() -> {
                        Random random = new Random(seed);
                        int wrong = 0;
                        for (int i = 0; i < 20_000; i++) {
                            boolean one = random.nextBoolean();
                            byte[] expected = one ? content : other;
                            int position = random.nextInt(expected.length);
                            int length = random.nextInt(Math.min(expected.length - position, B) + 1);
                            ByteBuffer b = ByteBuffer.allocate(length);
                            (one ? f1 : f2).read(position, b);
                            if (!Arrays.equals(b.array(), Arrays.copyOfRange(expected, position, position + length))) {
                                wrong++;
                            }
                        }
                        return wrong;
                    }));
                }
                for (Future<Integer> f : done) {
                    assertThat(f.get()).isZero();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(cache.blocksHeld()).isEqualTo(BlockCache.WAYS);
        }
    }

    @Test
    void aReadPastTheEndFails() throws IOException {
        Path file = write("e.bin", content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BlockCache.CachedFile f = new BlockCache(8L * B).open(channel, "e.bin");
            assertThatThrownBy(() -> f.read(content.length - 5, ByteBuffer.allocate(6))).isInstanceOf(EOFException.class);
            assertThatThrownBy(() -> f.read(-1, ByteBuffer.allocate(1))).isInstanceOf(EOFException.class);
        }
    }

    private void assertRead(BlockCache.CachedFile f, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length + 3);
        b.position(3); // into the middle of a buffer, as BufferedIndexInput may ask
        f.read(position, b);
        assertThat(b.hasRemaining()).isFalse();
        assertThat(Arrays.copyOfRange(b.array(), 3, 3 + length))
                .as("%d bytes at %d", length, position)
                .isEqualTo(Arrays.copyOfRange(content, (int) position, (int) position + length));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] random(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
