package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.ServeProcess;
import dev.musicmeta.testing.TestCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MMA_REQUIRE_INDEX} ({@code --require-index}): without a search index the instance serves,
 * but {@code /ready} answers 503 naming the absent index, so a Kubernetes Deployment never routes
 * traffic to a replica whose searches would scan every name.
 */
class RequireIndexTest {

    @TempDir
    Path dir;

    @Test
    void withoutAnIndexReadyIs503AndSaysWhyWhileLookupsAndSearchesAnswer() throws Exception {
        Path main = Files.copy(TestCatalogs.smallMain(), dir.resolve(CatalogFiles.MAIN_FILE));
        try (ServeProcess server = ServeProcess.start(Map.of("MMA_REQUIRE_INDEX", "true"), List.of("-Xmx256m"),
                "--db", main.toString(), "--shutdown-delay", "0")) {
            ApiClient api = new ApiClient(server.base());
            ApiClient.Response ready = api.get("/ready");

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("detail").asText()).isEqualTo(
                    "not ready: search_index absent; see components; another instance answers");
            assertThat(ready.json().at("/components/search_index/state").asText()).isEqualTo("absent");
            assertThat(ready.json().at("/components/catalog/state").asText()).isEqualTo("ok");
            assertThat(ready.json().at("/components/track_files/state").asText()).isEqualTo("absent");
            assertThat(api.get("/search/track?q=ab&limit=1").status()).isEqualTo(200);
            assertThat(server.lines()).anyMatch(l -> l.contains("--require-index: the search index is absent"));
        }
    }
}
