package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /openapi.yaml and the Swagger UI page, which must work with no internet. */
class DocsApiTest {

    private static final Pattern EXTERNAL = Pattern.compile("(?i)\\b(?:https?:)?//[a-z0-9.-]+");
    private static final Pattern DATA_URL = Pattern.compile("url\\(\\s*[\"']?data:[^)]*\\)");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    /** Where a reverse proxy publishes the API. */
    private static final URI PROXY = URI.create("https://proxy.example.org/music/");

    private final ApiClient api = Fixtures.sampleApi();

    @Test
    void theDocsPageAndTheRootServeTheSamePageThatOnlyTalksToThisServer() {
        ApiClient.Response docs = api.get("/docs");
        ApiClient.Response root = api.get("/");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Type")).startsWith("text/html");
        assertThat(root.body()).isEqualTo(docs.body());
        assertThat(docs.header("Content-Security-Policy")).startsWith("default-src 'self'")
                .doesNotContain("http").doesNotContain("*");
        assertThat(externalOrigins(docs.text())).isEmpty();
    }

    @Test
    void everyAssetThePageLoadsIsServedHereWithoutExternalUrls() {
        List<String> assets = links(api.get("/docs").text());
        assertThat(assets).contains("docs/swagger-ui-bundle.js", "docs/docs.js", "docs/swagger-ui.css");
        for (String link : assets) {
            String asset = "/" + link;
            ApiClient.Response res = api.get(asset);
            assertThat(res.status()).as(asset).isEqualTo(200);
            if (asset.endsWith(".css") || asset.endsWith("docs.js")) {
                // Our own files and the stylesheet (whose only urls are inline data: images);
                // the bundle holds URLs as strings (licences, spec links) that the CSP never lets it fetch.
                String text = DATA_URL.matcher(res.text()).replaceAll("");
                assertThat(externalOrigins(text)).as(asset).isEmpty();
            }
        }
    }

    @Test
    void theInitializerLoadsThisServersDocumentAndNeverTheOnlineValidator() {
        String init = api.get("/docs/docs.js").text();

        assertThat(init).contains("url: 'openapi.yaml'").contains("validatorUrl: null").doesNotContain("petstore");
    }

    /**
     * A reverse proxy that serves the API under a path prefix (https://proxy/music/... to
     * /...): every link of the page, the document it loads and the server the document names
     * resolve under the prefix, at the page's addresses and the document's, and reach this
     * server's files once the proxy strips the prefix.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/"})
    void thePageAndTheDocumentWorkUnderAProxysPathPrefix(String pagePath) throws Exception {
        URI page = PROXY.resolve(pagePath.substring(1));
        String html = api.get(pagePath).text();
        List<String> links = links(html);
        Matcher init = Pattern.compile("url: '([^']+)'").matcher(api.get("/docs/docs.js").text());
        assertThat(init.find()).isTrue();
        links.add(init.group(1));

        assertThat(links).hasSizeGreaterThan(5);
        for (String link : links) {
            assertThat(viaProxy(page.resolve(link)).status()).as(link).isEqualTo(200);
        }
        URI document = page.resolve(init.group(1));
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(viaProxy(document).body());
        URI server = document.resolve(doc.get("servers").get(0).get("url").asText());
        assertThat(viaProxy(server.resolve("health")).json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void theDocsAddressWithASlashRedirectsToThePageRelatively() {
        ApiClient.Response res = api.get("/docs/?x=1");

        assertThat(res.status()).isEqualTo(308);
        assertThat(res.header("Location")).isEqualTo("../docs?x=1");
        assertThat(PROXY.resolve("docs/").resolve(res.header("Location"))).isEqualTo(PROXY.resolve("docs?x=1"));
    }

    @Test
    void theDocumentIsOpenApi31AndDescribesEveryRoute() throws Exception {
        ApiClient.Response res = api.get("/openapi.yaml");
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(res.body());

        assertThat(res.header("Content-Type")).startsWith("application/yaml");
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/lookup/track/{id}", "/lookup/isrc/{isrc}",
                "/lookup/isrc/{isrc}/tracks", "/lookup/artist/{id}", "/lookup/album/{id}", "/lookup/album/{id}/tracks",
                "/lookup/upc/{upc}", "/lookup/artist/{id}/albums", "/lookup/artist/{id}/top-tracks",
                "/search/track", "/search/artist", "/search/album", "/batch/lookup", "/health", "/ready", "/metrics", "/info",
                "/openapi.yaml",
                "/docs", "/", "/docs/{file}", "/problems/{slug}", "/v1/tracks/{id}", "/v1/tracks", "/v1/albums/{id}",
                "/v1/albums", "/v1/albums/{id}/tracks", "/v1/artists/{id}", "/v1/artists/{id}/albums",
                "/v1/artists/{id}/top-tracks", "/v1/artists", "/v1/search", "/api/token");
    }

    @Test
    void healthSaysOk() {
        ApiClient.Response res = api.get("/health");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("status").asText()).isEqualTo("ok");
    }

    /** The page's link and script addresses, which must all be relative paths. */
    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            assertThat(m.group(1)).as("a relative path").doesNotStartWith("/").doesNotContain(":");
            links.add(m.group(1));
        }
        return links;
    }

    /** What the proxy does: strips the prefix, then asks this server. */
    private ApiClient.Response viaProxy(URI uri) {
        assertThat(uri.toString()).as("under the prefix").startsWith(PROXY.toString());
        return api.get(PROXY.relativize(uri).toString());
    }

    private static List<String> externalOrigins(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = EXTERNAL.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
