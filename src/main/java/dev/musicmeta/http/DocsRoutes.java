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
 * jar, so the docs work with no internet. Everything is read and compressed once, at start.
 */
final class DocsRoutes {

    static final String OPENAPI = "/openapi.yaml";

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern SOURCE_MAP = Pattern.compile("/[*/]# sourceMappingURL=\\S*(?: ?\\*/)?");

    private final Responder responder;
    private final StaticAsset openapi;
    private final StaticAsset page;
    private final Map<String, StaticAsset> files;

    DocsRoutes(Responder responder) {
        this.responder = responder;
        this.openapi = StaticAsset.of("application/yaml", resource(OPENAPI.substring(1)));
        this.page = StaticAsset.of("text/html; charset=utf-8", resource("docs/index.html"));
        String swagger = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        this.files = Map.of(
                "swagger-ui-bundle.js", StaticAsset.of("text/javascript; charset=utf-8",
                        withoutSourceMap(resource(swagger + "swagger-ui-bundle.js"))),
                "swagger-ui.css", StaticAsset.of("text/css; charset=utf-8",
                        withoutSourceMap(resource(swagger + "swagger-ui.css"))),
                "favicon-32x32.png", StaticAsset.of("image/png", resource(swagger + "favicon-32x32.png")),
                "favicon-16x16.png", StaticAsset.of("image/png", resource(swagger + "favicon-16x16.png")),
                "docs.js", StaticAsset.of("text/javascript; charset=utf-8", resource("docs/docs.js")),
                "docs.css", StaticAsset.of("text/css; charset=utf-8", resource("docs/docs.css")));
    }

    void register(RouteTable routes) {
        routes.get(OPENAPI, ctx -> responder.asset(ctx, openapi));
        routes.get("/docs", ctx -> responder.asset(ctx, page));
        routes.get("/", ctx -> responder.asset(ctx, page));
        routes.get("/docs/{file}", this::file);
    }

    private void file(Context ctx) throws IOException {
        StaticAsset asset = files.get(ctx.pathParam("file"));
        if (asset == null) {
            throw new ProblemException(ProblemType.UNKNOWN_PATH, ProblemDocument.defaultDetail(404));
        }
        responder.asset(ctx, asset);
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
