package dev.musicmeta.cli;

import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.Searcher;
import dev.musicmeta.catalog.sqlite.CatalogFingerprint;
import dev.musicmeta.search.IndexFormatException;
import dev.musicmeta.search.IndexManifest;
import dev.musicmeta.search.SearchIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code serve} searches, chosen once at start-up: with the search index when one is there
 * and readable, else with the catalog's own scan of names. What was chosen goes into the
 * start-up log ({@link #log()}, once the catalog has opened): where the index is and what it
 * holds, a warning when it was built from another version of the catalog, or, without one, the
 * command that builds it.
 */
final class SearchSetup {

    private static final Logger LOG = LoggerFactory.getLogger(SearchSetup.class);

    /** How to run the program in messages. */
    static final String COMMAND = "java -jar music-metadata-api.jar";

    /** What was found in the index folder. */
    enum IndexState {
        /** Served; built from the catalog file as it is now. */
        CURRENT,
        /** Served, with a warning: built from another catalog (its content fingerprint differs). */
        STALE,
        /** Not served: written by a version with another index format. */
        OTHER_FORMAT,
        /** Not served: it cannot be read. */
        UNREADABLE,
        /** Not served: there is none. */
        ABSENT
    }

    /** An explicitly named index cannot be served. */
    static final class IndexUnavailableException extends Exception {
        IndexUnavailableException(String message) {
            super(message);
        }
    }

    private record Line(boolean warning, String text) {}

    private final Searcher index;
    private final IndexState state;
    private final List<Line> log;

    private SearchSetup(Searcher index, IndexState state, List<Line> log) {
        this.index = index;
        this.state = state;
        this.log = List.copyOf(log);
    }

    /**
     * Opens the index in {@code folder} when it can be served.
     *
     * @param main     the catalog's main file, which the index should have been built from
     * @param explicit whether the folder was named by the user; then a missing or unreadable index
     *                 is an error rather than a warning
     * @param budget   time budget of one index search
     * @throws IndexUnavailableException when an explicit index is missing or unreadable
     */
    static SearchSetup choose(Path main, Path folder, boolean explicit, Duration budget)
            throws IndexUnavailableException {
        if (!SearchIndex.exists(folder)) {
            if (explicit) {
                throw new IndexUnavailableException(folder + ": no search index there (no " + IndexManifest.FILE
                        + "); build one with: " + buildCommand(main, folder));
            }
            return absent(main, folder, budget);
        }
        SearchIndex index;
        try {
            index = SearchIndex.open(folder, budget);
        } catch (IOException | RuntimeException e) {
            if (explicit) {
                throw new IndexUnavailableException(folder + ": the search index cannot be read (" + firstLine(e)
                        + "); rebuild it with: " + buildCommand(main, folder));
            }
            return notServed(main, folder, e, e instanceof IndexFormatException);
        }
        return served(index, index.manifest(), main, folder);
    }

    /**
     * As {@link #choose} for the index in the default folder beside the catalog, reading only its
     * manifest now: whether it is current, stale or of another format comes from the manifest
     * checked against the catalog file, as with {@link #choose}, and Lucene's readers open once
     * {@code after} completes ({@link LateIndex}), searches waiting for them meanwhile. What
     * {@code serve} does at start-up, where {@code after} is the server listening: the readers are
     * about a tenth of a second of CPU that the first answer does not need (bench/RESULTS.md,
     * "start-up: the index's readers opened once the server listens"). Readers that then fail to
     * open make searches answer 503 rather than scan.
     */
    static SearchSetup chooseLater(Path main, Path folder, Duration budget, CompletableFuture<?> after) {
        if (!SearchIndex.exists(folder)) {
            return absent(main, folder, budget);
        }
        IndexManifest manifest;
        try {
            manifest = IndexManifest.read(folder);
        } catch (IOException | RuntimeException e) {
            return notServed(main, folder, e, false);
        }
        if (manifest.format() != IndexManifest.FORMAT) {
            return notServed(main, folder, new IOException("format " + manifest.format()
                    + ", this version serves format " + IndexManifest.FORMAT), true);
        }
        return served(new LateIndex(folder, budget, after), manifest, main, folder);
    }

    private static SearchSetup absent(Path main, Path folder, Duration budget) {
        return new SearchSetup(null, IndexState.ABSENT, List.of(new Line(true, "no search index at " + folder
                + ": every search scans all names in SQLite (most of a second per million rows; past "
                + budget.toSeconds() + " s it answers 504) and matches q as one substring, without prefixes,"
                + " typos or filters. Build the index once with: " + buildCommand(main, null))));
    }

    private static SearchSetup notServed(Path main, Path folder, Exception e, boolean otherFormat) {
        String reason = folder + ": the search index cannot be read (" + firstLine(e) + "); rebuild it with: "
                + buildCommand(main, null);
        return new SearchSetup(null, otherFormat ? IndexState.OTHER_FORMAT : IndexState.UNREADABLE,
                List.of(new Line(true, reason + "; searching without it meanwhile")));
    }

    private static SearchSetup served(Searcher index, IndexManifest m, Path main, Path folder) {
        List<Line> log = new ArrayList<>();
        List<String> warnings = warnings(m, main);
        warnings.forEach(w -> log.add(new Line(true, w)));
        log.add(new Line(false, String.format(Locale.ROOT, "search index %s: %,d tracks, %,d albums, %,d artists"
                + " (built %s)", folder, m.documents(SearchKind.TRACKS), m.documents(SearchKind.ALBUMS),
                m.documents(SearchKind.ARTISTS), m.builtAt())));
        return new SearchSetup(index, warnings.isEmpty() ? IndexState.CURRENT : IndexState.STALE, log);
    }

    /**
     * The index to search with ({@link SearchIndex}, or a {@link LateIndex} still opening), or
     * {@code null}: search by the catalog's scan of names.
     */
    Searcher index() {
        return index;
    }

    IndexState state() {
        return state;
    }

    /** Writes what was chosen into the log. */
    void log() {
        for (Line line : log) {
            if (line.warning()) {
                LOG.warn("{}", line.text());
            } else {
                LOG.info("{}", line.text());
            }
        }
    }

    /** What is wrong with serving an index of {@code manifest} for the catalog file {@code main}. */
    static List<String> warnings(IndexManifest manifest, Path main) {
        List<String> warnings = new ArrayList<>();
        String fingerprint;
        try {
            fingerprint = CatalogFingerprint.of(main);
        } catch (IOException e) {
            fingerprint = null; // the catalog's own checks say what is wrong with it
        }
        if (!manifest.catalog().matches(main, fingerprint)) {
            warnings.add("the search index was built " + manifest.builtAt() + " from another catalog than " + main
                    + " (" + (manifest.catalog().fingerprint() != null ? "its content differs"
                            : "a file of another size or modification time")
                    + "): search may miss or misplace what changed since; rebuild it with: " + buildCommand(main, null));
        }
        return warnings;
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String buildCommand(Path main, Path out) {
        return COMMAND + " index --db " + main + (out == null ? "" : " --out " + out);
    }
}
