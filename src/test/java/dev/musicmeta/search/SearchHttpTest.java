package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.http.ApiServer;
import dev.musicmeta.http.ServerConfig;
import dev.musicmeta.sample.Progress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search through the index over real HTTP, answers checked against openapi.yaml. */
class SearchHttpTest {

    @TempDir
    static Path dir;

    static Catalog catalog;
    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @BeforeAll
    static void start() throws Exception {
        Path main = RelevanceCatalog.write(dir.resolve("catalog")).mainFile();
        Path folder = IndexBuilder.defaultFolder(main);
        new IndexBuilder(1, 16).build(main, folder, Progress.NONE);
        SqliteCatalog sqlite = SqliteCatalog.open(CatalogFiles.resolve(main, null), SqliteOptions.defaults());
        catalog = SearchSetup.catalog(sqlite, folder, true, Duration.ofSeconds(10));
        server = new ApiServer(catalog, ServerConfig.defaults().withAddress("127.0.0.1", 0).withRateLimit(0, 0)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        catalog.close();
    }

    private static JsonNode get(String path, String q, int status, String schema) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", path, q).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        JsonSchema validator = SCHEMAS.getSchema(SchemaLocation.of("classpath:openapi.yaml#/components/schemas/" + schema));
        Set<ValidationMessage> errors = validator.validate(body);
        assertThat(errors).as("%s against %s", response.body(), schema).isEmpty();
        return body;
    }

    @Test
    void theValidatorRejectsWhatTheDocumentForbids() throws Exception {
        JsonSchema validator = SCHEMAS.getSchema(SchemaLocation.of("classpath:openapi.yaml#/components/schemas/AlbumPage"));
        assertThat(validator.validate(JSON.readTree("{\"items\": null, \"limit\": 0}"))).isNotEmpty();
    }

    @Test
    void searchAlbumAnswersAPageOfAlbums() throws Exception {
        JsonNode page = get("/search/album", "artist:queen opera", 200, "AlbumPage");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("A Night at the Opera");
        assertThat(page.get("items").get(0).get("artists").get(0).get("name").asText()).isEqualTo("Queen");
        assertThat(page.get("limit").asInt()).isEqualTo(20);
    }

    @Test
    void searchTrackUsesTheIndex() throws Exception {
        // Accents, a typo and a prefix: only the index finds this.
        JsonNode page = get("/search/track", "MOTLEY crüe kickstrat my hea", 200, "TrackPage");
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("Kickstart My Heart");
        assertThat(page.get("items").get(0).get("album").get("name").asText()).isEqualTo("Dr. Feelgood");
    }

    @Test
    void searchArtistRanksFollowersAndAnswersEmptyPages() throws Exception {
        JsonNode page = get("/search/artist", "nirvana", 200, "ArtistPage");
        assertThat(page.get("items").get(0).get("followers").asLong()).isEqualTo(20_000_000);
        JsonNode none = get("/search/artist", "\"\" !!", 200, "ArtistPage");
        assertThat(none.get("items")).isEmpty();
        assertThat(none.get("total").asLong()).isZero();
    }
}
