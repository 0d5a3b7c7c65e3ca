package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A check of an opened catalog that costs milliseconds whatever its size, for a catalog about to
 * be served: each file is as long as its header says (a truncated file would otherwise fail, or
 * with memory-mapped reads kill the process, on the first read past its end), and the last row
 * of each kind reads and assembles, track_files included; with a search index, a search for the
 * last track's name runs. It complements the schema checks of {@link SqliteCatalog#open}, and
 * cannot see damage in the middle of a file (only SQLite's {@code PRAGMA quick_check}, which
 * reads every page, can).
 */
public final class QuickCheck {

    private static final int HEADER_BYTES = 100;

    private QuickCheck() {}

    /**
     * @throws CatalogFileException naming the file and what is wrong, in one line
     */
    public static void run(SqliteCatalog catalog) throws CatalogFileException {
        CatalogFiles files = catalog.files();
        checkLengths(files);
        try {
            for (SearchKind kind : SearchKind.values()) {
                long last = catalog.maxRowid(kind);
                if (last > 0) {
                    Object item = catalog.served(kind, Set.of(last)).get(last);
                    if (kind == SearchKind.TRACKS && item instanceof Track track) {
                        search(catalog, track);
                    }
                }
            }
        } catch (CatalogUnavailableException | IllegalStateException e) {
            throw new CatalogFileException(files.main() + (files.trackFiles() == null ? "" : " or " + files.trackFiles())
                    + ": cannot be read: " + FileChecks.oneLine(e.getMessage()));
        }
    }

    /** A search with the index for the name of {@code tracks}' track; the SQL scan is skipped, being slow. */
    private static void search(SqliteCatalog catalog, Track track) {
        if (!catalog.searchesWithIndex()) {
            return;
        }
        String name = track.name();
        SearchRequest request;
        try {
            request = new SearchRequest(name, 1, 0);
        } catch (IllegalArgumentException | NullPointerException e) {
            return; // a name no client could search for
        }
        catalog.searchTracks(request);
    }

    /**
     * Each file is at least as long as the page count in its header, when that count is valid: the
     * part of {@link #run} that can be done before the files are opened.
     */
    public static void checkLengths(CatalogFiles files) throws CatalogFileException {
        checkLength(files.main());
        if (files.trackFiles() != null) {
            checkLength(files.trackFiles());
        }
    }

    private static void checkLength(Path file) throws CatalogFileException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // read the whole header
            }
        } catch (IOException e) {
            throw new CatalogFileException(file + ": cannot be read: " + FileChecks.oneLine(e.getMessage()));
        }
        if (header.position() < HEADER_BYTES) {
            throw new CatalogFileException(file + ": truncated: " + size + " bytes, shorter than an SQLite header");
        }
        int pageSize = header.getShort(16) & 0xffff;
        long pageBytes = pageSize == 1 ? 65536 : pageSize;
        long pages = header.getInt(28) & 0xffffffffL;
        boolean countValid = header.getInt(24) == header.getInt(92); // SQLite's own rule for trusting the count
        if (countValid && pages > 0 && size < pages * pageBytes) {
            throw new CatalogFileException(file + ": truncated: " + size + " bytes where its header says "
                    + pages * pageBytes);
        }
    }
}
