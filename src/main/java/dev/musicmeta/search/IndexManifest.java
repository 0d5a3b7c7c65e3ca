package dev.musicmeta.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.musicmeta.catalog.SearchKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an index was built from and what it holds, written as {@code manifest.json} in the index
 * folder. The catalog is identified by the main file's content fingerprint (its header and
 * sampled pages, see {@code CatalogScan#fingerprint()}): a copy of the same file matches, another
 * catalog does not. Manifests written before the fingerprint identify it by size and modification
 * time. track_files is not recorded: nothing in the index comes from it.
 *
 * <p>Read and written with Jackson's streaming parser: the server reads a manifest on every start,
 * and setting up an object mapper cost about a tenth of a second of it.
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

    private static final JsonFactory JSON = JsonFactory.builder().build();

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

    /**
     * The manifest of the index in {@code indexDir}. Fields it does not know are skipped (a newer
     * build may add some); a file that is not such a JSON object is an IOException.
     */
    public static IndexManifest read(Path indexDir) throws IOException {
        try (JsonParser json = JSON.createParser(indexDir.resolve(FILE).toFile())) {
            int format = 0;
            String builtAt = null;
            String lucene = null;
            CatalogStamp catalog = null;
            Map<String, Long> documents = Map.of();
            double buildSeconds = 0;
            expect(json, json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "format" -> format = json.getIntValue();
                    case "built_at" -> builtAt = text(json, value);
                    case "lucene" -> lucene = text(json, value);
                    case "catalog" -> catalog = value == JsonToken.VALUE_NULL ? null : readStamp(json);
                    case "documents" -> documents = readCounts(json);
                    case "build_seconds" -> buildSeconds = json.getDoubleValue();
                    default -> json.skipChildren();
                }
            }
            expect(json, json.currentToken(), JsonToken.END_OBJECT);
            return new IndexManifest(format, builtAt, lucene, catalog, documents, buildSeconds);
        }
    }

    void write(Path indexDir) throws IOException {
        try (OutputStream out = Files.newOutputStream(indexDir.resolve(FILE));
             JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeNumberField("format", format);
            json.writeStringField("built_at", builtAt);
            json.writeStringField("lucene", lucene);
            if (catalog == null) {
                json.writeNullField("catalog");
            } else {
                json.writeObjectFieldStart("catalog");
                json.writeStringField("path", catalog.path());
                json.writeNumberField("size", catalog.size());
                json.writeNumberField("modified_millis", catalog.modifiedMillis());
                json.writeStringField("fingerprint", catalog.fingerprint());
                json.writeEndObject();
            }
            json.writeObjectFieldStart("documents");
            for (Map.Entry<String, Long> count : documents.entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("build_seconds", buildSeconds);
            json.writeEndObject();
        }
    }

    private static CatalogStamp readStamp(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        String path = null;
        long size = 0;
        long modifiedMillis = 0;
        String fingerprint = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "path" -> path = text(json, value);
                case "size" -> size = json.getLongValue();
                case "modified_millis" -> modifiedMillis = json.getLongValue();
                case "fingerprint" -> fingerprint = text(json, value);
                default -> json.skipChildren();
            }
        }
        return new CatalogStamp(path, size, modifiedMillis, fingerprint);
    }

    private static Map<String, Long> readCounts(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        Map<String, Long> counts = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String kind = json.currentName();
            json.nextToken();
            counts.put(kind, json.getLongValue());
        }
        return counts;
    }

    private static String text(JsonParser json, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(json, value, JsonToken.VALUE_STRING);
        return json.getText();
    }

    private static void expect(JsonParser json, JsonToken found, JsonToken expected) throws IOException {
        if (found != expected) {
            throw new JsonParseException(json, "manifest: expected " + expected + ", found " + found);
        }
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
