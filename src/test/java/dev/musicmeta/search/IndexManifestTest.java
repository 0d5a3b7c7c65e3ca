package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.SearchKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexManifestTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenManifestReadsBackEqualWithSnakeCaseFields() throws Exception {
        IndexManifest manifest = new IndexManifest(3, "2026-12-06T04:32:29Z", "9.12.3",
                new IndexManifest.CatalogStamp("/data/main_database.sqlite3", 446_918_656L, 1_796_531_490_582L,
                        "sha256:f8947083177fc1b0ff88f9c7b0f10775"),
                Map.of("tracks", 1_000_000L, "albums", 218_956L, "artists", 58_825L), 57.1);
        manifest.write(dir);
        assertThat(IndexManifest.read(dir)).isEqualTo(manifest);
        assertThat(Files.readString(dir.resolve(IndexManifest.FILE)))
                .contains("\"built_at\"", "\"modified_millis\"", "\"build_seconds\"");
    }

    @Test
    void anOlderManifestWithoutFingerprintAndWithUnknownFieldsReads() throws Exception {
        Files.writeString(dir.resolve(IndexManifest.FILE), """
                {"format": 2, "built_at": "2026-01-01T00:00:00Z", "lucene": "9.11.1",
                 "analyzer": {"name": "folding", "options": [1, 2, {"x": null}]},
                 "catalog": {"path": "/old/main.sqlite3", "size": 10, "modified_millis": 20, "inode": 7},
                 "documents": {"tracks": 5, "albums": 2}, "build_seconds": 1.5}
                """);
        IndexManifest manifest = IndexManifest.read(dir);
        assertThat(manifest.format()).isEqualTo(2);
        assertThat(manifest.catalog()).isEqualTo(new IndexManifest.CatalogStamp("/old/main.sqlite3", 10, 20, null));
        assertThat(manifest.documents(SearchKind.TRACKS)).isEqualTo(5);
        assertThat(manifest.documents(SearchKind.ARTISTS)).isZero();
        assertThat(manifest.buildSeconds()).isEqualTo(1.5);
    }

    @Test
    void whatIsNotAManifestIsAnIoException() throws Exception {
        for (String text : new String[] {"{not json", "[1, 2]", "{\"format\": \"three\"}",
                "{\"format\": 3, \"documents\": {\"tracks\": \"many\"}}", "{\"format\": 3, \"lucene\": {}}", ""}) {
            Files.writeString(dir.resolve(IndexManifest.FILE), text);
            assertThatThrownBy(() -> IndexManifest.read(dir)).as(text).isInstanceOf(IOException.class);
        }
    }
}
