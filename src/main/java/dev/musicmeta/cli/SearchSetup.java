package dev.musicmeta.cli;

import dev.musicmeta.catalog.SearchKind;
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

    private final SearchIndex index;
    private final IndexState state;
    private final List<Line> log;

    private SearchSetup(SearchIndex index, IndexState state, List<Line> log) {
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
            return new SearchSetup(null, IndexState.ABSENT, List.of(new Line(true, "no search index at " + folder
                    + ": every search scans all names in SQLite (most of a second per million rows; past "
                    + budget.toSeconds() + " s it answers 504) and matches q as one substring, without prefixes,"
                    + " typos or filters. Build the index once with: " + buildCommand(main, null))));
        }
        SearchIndex index;
        try {
            index = SearchIndex.open(folder, budget);
        } catch (IOException | RuntimeException e) {
            String reason = folder + ": the search index cannot be read (" + firstLine(e) + "); rebuild it with: "
                    + buildCommand(main, explicit ? folder : null);
            if (explicit) {
                throw new IndexUnavailableException(reason);
            }
            IndexState state = e instanceof IndexFormatException ? IndexState.OTHER_FORMAT : IndexState.UNREADABLE;
            return new SearchSetup(null, state, List.of(new Line(true, reason + "; searching without it meanwhile")));
        }
        List<Line> log = new ArrayList<>();
        List<String> warnings = warnings(index.manifest(), main);
        warnings.forEach(w -> log.add(new Line(true, w)));
        IndexManifest m = index.manifest();
        log.add(new Line(false, String.format(Locale.ROOT, "search index %s: %,d tracks, %,d albums, %,d artists"
                + " (built %s)", folder, m.documents(SearchKind.TRACKS), m.documents(SearchKind.ALBUMS),
                m.documents(SearchKind.ARTISTS), m.builtAt())));
        return new SearchSetup(index, warnings.isEmpty() ? IndexState.CURRENT : IndexState.STALE, log);
    }

    /** The index to search with, or {@code null}: search by the catalog's scan of names. */
    SearchIndex index() {
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
