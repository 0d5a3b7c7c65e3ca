package dev.musicmeta.catalog.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an SQLite file holds, in a few bytes: a SHA-256 of its size, its first page (the header
 * with its change counter and page count, and the schema's root) and {@value #SAMPLES} pages
 * spread evenly over the file. A copy of the same file has the same fingerprint whatever its
 * path, owner or modification time; another catalog, or the same one changed, has another. It
 * reads {@value #SAMPLES} pages, a few milliseconds on a file of any size.
 */
public final class CatalogFingerprint {

    static final int SAMPLES = 32;

    private CatalogFingerprint() {}

    /**
     * The fingerprint of {@code file}: {@code sha256:} and 32 hex digits.
     *
     * @throws IOException when the file cannot be read
     */
    public static String of(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, size));
            ByteBuffer head = ByteBuffer.allocate(SqliteHeader.LENGTH);
            channel.read(head, 0);
            int pageSize = head.position() >= 18 ? Short.toUnsignedInt(head.getShort(16)) : 0;
            pageSize = pageSize == 1 ? 65_536 : pageSize < 512 ? 4096 : pageSize;
            long pages = Math.max(1, size / pageSize);
            ByteBuffer page = ByteBuffer.allocate(pageSize);
            for (int i = 0; i <= SAMPLES; i++) {
                long number = i == 0 ? 0 : (pages - 1) * i / SAMPLES; // the first page, then evenly to the last
                page.clear();
                while (page.hasRemaining() && channel.read(page, number * pageSize + page.position()) > 0) {
                    // until the page is whole or the file ends
                }
                page.flip();
                sha.update(page);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
