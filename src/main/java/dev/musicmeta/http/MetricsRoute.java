package dev.musicmeta.http;

import java.io.ByteArrayOutputStream;

/**
 * {@code GET /metrics}: every meter of {@link ServiceMetrics} in the Prometheus text format, for a
 * scraper. Never rate limited ({@link ProbePaths}), never cached, and open with API keys on
 * ({@link KeyGate}): scrapers carry no key, and {@code --admin-addr} is how to keep it private.
 */
final class MetricsRoute {

    static final String PATH = "/metrics";
    /** The Prometheus text exposition format, version 0.0.4: what every Prometheus reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Responder responder;
    private final ServiceMetrics metrics;

    MetricsRoute(Responder responder, ServiceMetrics metrics) {
        this.responder = responder;
        this.metrics = metrics;
    }

    void register(RouteTable routes) {
        routes.get(PATH, ctx -> {
            ByteArrayOutputStream text = new ByteArrayOutputStream(64 * 1024);
            metrics.scrape(text);
            responder.body(ctx, CONTENT_TYPE, text.toByteArray(), Responder.Caching.NO_STORE);
        });
    }
}
