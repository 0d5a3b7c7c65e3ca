package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /openapi.yaml and the Swagger UI page, which must work with no internet. */
class DocsApiTest {

    private static final Pattern EXTERNAL = Pattern.compile("(?i)\\b(?:https?:)?//[a-z0-9.-]+");
    private static final Pattern DATA_URL = Pattern.compile("url\\(\\s*[\"']?data:[^)]*\\)");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

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
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(api.get("/docs").text());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).contains("/docs/swagger-ui-bundle.js", "/docs/docs.js", "/docs/swagger-ui.css");
        for (String asset : assets) {
            assertThat(asset).startsWith("/");
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

        assertThat(init).contains("url: '/openapi.yaml'").contains("validatorUrl: null").doesNotContain("petstore");
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
                "/search/track", "/search/artist", "/search/album", "/batch/lookup", "/health", "/openapi.yaml",
                "/docs", "/", "/docs/{file}");
    }

    @Test
    void healthSaysOk() {
        ApiClient.Response res = api.get("/health");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("status").asText()).isEqualTo("ok");
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
