package dev.musicmeta.http;

/**
 * {@code GET /ready}: whether this instance should get traffic. 200 {@code {"status":"ready"}}
 * while it serves; 503 from the moment it begins draining ({@link DrainState}), so that load
 * balancers stop routing here while it still answers what reaches it. Never rate limited and
 * never cached; {@code /health} (liveness) stays 200 meanwhile.
 */
final class ReadyRoute {

    static final String PATH = "/ready";

    private final Responder responder;
    private final DrainState drain;

    ReadyRoute(Responder responder, DrainState drain) {
        this.responder = responder;
        this.drain = drain;
    }

    void register(RouteTable routes) {
        routes.get(PATH, ctx -> {
            if (drain.draining()) {
                throw new ProblemException(ProblemType.UNAVAILABLE,
                        "draining: this instance is shutting down and takes no new traffic; another instance answers");
            }
            responder.json(ctx, Responder.Caching.NO_STORE, w -> {
                w.generator().writeStartObject();
                w.generator().writeStringField("status", "ready");
                w.generator().writeEndObject();
            });
        });
    }
}
