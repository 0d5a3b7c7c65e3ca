package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.sqlite.FileHealth.State;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Finds whether the files can be read, at most once a second however often it is asked, at the
 * cost of a few reads: each file's header (is it a whole SQLite file of the length it says), the
 * read that last failed on a file fault run again (until it reads well the catalog stays
 * unreadable: a damaged page far inside a file shows in no header), and one tiny query per file,
 * each on a connection free at that moment (a probe never queues behind requests; with none
 * free, what it could not run says nothing new).
 * When a header changed since the last look (the file was rewritten in place) every connection
 * is opened afresh and the caches are cleared, so nothing read from the old content is served.
 */
final class FileProbe {

    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final CatalogFiles files;
    private final SessionPool pool;
    private final Caches caches;
    private SqliteHeader mainHeader;
    private SqliteHeader trackFilesHeader;
    private FileHealth last;
    private long lastAt;

    FileProbe(CatalogFiles files, SessionPool pool, Caches caches) {
        this.files = files;
        this.pool = pool;
        this.caches = caches;
    }

    synchronized FileHealth check() {
        if (last != null && System.nanoTime() - lastAt < PERIOD_NANOS) {
            return last;
        }
        String main = null;
        String trackFiles = null;
        boolean changed = false;
        try {
            SqliteHeader header = SqliteHeader.read(files.main());
            changed = mainHeader != null && !header.sameAs(mainHeader);
            mainHeader = header;
        } catch (CatalogFileException e) {
            main = e.getMessage();
        }
        if (files.trackFiles() != null) {
            try {
                SqliteHeader header = SqliteHeader.read(files.trackFiles());
                changed |= trackFilesHeader != null && !header.sameAs(trackFilesHeader);
                trackFilesHeader = header;
            } catch (CatalogFileException e) {
                trackFiles = e.getMessage();
            }
        }
        boolean wasReadable = last == null || last.readable();
        if (changed || (!wasReadable && main == null && trackFiles == null)) {
            pool.invalidate(); // rewritten in place, or good again after a fault: read it afresh
            caches.clear();
        }
        if (main == null && trackFiles == null) {
            SessionPool.Fault fault = pool.fault();
            if (fault != null) {
                try {
                    pool.replay(fault);
                } catch (CatalogUnavailableException e) {
                    main = files.main() + ": " + (e.unreadable() ? e.getMessage() : fault.message());
                }
            }
        }
        if (main == null && trackFiles == null) {
            main = tinyRead("SELECT max(rowid) FROM main.tracks", files.main());
            if (main == null && files.trackFiles() != null) {
                trackFiles = tinyRead("SELECT max(rowid) FROM tf.track_files", files.trackFiles());
            }
        }
        last = new FileHealth(main == null ? State.OK : State.UNREADABLE, main,
                files.trackFiles() == null ? State.ABSENT : trackFiles == null ? State.OK : State.UNREADABLE, trackFiles);
        lastAt = System.nanoTime();
        return last;
    }

    /** Null when {@code sql} reads (or no session is free to tell), else why it does not. */
    private String tinyRead(String sql, Path file) {
        try {
            pool.readNow(session -> {
                session.countOne();
                try (Statement statement = session.connection().createStatement();
                     ResultSet rs = statement.executeQuery(sql)) {
                    return rs.next();
                }
            });
            return null;
        } catch (CatalogUnavailableException e) {
            return e.unreadable() ? file + ": " + e.getMessage() : null;
        }
    }
}
