package dev.musicmeta.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /info}: the version, commit and build time, the Java runtime, the catalog (files,
 * sizes, row counts) and the search index (format, build time, whether it matches the catalog).
 * A data route like the lookups: it names file paths, so with API keys on it needs a key, and
 * {@code --admin-addr} moves it off the API's port. Never cached.
 */
final class InfoRoute {

    private final Responder responder;
    private final Supplier<ServiceInfo> info;

    InfoRoute(Responder responder, Supplier<ServiceInfo> info) {
        this.responder = responder;
        this.info = info;
    }

    void register(RouteTable routes) {
        routes.get(AdminPaths.INFO, ctx -> {
            ServiceInfo service = info.get();
            responder.json(ctx, Responder.Caching.NO_STORE, w -> write(w.generator(), service));
        });
    }

    private static void write(JsonGenerator g, ServiceInfo service) throws IOException {
        BuildInfo build = service.build();
        g.writeStartObject();
        g.writeStringField("version", build.version());
        g.writeStringField("commit", build.commit());
        g.writeStringField("commit_time", build.commitTime());
        g.writeStringField("build_time", build.buildTime());
        g.writeObjectFieldStart("java");
        g.writeStringField("version", System.getProperty("java.runtime.version"));
        g.writeStringField("vendor", System.getProperty("java.vendor"));
        g.writeEndObject();
        ServiceInfo.CatalogFacts catalog = service.catalog();
        if (catalog == null) {
            g.writeNullField("catalog");
        } else {
            g.writeObjectFieldStart("catalog");
            g.writeArrayFieldStart("files");
            for (ServiceInfo.File file : catalog.files()) {
                g.writeStartObject();
                g.writeStringField("name", file.name());
                g.writeStringField("path", file.path());
                g.writeNumberField("bytes", file.bytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            count(g, "tracks", catalog.tracks());
            count(g, "albums", catalog.albums());
            count(g, "artists", catalog.artists());
            g.writeEndObject();
        }
        ServiceInfo.Index index = service.index();
        if (index == null) {
            g.writeNullField("search_index");
        } else {
            g.writeObjectFieldStart("search_index");
            g.writeStringField("path", index.path());
            g.writeNumberField("format", index.format());
            g.writeStringField("built_at", index.builtAt());
            g.writeBooleanField("matches_catalog", index.matchesCatalog());
            g.writeObjectFieldStart("documents");
            for (Map.Entry<String, Long> e : new TreeMap<>(index.documents()).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void count(JsonGenerator g, String name, long value) throws IOException {
        if (value < 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
