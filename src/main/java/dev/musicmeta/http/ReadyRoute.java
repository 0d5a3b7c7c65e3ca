package dev.musicmeta.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code GET /ready}: whether this instance should get traffic, and the state of each component
 * ({@link Readiness}). 200 {@code {"status":"ready","components":{...}}} while it serves; 503, a
 * problem document with the same {@code components}, from the moment it begins draining
 * ({@link DrainState}) or while a component is not ready (a catalog file cannot be read), so
 * that load balancers route elsewhere while it still answers what reaches it. Never rate
 * limited and never cached; {@code /health} (liveness) stays 200 meanwhile. The readiness
 * supplier must be cheap: it is asked on every probe.
 */
final class ReadyRoute {

    static final String PATH = "/ready";

    private final Responder responder;
    private final DrainState drain;
    private final Supplier<Readiness> readiness;

    ReadyRoute(Responder responder, DrainState drain, Supplier<Readiness> readiness) {
        this.responder = responder;
        this.drain = drain;
        this.readiness = readiness;
    }

    void register(RouteTable routes) {
        routes.get(PATH, ctx -> {
            Readiness now = readiness.get();
            String detail = null;
            if (drain.draining()) {
                detail = "draining: this instance is shutting down and takes no new traffic; another instance answers";
            } else if (!now.ready()) {
                detail = "not ready: " + now.components().stream().filter(c -> !c.ready())
                        .map(c -> c.name() + " " + c.state()).collect(Collectors.joining(", "))
                        + "; see components; another instance answers";
            }
            if (detail == null) {
                responder.json(ctx, Responder.Caching.NO_STORE, w -> {
                    w.generator().writeStartObject();
                    w.generator().writeStringField("status", "ready");
                    components(w.generator(), now);
                    w.generator().writeEndObject();
                });
                return;
            }
            ProblemType type = ProblemType.UNAVAILABLE;
            ResponseBuffer buffer = new ResponseBuffer(512);
            try (JsonWriter w = JsonWriter.to(buffer)) {
                JsonGenerator g = w.generator();
                g.writeStartObject();
                g.writeStringField("type", type.uri());
                g.writeStringField("title", type.title());
                g.writeNumberField("status", type.status());
                g.writeStringField("detail", detail);
                components(g, now);
                g.writeEndObject();
            }
            responder.problem(ctx, type.status(), buffer.toByteArray(), Map.of());
        });
    }

    private static void components(JsonGenerator g, Readiness readiness) throws IOException {
        g.writeObjectFieldStart("components");
        for (Readiness.Component c : readiness.components()) {
            g.writeObjectFieldStart(c.name());
            g.writeStringField("state", c.state());
            g.writeBooleanField("ready", c.ready());
            if (c.detail() != null) {
                g.writeStringField("detail", c.detail());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
