package dev.musicmeta.search;

import dev.musicmeta.catalog.CatalogScan;
import dev.musicmeta.catalog.CatalogScan.RankedItem;
import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.search.IndexManifest.CatalogStamp;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.Version;

/**
 * Builds the search index of a catalog: one Lucene index per {@link SearchKind} and a
 * {@link IndexManifest}, written into a temporary folder beside the target and renamed into place
 * only when complete, so a half-built index is never served and a failed build leaves nothing.
 *
 * <p>The catalog is read in pages, ranges of {@value #BATCH} rowids. Each worker takes the next
 * page from a shared counter, reads it through the {@link CatalogScan} (the items as the API
 * serves them, so the index ranks by the values the answers show) and adds its documents to the
 * thread-safe IndexWriter, then takes the next. Reading thus runs on every core, as indexing
 * does, with nothing handed between threads: a worker holds only its page, and the writer
 * flushes at a fixed RAM buffer, so memory does not grow with the catalog: the build fits in
 * {@code -Xmx1g} at any size. One worker a core also means one segment in the writer's buffer a
 * core, so segments are flushed as large as the buffer allows.
 *
 * <p>Each kind's index is merged into one segment once its documents are in, on the writer's
 * merge thread while the next kind is indexed (see {@link Merging}). A search then looks each word up
 * in one term dictionary instead of one per segment, and {@link TopHits} fills the page and
 * stops once instead of once per segment: on 10 M tracks this halves the CPU of a search, for a
 * fifth more build time. Opening the index also costs the same whatever its size.
 */
public final class IndexBuilder {

    /** The index folder's name beside the main file. */
    public static final String DEFAULT_FOLDER = "search-index";

    static final int BATCH = 2_000;

    private final int threads;
    private final double ramBufferMb;
    private final int flushEveryDocs;

    /**
     * @param threads     threads that read pages and index them
     * @param ramBufferMb the writer's RAM buffer; segments are flushed when it is full
     */
    public IndexBuilder(int threads, double ramBufferMb) {
        this(threads, ramBufferMb, IndexWriterConfig.DISABLE_AUTO_FLUSH);
    }

    /** Also flushing a segment every {@code flushEveryDocs} documents (tests: many segments). */
    IndexBuilder(int threads, double ramBufferMb, int flushEveryDocs) {
        if (threads < 1 || ramBufferMb < 16) {
            throw new IllegalArgumentException("threads must be at least 1 and the RAM buffer at least 16 MB");
        }
        this.threads = threads;
        this.ramBufferMb = ramBufferMb;
        this.flushEveryDocs = flushEveryDocs;
    }

    /** How many threads read the catalog at once: the workers. */
    public int readers() {
        return threads;
    }

    /** All cores, a 128 MB buffer. */
    public static IndexBuilder defaults() {
        return new IndexBuilder(Runtime.getRuntime().availableProcessors(), 128);
    }

    /** Where the index of {@code mainFile} goes by default: {@value #DEFAULT_FOLDER} beside it. */
    public static Path defaultFolder(Path mainFile) {
        Path parent = mainFile.toAbsolutePath().getParent();
        return parent.resolve(DEFAULT_FOLDER);
    }

