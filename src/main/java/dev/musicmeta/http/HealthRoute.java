package dev.musicmeta.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health}: {@code {"status":"ok"}} while the process serves. Never rate limited and
 * never cached; during a graceful stop Jetty answers 503 instead, so a load balancer drains us.
 */
final class HealthRoute {

    static final String PATH = "/health";

    /** Always the same bytes, so they and their tag are made once. */
    private static final StaticAsset OK =
            StaticAsset.of(Responder.JSON, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));

    private final Responder responder;

    HealthRoute(Responder responder) {
        this.responder = responder;
    }

    void register(RouteTable routes) {
        routes.get(PATH, ctx -> answer(Exchange.of(ctx)));
    }

    /** The answer, on either API ({@link CoreRoutes} answers it ahead of Javalin). */
    void answer(Exchange exchange) throws IOException {
        responder.prepared(exchange, OK, Responder.Caching.NO_STORE);
    }
}
