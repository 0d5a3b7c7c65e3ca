package dev.musicmeta.search;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how the server searches: with the index when one is there, else SQLite's bounded scan.
 * Says so once in the start-up log: where the index is and what it holds, a warning when it was
 * built from another version of the catalog, or, without one, the command that builds it.
 */
public final class SearchSetup {

    private static final Logger LOG = LoggerFactory.getLogger(SearchSetup.class);

    /** How to run the program in messages. */
    public static final String COMMAND = "java -jar music-metadata-api.jar";

    private SearchSetup() {}

    /** An explicitly named index cannot be served. */
    public static final class IndexUnavailableException extends Exception {
        IndexUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * The catalog to serve.
     *
     * @param folder   the index folder: given with {@code --index}, or the default beside the main file
     * @param explicit whether the folder was named by the user; then a missing or unreadable index
     *                 is an error rather than a warning
     * @param budget   time budget of one index search
     * @throws IndexUnavailableException when an explicit index is missing or unreadable
     */
    public static Catalog catalog(SqliteCatalog sqlite, Path folder, boolean explicit, Duration budget)
            throws IndexUnavailableException {
        Path main = sqlite.files().main();
        if (!SearchIndex.exists(folder)) {
            if (explicit) {
                throw new IndexUnavailableException(folder + ": no search index there (no " + IndexManifest.FILE
                        + "); build one with: " + buildCommand(main, folder));
            }
            LOG.warn("no search index at {}: every search scans all names in SQLite (most of a second per million"
                    + " rows; past {} s it answers 504) and matches q as one substring, without prefixes, typos or"
                    + " filters. Build the index once with: {}", folder, budget.toSeconds(), buildCommand(main, null));
            return sqlite;
        }
        SearchIndex index;
        try {
            index = SearchIndex.open(folder);
        } catch (IOException | RuntimeException e) {
            String reason = folder + ": the search index cannot be read (" + firstLine(e) + "); rebuild it with: "
                    + buildCommand(main, explicit ? folder : null);
            if (explicit) {
                throw new IndexUnavailableException(reason);
            }
            LOG.warn("{}; searching without it meanwhile", reason);
            return sqlite;
        }
        for (String warning : warnings(index.manifest(), main)) {
            LOG.warn(warning);
        }
        IndexManifest m = index.manifest();
        LOG.info(String.format(Locale.ROOT, "search index %s: %,d tracks, %,d albums, %,d artists (built %s)",
                folder, m.documents(SearchKind.TRACKS), m.documents(SearchKind.ALBUMS), m.documents(SearchKind.ARTISTS),
                m.builtAt()));
        return new IndexedCatalog(sqlite, index, budget);
    }

    /** What is wrong with serving an index of {@code manifest} for the catalog file {@code main}. */
    static List<String> warnings(IndexManifest manifest, Path main) {
        List<String> warnings = new ArrayList<>();
        if (!manifest.catalog().matches(main)) {
            warnings.add("the search index was built " + manifest.builtAt() + " from a " + main.getFileName()
                    + " of another size or modification time than " + main
                    + ": search may miss or misplace what changed since; rebuild it with: " + buildCommand(main, null));
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
