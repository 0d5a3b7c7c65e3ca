package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.http.ApiClient;
import dev.musicmeta.http.ApiServer;
import dev.musicmeta.http.ServerConfig;
import dev.musicmeta.testing.RelevanceCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search through the index over real HTTP; every answer passes through the HTTP tests' client,
 * which checks it against openapi.yaml.
 */
class SearchHttpTest {

    @TempDir
    static Path dir;

    static Catalog catalog;
    static ApiServer server;
    static ApiClient api;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path main = RelevanceCatalog.write(dir.resolve("catalog")).mainFile();
        Path folder = TestIndexes.buildBeside(main);
        catalog = SqliteCatalog.open(CatalogFiles.resolve(main, null), SqliteOptions.defaults(),
                SearchIndex.open(folder, Duration.ofSeconds(10)));
        server = new ApiServer(catalog, ServerConfig.defaults().withAddress("127.0.0.1", 0).withRateLimit(0, 0)).start();
        api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    }

    @AfterAll
    static void stop() {
        server.close();
        catalog.close();
    }

    private static JsonNode get(String path, String q) throws Exception {
        ApiClient.Response response = api.get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.status()).as("%s %s", path, q).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void searchAlbumAnswersAPageOfAlbums() throws Exception {
        JsonNode page = get("/search/album", "artist:queen opera");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("A Night at the Opera");
        assertThat(page.get("items").get(0).get("artists").get(0).get("name").asText()).isEqualTo("Queen");
        assertThat(page.get("limit").asInt()).isEqualTo(20);
    }

    @Test
    void searchTrackUsesTheIndex() throws Exception {
        // Accents, a typo and a prefix: only the index finds this.
        JsonNode page = get("/search/track", "MOTLEY crüe kickstrat my hea");
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("Kickstart My Heart");
        assertThat(page.get("items").get(0).get("album").get("name").asText()).isEqualTo("Dr. Feelgood");
    }

    @Test
    void searchArtistRanksFollowersAndAnswersEmptyPages() throws Exception {
        JsonNode page = get("/search/artist", "nirvana");
        assertThat(page.get("items").get(0).get("followers").asLong()).isEqualTo(20_000_000);
        JsonNode none = get("/search/artist", "\"\" !!");
        assertThat(none.get("items")).isEmpty();
        assertThat(none.get("total").asLong()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nevermind year:>1990       | year: takes a year (year:1999), a range (year:1990-1999) or an open range",
        "year:19911                 | q: year:19911 is not a year filter",
        "year:1990-91               | year:1990-91 is not a year filter",
        "teen year:-                | year:- is not a year filter",
        "isrc:nope                  | isrc: takes an ISRC of 12 letters and digits"})
    void aFilterThatDoesNotParseIsABadRequestSayingWhatIsAccepted(String q, String detail) throws Exception {
        for (String path : List.of("/search/track", "/search/album", "/search/artist")) {
            ApiClient.Response response = api.get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(response.status()).as("%s %s", path, q).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("type").asText()).endsWith("/problems/invalid-parameter");
            assertThat(JSON.readTree(response.body()).get("detail").asText()).contains(detail);
        }
    }

    @Test
    void openYearRangesRunFromOrUpToTheirYear() throws Exception {
        assertThat(names(get("/search/track", "year:2016-"))).containsExactlyInAnyOrder("Formation", "Hold Up", "Black Swan");
        assertThat(names(get("/search/album", "year:-1968"))).containsExactlyInAnyOrder("Help!", "The Story of Simon Simopath");
    }

    @Test
    void aOneCharacterQueryIsAnswered() throws Exception {
        assertThat(get("/search/track", "x").get("items")).isNotNull();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
