package dev.musicmeta.http;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /info} says about the running service: the build, the Java runtime, the catalog
 * files and their row counts, and the search index. Filled once, when the catalog has opened;
 * nothing in it is computed per request.
 *
 * @param build   the build ({@link BuildInfo})
 * @param catalog the catalog files and counts, or null while unknown
 * @param index   the search index served, or null when search scans SQLite
 */
public record ServiceInfo(BuildInfo build, CatalogFacts catalog, Index index) {

    /**
     * @param files   each file served: its name, path and size in bytes
     * @param tracks  rows of {@code tracks} (the largest rowid: the snapshot deletes no rows), or -1
     * @param albums  likewise of {@code albums}
     * @param artists likewise of {@code artists}
     */
    public record CatalogFacts(List<File> files, long tracks, long albums, long artists) {
        public CatalogFacts {
            files = List.copyOf(files);
        }
    }

    public record File(String name, String path, long bytes) {}

    /**
     * @param path           the index folder
     * @param format         its format
     * @param builtAt        when it was built (ISO-8601)
     * @param matchesCatalog whether the main file is still the one it was built from
     * @param documents      documents per kind (tracks, albums, artists)
     */
    public record Index(String path, int format, String builtAt, boolean matchesCatalog, Map<String, Long> documents) {
        public Index {
            documents = Map.copyOf(documents);
        }
    }

    /** The build alone, before the catalog has opened. */
    public static ServiceInfo buildOnly() {
        return new ServiceInfo(BuildInfo.current(), null, null);
    }
}
