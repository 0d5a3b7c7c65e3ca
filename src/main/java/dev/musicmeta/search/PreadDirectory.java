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
 * does the same with 1 KiB buffers, a system call per KiB of a postings list walked.
 */
final class PreadDirectory extends FSDirectory {

    private final int bufferSize;

    PreadDirectory(Path path, int bufferSize) throws IOException {
        super(path, FSLockFactory.getDefault());
        this.bufferSize = bufferSize;
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        ensureOpen();
        ensureCanRead(name);
        Path path = getDirectory().resolve(name);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new Input("PreadDirectory(" + path + ")", channel, 0, channel.size(), bufferSize, false);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A file or a slice of it; clones and slices share the channel, which the file's own input closes. */
    private static final class Input extends BufferedIndexInput {

        private final FileChannel channel;
        private final long start;
        private final long length;
        private boolean shared;

        Input(String description, FileChannel channel, long start, long length, int bufferSize, boolean shared) {
            super(description, bufferSize);
            this.channel = channel;
            this.start = start;
            this.length = length;
            this.shared = shared;
        }

        @Override
        public void close() throws IOException {
            if (!shared) {
                channel.close();
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
            return new Input(getFullSliceDescription(description), channel, start + offset, sliceLength,
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
            long at = start + position;
            while (b.hasRemaining()) {
                int read = channel.read(b, at);
                if (read < 0) {
                    throw new EOFException("read past EOF (the file shrank): " + this);
                }
                at += read;
            }
        }

        @Override
        protected void seekInternal(long position) throws IOException {
            if (position > length) {
                throw new EOFException("seek past EOF: " + position + " of " + length + ": " + this);
            }
        }
    }
}
