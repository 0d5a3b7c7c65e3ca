package dev.musicmeta.search;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FSLockFactory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * The index read with positional reads ({@code pread}) into a buffer of {@code bufferSize} bytes
 * per open input, not memory-mapped. A file truncated or rewritten while served then fails a read
 * with an {@link IOException} (a 503), where a mapped file faults the JVM: the JVM turns a fault
 * on a mapped page into an {@code InternalError} only in some code paths and dies of SIGBUS in
 * others (bench/RESULTS.md, "reading without memory mapping"). Lucene's own {@code NIOFSDirectory}
 * does the same with 1 KiB buffers, a system call per KiB of a postings list walked. The reads go
 * through a {@link BlockCache} shared by the index's files, which serves the blocks read most
 * without a system call and still fails a read of a file that changed size.
 */
final class PreadDirectory extends FSDirectory {

    private final int bufferSize;
    private final BlockCache cache;

    PreadDirectory(Path path, int bufferSize, BlockCache cache) throws IOException {
        super(path, FSLockFactory.getDefault());
        this.bufferSize = bufferSize;
        this.cache = cache;
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        ensureOpen();
        ensureCanRead(name);
        Path path = getDirectory().resolve(name);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            String description = "PreadDirectory(" + path + ")";
            BlockCache.CachedFile file = cache.open(channel, description);
            return new Input(description, file, 0, file.length(), bufferSize, false);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A file or a slice of it; clones and slices share the channel, which the file's own input closes. */
    private static final class Input extends BufferedIndexInput {

        private final BlockCache.CachedFile file;
        private final long start;
        private final long length;
        private boolean shared;

        Input(String description, BlockCache.CachedFile file, long start, long length, int bufferSize, boolean shared) {
            super(description, bufferSize);
            this.file = file;
            this.start = start;
            this.length = length;
            this.shared = shared;
        }

        @Override
        public void close() throws IOException {
            if (!shared) {
                file.channel().close();
            }
        }

        @Override
        public Input clone() {
            Input clone = (Input) super.clone();
            clone.shared = true;
            return clone;
        }

        @Override
        public IndexInput slice(String description, long offset, long sliceLength) {
            if (offset < 0 || sliceLength < 0 || offset + sliceLength > length) {
                throw new IllegalArgumentException("slice " + description + " at " + offset + " of " + sliceLength
                        + " bytes is out of " + this + " (" + length + " bytes)");
            }
            return new Input(getFullSliceDescription(description), file, start + offset, sliceLength,
                    getBufferSize(), true);
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        protected void readInternal(ByteBuffer b) throws IOException {
            long position = getFilePointer();
            if (position + b.remaining() > length) {
                throw new EOFException("read past EOF: " + this);
            }
            file.read(start + position, b);
        }

        @Override
        protected void seekInternal(long position) throws IOException {
            if (position > length) {
                throw new EOFException("seek past EOF: " + position + " of " + length + ": " + this);
            }
        }
    }
}
