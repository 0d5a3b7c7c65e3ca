package dev.musicmeta.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.musicmeta.catalog.SearchKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What an index was built from and what it holds, written as {@code manifest.json} in the index
 * folder. The catalog is identified by the main file's content fingerprint (its header and
 * sampled pages, see {@code CatalogScan#fingerprint()}): a copy of the same file matches, another
 * catalog does not. Manifests written before the fingerprint identify it by size and modification
 * time. track_files is not recorded: nothing in the index comes from it.
 *
 * @param format     {@link #FORMAT}; an index of another format is not served
 * @param builtAt    ISO-8601 instant
 * @param lucene     the Lucene version that wrote it
 * @param catalog    the main file the index was built from
 * @param documents  document count per kind, by the name of its {@link #folder(SearchKind) folder}
 * @param buildSeconds how long the build took
 */
public record IndexManifest(int format, String builtAt, String lucene, CatalogStamp catalog,
                            Map<String, Long> documents, double buildSeconds) {

    /** Bumped whenever fields or analysis change in a way an old index cannot serve. */
    public static final int FORMAT = 3;
    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public IndexManifest {
        documents = Map.copyOf(documents);
    }

    /**
     * A catalog file as it was when the index was built.
     *
     * @param path          absolute path at build time (informative: the folder may move)
     * @param size          bytes
     * @param modifiedMillis modification time, milliseconds since the epoch
     * @param fingerprint   the content fingerprint of the catalog, or null (an older manifest)
     */
    public record CatalogStamp(String path, long size, long modifiedMillis, String fingerprint) {

        public static CatalogStamp of(Path file, String fingerprint) throws IOException {
            return new CatalogStamp(file.toAbsolutePath().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toMillis(), fingerprint);
        }

        /**
         * Whether the index was built from this catalog: the same content fingerprint; for a
         * manifest without one, the same size and modification time of {@code file}.
         */
        public boolean matches(Path file, String currentFingerprint) {
            if (fingerprint != null) {
                return fingerprint.equals(currentFingerprint);
            }
            return matches(file);
        }

        /** Whether {@code file} still has this size and modification time. */
        public boolean matches(Path file) {
            try {
                return Files.size(file) == size && Files.getLastModifiedTime(file).toMillis() == modifiedMillis;
            } catch (IOException e) {
                return false;
            }
        }
    }

    public static IndexManifest read(Path indexDir) throws IOException {
        return JSON.readValue(indexDir.resolve(FILE).toFile(), IndexManifest.class);
    }

    void write(Path indexDir) throws IOException {
        Files.write(indexDir.resolve(FILE), JSON.writeValueAsBytes(this));
    }

    /** The document count of one kind (0 when absent). */
    public long documents(SearchKind kind) {
        return documents.getOrDefault(folder(kind), 0L);
    }

    /** The sub-folder of the index that holds the Lucene index of one kind: tracks, artists, albums. */
    static String folder(SearchKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
