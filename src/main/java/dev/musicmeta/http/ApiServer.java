package dev.musicmeta.http;

import dev.musicmeta.catalog.Catalog;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP API over a {@link Catalog}: routes, problem documents, rate limiting, caching headers,
 * compression and the access log, on Javalin and Jetty.
 *
 * <pre>{@code
 * try (ApiServer server = new ApiServer(catalog, ServerConfig.defaults().withAddress("127.0.0.1", 0)).start()) {
 *     URI base = server.baseUri();
 * }
 * }</pre>
 *
 * <p>{@link #stop()} is graceful: the server stops accepting connections, answers 503 to new
 * requests on open ones and waits up to {@link ServerConfig#stopTimeout()} for those in flight.
 * It does not close the catalog, which belongs to the caller.
 */
public final class ApiServer implements AutoCloseable {

    private final ServerConfig config;
    private final RateLimit rateLimit;
    private final Javalin app;

    public ApiServer(Catalog catalog, ServerConfig config) {
        this.config = config;
        this.rateLimit = new RateLimit(config.rateLimit(), config.rateBurst());
        Responder responder = new Responder(config.cacheMaxAge().toSeconds());
        DocsRoutes docs = new DocsRoutes(responder);
        this.app = Javalin.create(javalin -> {
            configure(javalin);
            RouteTable routes = new RouteTable(javalin.routes);
            javalin.routes.before(this::limitRate);
            new LookupRoutes(catalog, responder).register(routes);
            new SearchRoutes(catalog, responder).register(routes);
            new BatchRoutes(catalog, responder).register(routes);
            new HealthRoute(responder).register(routes);
            docs.register(routes);
            new ProblemHandlers(responder, routes).register(javalin.routes);
        });
    }

    private void configure(JavalinConfig javalin) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.startup.startupWatcherEnabled = false;
        javalin.http.compressionStrategy = CompressionStrategy.NONE; // Responder compresses, knowing the ETag
        javalin.http.generateEtags = false;
        javalin.http.prefer405over404 = true;
        javalin.http.maxRequestSize = BatchRoutes.MAX_BODY_BYTES;
        javalin.jetty.host = config.host() == null || config.host().isEmpty() ? null : config.host();
        javalin.jetty.port = config.port();
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        javalin.jetty.modifyServer(server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            server.setRequestLog(new AccessLog(config.trustProxy()));
            server.setStopTimeout(config.stopTimeout().toMillis());
            server.insertHandler(new GracefulHandler());
        });
        javalin.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler()));
    }

    private void limitRate(Context ctx) {
        String path = ctx.path();
        if (path.equals(HealthRoute.PATH) || path.equals(HealthRoute.PATH + "/") || !rateLimit.enabled()) {
            return;
        }
        String client = ClientAddress.resolve(ctx.req().getRemoteAddr(), java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")),
                config.trustProxy());
        long retryAfter = rateLimit.acquire(client);
        if (retryAfter > 0) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "more than " + config.rateLimit()
                    + " requests a second (bursts of " + config.rateBurst() + ") from one client; retry after "
                    + retryAfter + " s", Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    /** Binds and starts serving; returns this server. */
    public ApiServer start() {
        app.start();
        return this;
    }

    /** The bound port (the chosen one when the config asked for port 0). */
    public int port() {
        return app.port();
    }

    /** Stops gracefully; see the class comment. */
    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Buckets the rate limiter holds right now. */
    long rateLimitedClients() {
        return rateLimit.size();
    }
}
