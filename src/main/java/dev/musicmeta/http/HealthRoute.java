package dev.musicmeta.http;

import java.io.IOException;

/**
 * {@code GET /health}: {@code {"status":"ok"}} while the process serves. Never rate limited and
 * never cached; during a graceful stop Jetty answers 503 instead, so a load balancer drains us.
 */
final class HealthRoute {

    static final String PATH = "/health";

    private final Responder responder;

    HealthRoute(Responder responder) {
        this.responder = responder;
    }

    void register(RouteTable routes) {
        routes.get(PATH, ctx -> answer(Exchange.of(ctx)));
    }

    /** The answer, on either API ({@link CoreRoutes} answers it ahead of Javalin). */
    void answer(Exchange exchange) throws IOException {
        responder.json(exchange, Responder.Caching.NO_STORE, w -> {
            w.generator().writeStartObject();
            w.generator().writeStringField("status", "ok");
            w.generator().writeEndObject();
        });
    }
}
