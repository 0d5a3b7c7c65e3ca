package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.http.ApiClient;
import dev.musicmeta.http.ApiServer;
import dev.musicmeta.http.BuildInfo;
import dev.musicmeta.http.ServerConfig;
import dev.musicmeta.search.IndexBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** {@code GET /info} of a served demo catalog with its index: the build, Java, the files, counts and index. */
class InfoApiTest {

    @Test
    void infoNamesTheBuildTheFilesTheirCountsAndTheIndex() throws Exception {
        DemoServer.open(); // makes the demo catalog and its index
        Path main = Path.of(System.getProperty("basedir", "."), "target", "readme-demo", CatalogFiles.MAIN_FILE);
        CatalogFiles files = CatalogFiles.resolve(main, null);
        Path index = IndexBuilder.defaultFolder(main);
        try (OpenCatalog catalog = OpenCatalog.open(files, null, SqliteOptions.defaults());
             ApiServer server = new ApiServer(catalog.catalog(),
                     ServerConfig.defaults().withAddress("127.0.0.1", 0).withRateLimit(0, 0)).start()) {
            server.info(() -> ServiceFacts.describe(files, index));
            JsonNode info = new ApiClient(URI.create("http://127.0.0.1:" + server.port() + "/")).get("/info").json();

            BuildInfo build = BuildInfo.current();
            assertThat(info.path("version").asText()).isEqualTo(build.version());
            assertThat(info.path("commit").isNull() ? null : info.path("commit").asText()).isEqualTo(build.commit());
            assertThat(info.path("java").path("version").asText()).isEqualTo(System.getProperty("java.runtime.version"));
            JsonNode first = info.path("catalog").path("files").get(0);
            assertThat(first.path("name").asText()).isEqualTo(CatalogFiles.MAIN_FILE);
            assertThat(first.path("bytes").asLong()).isEqualTo(Files.size(main));
            assertThat(info.path("catalog").path("files").get(1).path("name").asText())
                    .isEqualTo(CatalogFiles.TRACK_FILES_FILE);
            for (String table : new String[] {"tracks", "albums", "artists"}) {
                assertThat(info.path("catalog").path(table).asLong()).as(table).isEqualTo(count(main, table));
                assertThat(info.path("search_index").path("documents").path(table).asLong()).as(table)
                        .isEqualTo(count(main, table));
            }
            assertThat(info.path("search_index").path("matches_catalog").asBoolean()).isTrue();
            assertThat(info.path("search_index").path("path").asText()).isEqualTo(index.toString());
        }
    }

    private static long count(Path main, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(CatalogFiles.readOnlyJdbcUrl(main, true));
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