    /**
     * Builds the index of {@code catalog}, whose main file is {@code mainFile}, into {@code target},
     * replacing an index already there.
     *
     * @param mainFile the file the manifest identifies the catalog by (see {@link CatalogStamp})
     * @param catalog  read by {@link #readers()} threads at once
     * @param progress told of rowids read out of the total (largest rowids of the three tables),
     *                 from any thread
     * @throws IndexBuildException with a one-line reason; nothing is left behind
     */
    public IndexManifest build(CatalogScan catalog, Path mainFile, Path target, Progress progress)
            throws IndexBuildException {
        long started = System.nanoTime();
        Path folder = target.toAbsolutePath().normalize();
        Path parent = folder.getParent();
        checkReplaceable(folder);
        Path temp = parent.resolve(folder.getFileName() + ".tmp-" + randomSuffix());
        Thread cleanup = new Thread(() -> deleteQuietly(temp), "search-index-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            CatalogStamp stamp = stamp(mainFile, catalog);
            Files.createDirectories(parent);
            Files.createDirectory(temp);
            long tracks = maxRowid(catalog, SearchKind.TRACKS, mainFile);
            long albums = maxRowid(catalog, SearchKind.ALBUMS, mainFile);
            long artists = maxRowid(catalog, SearchKind.ARTISTS, mainFile);
            long total = tracks + albums + artists;
            Map<String, Long> documents = new LinkedHashMap<>();
            IndexDocuments toDocuments = new IndexDocuments();
            // Each kind's last merge runs while the next kind is indexed (see Merging).
            try (Merging trackIndex = indexKind(temp, SearchKind.TRACKS, mainFile, tracks, catalog::tracksInRange,
                         toDocuments::track, done -> progress.update(done, total));
                 Merging albumIndex = indexKind(temp, SearchKind.ALBUMS, mainFile, albums, catalog::albumsInRange,
                         toDocuments::album, done -> progress.update(tracks + done, total));
                 Merging artistIndex = indexKind(temp, SearchKind.ARTISTS, mainFile, artists,
                         catalog::artistsInRange, toDocuments::artist,
                         done -> progress.update(tracks + albums + done, total))) {
                documents.put(IndexManifest.folder(SearchKind.TRACKS), trackIndex.finish());
                documents.put(IndexManifest.folder(SearchKind.ALBUMS), albumIndex.finish());
                documents.put(IndexManifest.folder(SearchKind.ARTISTS), artistIndex.finish());
            }
            progress.update(total, total);
            double seconds = (System.nanoTime() - started) / 1e9;
            IndexManifest manifest = new IndexManifest(IndexManifest.FORMAT, Instant.now().toString(),
                    Version.LATEST.toString(), stamp, documents, Math.round(seconds * 10) / 10.0);
            manifest.write(temp);
            IOUtils.fsync(temp.resolve(IndexManifest.FILE), false);
            IOUtils.fsync(temp, true);
            moveIntoPlace(temp, folder);
            return manifest;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw IndexBuildException.output("cannot write the search index in " + parent + ": " + e.getMessage(), e);
        } catch (IndexBuildException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }

    private static CatalogStamp stamp(Path mainFile, CatalogScan catalog) throws IndexBuildException {
        try {
            return CatalogStamp.of(mainFile, catalog.fingerprint());
        } catch (IOException e) {
            throw IndexBuildException.catalog(mainFile + ": cannot be read: " + e.getMessage());
        } catch (CatalogUnavailableException e) {
            throw unreadable(mainFile, e);
        }
    }

    private static long maxRowid(CatalogScan catalog, SearchKind kind, Path mainFile) throws IndexBuildException {
        try {
            return catalog.maxRowid(kind);
        } catch (CatalogUnavailableException e) {
            throw unreadable(mainFile, e);
        }
    }

    private static IndexBuildException unreadable(Path mainFile, CatalogUnavailableException e) {
        return IndexBuildException.catalog(mainFile + ": " + e.getMessage());
    }

    /** One page of a kind's items: those of rowid above {@code after} and at most {@code last}. */
    @FunctionalInterface
    interface Pages<T> {
        List<RankedItem<T>> inRange(long after, long last);
    }

    @FunctionalInterface
    interface Done {
        void rows(long rowids);
    }

    /**
     * A kind's index with every document added, merging into one segment on the writer's merge
     * thread. The merge reads and writes files on one thread while the workers of the next kind
     * use the cores: run after the last kind instead, it left a core idle for a merge of the
     * whole index. What the index holds does not depend on when the merge runs: one segment in
     * {@link Ranking#INDEX_SORT}'s order, whose last key is the rowid.
     */
    private static final class Merging implements Closeable {

        private final FSDirectory directory;
        private final IndexWriter writer;

        Merging(FSDirectory directory, IndexWriter writer) {
            this.directory = directory;
            this.writer = writer;
        }

        /** Waits for the merge, commits, and answers the number of documents. */
        long finish() throws IOException {
            writer.forceMerge(1);
            writer.commit();
            return writer.getDocStats().numDocs;
        }

        /** Closes the writer: unfinished (a failed build), it drops its merge and writes nothing more. */
        @Override
        public void close() throws IOException {
            IOUtils.close(writer, directory);
        }
    }

    private <T> Merging indexKind(Path temp, SearchKind kind, Path mainFile, long lastRowid, Pages<T> pages,
                                  Function<RankedItem<T>, Document> toDocument, Done done)
            throws IOException, IndexBuildException {
        IndexWriterConfig config = new IndexWriterConfig(NameAnalyzer.INDEX)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(ramBufferMb)
                .setMaxBufferedDocs(flushEveryDocs)
                .setIndexSort(Ranking.INDEX_SORT)
                .setSimilarity(WordCounts.INSTANCE)
                .setCommitOnClose(false);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong nextPage = new AtomicLong();
        AtomicLong rowidsDone = new AtomicLong();
        FSDirectory directory = FSDirectory.open(temp.resolve(IndexManifest.folder(kind)));
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
        Merging merging = new Merging(directory, writer);
        try {
            Runnable worker = () -> {
                try {
                    for (long from = nextPage.getAndAdd(BATCH); from < lastRowid && failure.get() == null;
                         from = nextPage.getAndAdd(BATCH)) {
                        long last = Math.min(from + BATCH, lastRowid);
                        for (RankedItem<T> item : pages.inRange(from, last)) {
                            writer.addDocument(toDocument.apply(item));
                        }
                        synchronized (rowidsDone) { // in order, though pages finish in any order
                            done.rows(rowidsDone.addAndGet(last - from));
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            };
            List<Thread> workers = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                Thread thread = new Thread(worker, "index-" + IndexManifest.folder(kind) + "-" + i);
                thread.setDaemon(true);
                workers.add(thread);
                thread.start();
            }
            joinAll(workers, failure);
            Throwable t = failure.get();
            if (t instanceof CatalogUnavailableException unreadable) {
                throw unreadable(mainFile, unreadable);
            }
            if (t != null) {
                throw IndexBuildException.output("indexing failed: " + t, t);
            }
            writer.forceMerge(1, false);
            return merging;
        } catch (IOException | IndexBuildException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(merging);
            throw e;
        }
    }

    /**
     * Waits for every worker to finish its page. Interrupted, it stops them: they end after the
     * page in hand, and the build fails.
     */
    private static void joinAll(List<Thread> workers, AtomicReference<Throwable> failure) {
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    // keep waiting: the writer is not closed under a worker
                    failure.compareAndSet(null, e);
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** An existing target is replaced only if it is an index (has a manifest) or empty. */
    private static void checkReplaceable(Path folder) throws IndexBuildException {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw IndexBuildException.output(folder + " exists and is not a folder; choose another --out", null);
        }
        if (Files.exists(folder.resolve(IndexManifest.FILE))) {
            return;
        }
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                throw IndexBuildException.output(folder + " exists and is not a search index (no "
                        + IndexManifest.FILE + "); it is left alone: choose another --out", null);
            }
        } catch (IOException e) {
            throw IndexBuildException.output("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renames the finished index into place. A directory cannot be atomically renamed over a
     * non-empty one, so an old index is first renamed aside: a server starting in that instant
     * finds no index and falls back to SQL search, but never sees a partial one.
     */
    private static void moveIntoPlace(Path temp, Path folder) throws IOException {
        Path old = null;
        if (Files.exists(folder)) {
            old = folder.resolveSibling(folder.getFileName() + ".old-" + randomSuffix());
            Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
        IOUtils.fsync(folder.getParent(), true);
        if (old != null) {
            deleteQuietly(old);
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // already deleted
        } catch (IOException e) {
            // best effort: a leftover temporary folder is never served
        }
    }
}
