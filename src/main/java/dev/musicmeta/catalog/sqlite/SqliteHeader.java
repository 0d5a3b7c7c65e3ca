package dev.musicmeta.catalog.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The first 100 bytes of an SQLite file (https://www.sqlite.org/fileformat.html#the_database_header)
 * and the file's size: enough to tell an SQLite file, its page size, and whether the file is as
 * long as its header says. Read with one positional read, so cheap enough for a probe.
 *
 * @param pageSize  bytes per page
 * @param pageCount pages the header says the file has, or -1 when that field is not valid
 * @param size      the file's size in bytes
 * @param bytes     the 100 header bytes; two headers are equal when these and the sizes are
 */
record SqliteHeader(int pageSize, long pageCount, long size, byte[] bytes) {

    static final int LENGTH = 100;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * Reads the header of {@code file}.
     *
     * @throws CatalogFileException naming the file when it is not a whole SQLite file: empty, not
     *                              SQLite, or shorter than its header says (truncated, or being
     *                              rewritten)
     */
    static SqliteHeader read(Path file) throws CatalogFileException {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                // a short read of a regular file only happens at its end
            }
        } catch (IOException e) {
            throw new CatalogFileException(file + ": cannot be read: " + FileChecks.oneLine(e.getMessage()));
        }
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
        if (bytes.length == 0) {
            throw new CatalogFileException(file + ": not an SQLite database (the file is empty)");
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CatalogFileException(file + ": not an SQLite database (it does not start with the SQLite header)");
        }
        if (bytes.length < LENGTH) {
            throw new CatalogFileException(file + ": not an SQLite database (" + size + " bytes, shorter than"
                    + " its header)");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes); // big-endian, as the file format
        int pageSize = Short.toUnsignedInt(header.getShort(16));
        pageSize = pageSize == 1 ? 65_536 : pageSize;
        // The page count at 28 is valid when the change counter at 24 equals the one at 92.
        long pageCount = header.getInt(24) == header.getInt(92) ? Integer.toUnsignedLong(header.getInt(28)) : -1;
        if (pageCount > 0 && size < pageCount * pageSize) {
            throw new CatalogFileException(file + ": shorter than its header says (" + size + " bytes, where "
                    + pageCount + " pages of " + pageSize + " bytes are " + pageCount * pageSize
                    + "): truncated, or being rewritten");
        }
        return new SqliteHeader(pageSize, pageCount, size, bytes);
    }

    /** Whether {@code other} is the same header of a file of the same size. */
    boolean sameAs(SqliteHeader other) {
        return other != null && size == other.size && Arrays.equals(bytes, other.bytes);
    }
}
