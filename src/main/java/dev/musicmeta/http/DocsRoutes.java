package dev.musicmeta.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code GET /openapi.yaml}, and Swagger UI for it at {@code /docs} and {@code /}: our own page
 * and initializer (docs/ in the jar) plus Swagger UI's bundle from the org.webjars:swagger-ui
 * jar, so the docs work with no internet. Each file is read and compressed once, when it is
 * first asked for: start-up does not pay for docs (1.7 MB of Swagger UI to gzip) nobody opened.
 */
final class DocsRoutes {

    static final String OPENAPI = "/openapi.yaml";

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String WEBJAR_DIR = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern SOURCE_MAP = Pattern.compile("/[*/]# sourceMappingURL=\\S*(?: ?\\*/)?");
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";

    private final Responder responder;
    private final LazyAsset openapi = new LazyAsset("application/yaml", () -> resource(OPENAPI.substring(1)));
    private final LazyAsset page = new LazyAsset("text/html; charset=utf-8", () -> resource("docs/index.html"));
    private final Map<String, LazyAsset> files = Map.of(
            "swagger-ui-bundle.js", new LazyAsset(JS, () -> withoutSourceMap(swaggerUi("swagger-ui-bundle.js"))),
            "swagger-ui.css", new LazyAsset(CSS, () -> withoutSourceMap(swaggerUi("swagger-ui.css"))),
            "favicon-32x32.png", new LazyAsset("image/png", () -> swaggerUi("favicon-32x32.png")),
            "favicon-16x16.png", new LazyAsset("image/png", () -> swaggerUi("favicon-16x16.png")),
            "docs.js", new LazyAsset(JS, () -> resource("docs/docs.js")),
            "docs.css", new LazyAsset(CSS, () -> resource("docs/docs.css")));

    DocsRoutes(Responder responder) {
        this.responder = responder;
    }

    void register(RouteTable routes) {
        routes.get(OPENAPI, ctx -> responder.asset(ctx, openapi.get()));
        routes.get("/docs", ctx -> responder.page(ctx, page.get()));
        routes.get("/", ctx -> responder.page(ctx, page.get()));
        routes.get("/docs/{file}", this::file);
    }

    private void file(Context ctx) throws IOException {
        LazyAsset asset = files.get(ctx.pathParam("file"));
        if (asset == null) {
            throw new ProblemException(ProblemType.UNKNOWN_PATH, ProblemDocument.defaultDetail(404));
        }
        responder.asset(ctx, asset.get());
    }

    private static byte[] swaggerUi(String file) {
        return resource(WEBJAR_DIR + webjarVersion() + "/" + file);
    }

    /** The browser would fetch the map only with its developer tools open; the jar has none. */
    private static byte[] withoutSourceMap(byte[] text) {
        String s = new String(text, StandardCharsets.UTF_8);
        return SOURCE_MAP.matcher(s).replaceAll("").getBytes(StandardCharsets.UTF_8);
    }

    private static String webjarVersion() {
        Properties p = new Properties();
        try (InputStream in = stream(WEBJAR_POM)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }
}
