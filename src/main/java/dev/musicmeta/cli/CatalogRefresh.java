package dev.musicmeta.cli;

import dev.musicmeta.catalog.LiveCatalog;
import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.QuickCheck;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.IndexManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Replaces the catalog {@code serve} serves without a restart, when new files have been renamed
 * into place or a symlink on their path now points elsewhere.
 *
 * <p>What triggers it: {@code SIGHUP}, at once; and a check every {@code --refresh-check} seconds
 * of the identity of the files (device and inode, size, modification time, following symlinks)
 * of the main file, track_files and the search index's manifest. A change is acted on once it has
 * stayed the same for one more check, so files still being renamed one after the other are taken
 * together. Polling, rather than a file system watch, sees a symlink flipped on any folder of the
 * path, works on network file systems, and costs three {@code stat} calls.
 *
 * <p>What it does: opens the new files and index as start-up does ({@link OpenCatalog}), checks
 * them ({@link QuickCheck}) and that the index was built from the new main file, and only then
 * swaps them in ({@link LiveCatalog#swap}); requests under way finish on the catalog they started
 * with, which closes after them. New files that fail are refused with a log line naming the file
 * and the problem, and the catalog served so far goes on; the same files are not tried again until
 * they change or a SIGHUP asks.
 */
final class CatalogRefresh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogRefresh.class);

    /** How long a replaced catalog stays open at least, so a request that got it makes all its calls on it. */
    static final Duration GRACE = Duration.ofSeconds(5);

    /** What identifies one state of a file: its inode on its device, size and modification time. */
    record Stamp(Object key, long size, long modifiedMillis) {

        static Stamp of(Path file) {
            if (file == null) {
                return null;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                return new Stamp("unreadable: " + e.getMessage(), -1, -1);
            }
        }
    }

    /** The files as found at one moment, and their stamps. */
    record Snapshot(CatalogFiles files, Path index, Stamp main, Stamp trackFiles, Stamp manifest) {}

    private final Path main;
    private final Path trackFiles;
    private final Path index;
    private final SqliteOptions options;
    private final LiveCatalog live;
    private final Duration checkEvery;
    private final Consumer<OpenCatalog> onOpened;
    private final ScheduledExecutorService worker;
    private OpenCatalog current;
    private Snapshot served;
    private Snapshot pending;
    private Snapshot refused;

    /**
     * @param main       {@code --db} as given (a file or folder; symlinks are followed at each open)
     * @param trackFiles {@code --track-files}, or null for the one beside the main file, if there
     * @param index      {@code --index}, or null for the default folder beside the main file
     * @param first      the catalog opened at start-up, served by {@code live}
     * @param checkEvery how often to look for changed files; zero: only on SIGHUP
     * @param onOpened   given each catalog a refresh opened and checked, before it is served (to
     *                   put it on /metrics and /info)
     */
    CatalogRefresh(Path main, Path trackFiles, Path index, SqliteOptions options, OpenCatalog first, LiveCatalog live,
            Duration checkEvery, Consumer<OpenCatalog> onOpened) {
        this.main = main;
        this.trackFiles = trackFiles;
        this.index = index;
        this.options = options;
        this.current = first;
        this.live = live;
        this.checkEvery = checkEvery;
        this.onOpened = onOpened;
        this.served = snapshot();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /** Listens for SIGHUP and starts the periodic check; logs how to refresh. */
    void start() {
        boolean onSighup = listenForSighup();
        String signal = onSighup ? "on SIGHUP" : "not on SIGHUP (ignored by this process)";
        if (checkEvery.isZero()) {
            LOG.info("catalog refresh: {} (checking the files for changes is off)", signal);
        } else {
            long millis = checkEvery.toMillis();
            worker.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
            LOG.info("catalog refresh: {}, or when new files have been renamed into place (checked every {})",
                    signal, seconds(checkEvery));
        }
    }

    /**
     * Whether SIGHUP now refreshes. A process started with SIGHUP ignored (under {@code nohup}, or
     * by a parent that ignores it) keeps ignoring it: the JVM leaves an ignored signal alone and
     * hands back {@code SIG_IGN} without installing the handler, so without this warning a SIGHUP
     * would do nothing, silently.
     */
    private boolean listenForSighup() {
        try {
            SignalHandler before = Signal.handle(new Signal("HUP"), s -> {
                try {
                    worker.execute(() -> refresh("SIGHUP", snapshot(), true));
                } catch (RejectedExecutionException stopping) {
                    // shutting down: nothing to refresh
                }
            });
            if (before == SignalHandler.SIG_IGN) {
                LOG.warn("SIGHUP is ignored by this process (started under nohup, or by a parent that ignores it),"
                        + " so it cannot refresh the catalog; start the server without nohup (a service manager"
                        + " or container runtime does), or through `env --default-signal=HUP`");
                return false;
            }
            return true;
        } catch (IllegalArgumentException e) {
            LOG.debug("SIGHUP cannot be caught here: {}", e.getMessage());
            return false;
        }
    }

    /** The catalog served now, as opened. */
    synchronized OpenCatalog current() {
        return current;
    }

    /** What the periodic check does: refresh once a change has held still for one check. */
    void check() {
        try {
            Snapshot now = snapshot();
            if (now.equals(served) || now.equals(refused)) {
                pending = null;
                return;
            }
            if (!now.equals(pending)) {
                pending = now; // still changing, or just changed: look again next time
                return;
            }
            pending = null;
            refresh("the catalog files changed", now, false);
        } catch (RuntimeException e) {
            LOG.warn("checking the catalog files for changes failed: {}", e.toString());
        }
    }

    /** Refreshes now, as SIGHUP does; returns once done. For tests. */
    void refreshNow() throws Exception {
        worker.submit(() -> refresh("SIGHUP", snapshot(), true)).get();
    }

    private void refresh(String reason, Snapshot next, boolean asked) {
        if (next.equals(served)) {
            if (asked) {
                LOG.info("{}: the catalog files and index are the ones served ({}); nothing to refresh", reason,
                        next.files().main());
            }
            return;
        }
        LOG.info("{}: opening {} to replace the catalog served", reason, next.files().main());
        OpenCatalog opened;
        try {
            QuickCheck.checkLengths(next.files()); // a short file is refused before SQLite opens it
            opened = OpenCatalog.open(next.files(), index, options);
        } catch (CatalogFileException | SearchSetup.IndexUnavailableException e) {
            refuse(next, e.getMessage());
            return;
        } catch (RuntimeException e) {
            refuse(next, e.toString());
            return;
        }
        try {
            QuickCheck.run(opened.sqlite());
            String problem = indexProblem(opened, next);
            if (problem != null) {
                throw new CatalogFileException(problem);
            }
        } catch (CatalogFileException | RuntimeException e) {
            opened.close();
            refuse(next, e instanceof CatalogFileException ? e.getMessage() : e.toString());
            return;
        }
        onOpened.accept(opened);
        synchronized (this) {
            live.swap(opened.catalog(), "the catalog opened by the refresh of " + Instant.now(), GRACE);
            current = opened;
        }
        served = next;
        refused = null;
        LOG.info("catalog refreshed: serving {} ({}){}; search {}; requests under way finish on the previous"
                + " catalog, which closes after them", next.files().main(), describe(next.main()),
                next.files().trackFiles() == null ? ", without track_files" : " and " + next.files().trackFiles(),
                opened.index() == SearchSetup.IndexState.CURRENT ? "with the index at " + next.index() : "without an index");
    }

    /**
     * Why the new index must not be served with the new files: built from another main file (its
     * hits would name the wrong rows), or missing while the catalog served had one.
     */
    private String indexProblem(OpenCatalog opened, Snapshot next) {
        String build = SearchSetup.COMMAND + " index --db " + next.files().main()
                + (index == null ? "" : " --out " + next.index());
        if (opened.index() == SearchSetup.IndexState.STALE) {
            return next.index() + ": the search index was built from another " + next.files().main().getFileName()
                    + " (its content differs); build it for the new file first: " + build;
        }
        boolean hadIndex = current.index() == SearchSetup.IndexState.CURRENT
                || current.index() == SearchSetup.IndexState.STALE;
        if (hadIndex && opened.index() != SearchSetup.IndexState.CURRENT) {
            return next.index() + ": no usable search index for the new files ("
                    + opened.index().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "), where the catalog served has one; build it first: " + build;
        }
        return null;
    }

    private void refuse(Snapshot next, String why) {
        refused = next;
        LOG.warn("refused the new catalog files: {}; still serving {}", why, served.files().main());
    }

    private Snapshot snapshot() {
        CatalogFiles files = CatalogFiles.resolve(main, trackFiles);
        Path folder = index != null ? index.toAbsolutePath().normalize() : IndexBuilder.defaultFolder(files.main());
        return new Snapshot(files, folder, Stamp.of(files.main()), Stamp.of(files.trackFiles()),
                Stamp.of(folder.resolve(IndexManifest.FILE)));
    }

    private static String describe(Stamp stamp) {
        return stamp == null ? "missing" : String.format(Locale.ROOT, "%,d bytes, modified %s", stamp.size(),
                Instant.ofEpochMilli(stamp.modifiedMillis()));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Stops checking (waiting for a refresh under way), then closes the catalog served and any replaced one. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.close();
    }
}
