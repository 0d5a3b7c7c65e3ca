package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.FileHealth;
import dev.musicmeta.http.Readiness;
import dev.musicmeta.http.Readiness.Component;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /ready} reports for the catalog {@code serve} serves, in words for clients: no path,
 * no SQL (the log has those: each change of a component's state is logged once, with the reason).
 * The catalog and track_files are ready while they can be read ({@code SqliteCatalog#health()},
 * which looks at most once a second); the search index is ready in every state but damaged,
 * unless {@code --require-index} asks for a current one.
 */
final class ServedReadiness implements Supplier<Readiness> {

    private static final Logger LOG = LoggerFactory.getLogger(ServedReadiness.class);

    private final Supplier<OpenCatalog> opened;
    private final boolean requireIndex;
    private List<Component> last;

    /**
     * @param opened       the open catalog (asked only once it has opened: /ready answers then)
     * @param requireIndex {@code --require-index}
     */
    ServedReadiness(Supplier<OpenCatalog> opened, boolean requireIndex) {
        this.opened = opened;
        this.requireIndex = requireIndex;
    }

    @Override
    public synchronized Readiness get() {
        OpenCatalog catalog = opened.get();
        FileHealth files = catalog.sqlite().health();
        String indexFault = catalog.indexFault();
        Readiness now = of(files, catalog.index(), catalog.indexOpening(), indexFault, requireIndex,
                catalog.budget().toSeconds());
        if (last != null && !last.equals(now.components())) {
            for (Component c : now.components()) {
                if (!last.contains(c)) {
                    String why = c.name().equals("catalog") ? files.catalogDetail()
                            : c.name().equals("track_files") ? files.trackFilesDetail()
                            : c.name().equals("search_index") ? indexFault : null;
                    boolean opened = last.stream().anyMatch(o -> o.name().equals(c.name()) && o.state().equals("opening"));
                    if (c.ready()) {
                        LOG.info("{} is {}{}", c.name(), c.state(), opened ? "" : " again");
                    } else {
                        LOG.warn("{} is {}: {}; /ready answers 503", c.name(), c.state(), why == null ? c.detail() : why);
                    }
                }
            }
        }
        last = now.components();
        return now;
    }

    static Readiness of(FileHealth files, SearchSetup.IndexState index, String indexFault, boolean requireIndex,
                        long budgetSeconds) {
        return of(files, index, false, indexFault, requireIndex, budgetSeconds);
    }

    /** As above, with {@code indexOpening}: the index's readers are still opening ({@link LateIndex}). */
    static Readiness of(FileHealth files, SearchSetup.IndexState index, boolean indexOpening, String indexFault,
                        boolean requireIndex, long budgetSeconds) {
        Component catalog = files.catalog() == FileHealth.State.OK
                ? new Component("catalog", "ok", true, null)
                : new Component("catalog", "unreadable", false, CatalogFiles.MAIN_FILE + " cannot be read (damaged,"
                        + " truncated or rewritten while served): lookups and searches answer 503 until it reads"
                        + " well again");
        Component trackFiles = switch (files.trackFiles()) {
            case OK -> new Component("track_files", "ok", true, null);
            case ABSENT -> new Component("track_files", "absent", true, "no " + CatalogFiles.TRACK_FILES_FILE
                    + ": has_lyrics, original_title, version_title, languages and artist_roles are served as null"
                    + " or []");
            case UNREADABLE -> new Component("track_files", "unreadable", false, CatalogFiles.TRACK_FILES_FILE
                    + " cannot be read (damaged, truncated or rewritten while served): track lookups answer 503"
                    + " until it reads well again");
        };
        // Not ready while the index opens, whatever --require-index: searches would wait for it.
        Component searchIndex = indexOpening ? new Component("search_index", "opening", false, "the search index"
                + " is being opened (a moment after start-up): searches wait for it")
                : searchIndex(index, indexFault, requireIndex, budgetSeconds);
        return new Readiness(List.of(catalog, trackFiles, searchIndex));
    }

    private static Component searchIndex(SearchSetup.IndexState index, String fault, boolean requireIndex,
                                         long budgetSeconds) {
        String fallback = "searches scan every name in SQLite instead (most of a second per million names, 504"
                + " past the " + budgetSeconds + " s search budget) and match q as one substring: no prefixes,"
                + " typos or filters such as artist: or year:";
        if (fault != null) {
            return new Component("search_index", "unreadable", false, "the search index cannot be read (damaged"
                    + " while served): searches answer 503 until it reads well again");
        }
        return switch (index) {
            case CURRENT -> new Component("search_index", "current", true, null);
            case STALE -> new Component("search_index", "stale", !requireIndex, "built from another catalog than the"
                    + " one served: searches may miss or misplace what differs until it is rebuilt");
            case OTHER_FORMAT -> new Component("search_index", "other-format", !requireIndex, "written by a version"
                    + " with another index format, so not used: " + fallback);
            case UNREADABLE -> new Component("search_index", "unreadable", !requireIndex, "cannot be read, so not"
                    + " used: " + fallback);
            case ABSENT -> new Component("search_index", "absent", !requireIndex, "none built: " + fallback);
        };
    }
}
