package dev.musicmeta.http;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.http.spotify.SpotifyApi;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP API over a {@link Catalog}: routes, problem documents, rate limiting, caching headers,
 * compression, cross-origin access ({@link Cors}) and the access log, on Javalin and Jetty.
 *
 * <pre>{@code
 * try (ApiServer server = new ApiServer(catalog, ServerConfig.defaults().withAddress("127.0.0.1", 0)).start()) {
 *     int port = server.port();
 * }
 * }</pre>
 *
 * <p>The catalog may still be opening when the server is built ({@link #ApiServer(CompletableFuture,
 * ServerConfig)}): {@link #start()} then gets Jetty's threads and handlers going while the catalog
 * opens, and binds the port only once it has. Nothing listens before the catalog can answer, so a
 * first {@code 200} from {@code /health} means lookups work, and a catalog that fails to open
 * leaves nothing bound.
 *
 * <p>{@link #stop()} is graceful: the server stops accepting connections, answers 503 to new
 * requests on open ones and waits up to {@link ServerConfig#stopTimeout()} for those in flight.
 * It does not close the catalog, which belongs to the caller.
 */
public final class ApiServer implements AutoCloseable {

    private static final int MAX_THREADS = 250;
    private static final int MIN_THREADS = 8;
    private static final int IDLE_THREAD_MILLIS = 60_000;

    private final ServerConfig config;
    private final RateLimit rateLimit;
    private final ApiKeys apiKeys;
    private final KeyRateLimits keyRateLimits;
    private final CompletableFuture<? extends Catalog> catalog;
    private final Javalin app;

    /** A server for an open catalog. */
    public ApiServer(Catalog catalog, ServerConfig config) {
        this(CompletableFuture.completedFuture(catalog), config);
    }

    /**
     * A server for a catalog that is still opening; see the class comment.
     *
     * @param catalog completes with the catalog to serve, or exceptionally when it cannot be opened
     */
    public ApiServer(CompletableFuture<? extends Catalog> catalog, ServerConfig config) {
        this(catalog, config, ApiKeys.off());
    }

    /**
     * A server that, with {@code apiKeys} on, requires a key on every data route ({@link KeyGate})
     * and limits keyed requests per key rather than per address.
     */
    public ApiServer(CompletableFuture<? extends Catalog> catalog, ServerConfig config, ApiKeys apiKeys) {
        this.config = config;
        this.catalog = catalog;
        this.apiKeys = apiKeys;
        this.rateLimit = new RateLimit(config.rateLimit(), config.rateBurst());
        this.keyRateLimits = new KeyRateLimits(config.rateLimit(), config.rateBurst());
        Supplier<Catalog> opened = catalog::join; // requests arrive once the port is bound, i.e. once it completed
        Responder responder = new Responder(config.cacheMaxAge().toSeconds(), apiKeys.enabled());
        this.app = Javalin.create(javalin -> {
            configure(javalin);
            RouteTable routes = new RouteTable(javalin.routes);
            SpotifyKeys spotifyKeys = new SpotifyKeys(apiKeys);
            if (rateLimit.enabled() || apiKeys.enabled()) {
                KeyGate keyGate = new KeyGate(apiKeys, routes, spotifyKeys::keyOfToken);
                javalin.routes.before(ctx -> limitRate(ctx, keyGate));
            }
            new HealthRoute(responder).register(routes);
            new LookupRoutes(opened, responder).register(routes);
            new SearchRoutes(opened, responder).register(routes);
            new BatchRoutes(opened, responder).register(routes);
            new SpotifyApi(opened, spotifyKeys.access(), config.trustProxy())
                    .register(new SpotifyMount(routes, javalin.routes, responder));
            new DocsRoutes(responder).register(routes);
            new ProblemPages(responder).register(routes);
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
        javalin.jetty.threadPool = threadPool();
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        javalin.jetty.addConnector((server, http) -> {
            GatedConnector connector = new GatedConnector(server, http, catalog);
            connector.setHost(config.host() == null || config.host().isEmpty() ? null : config.host());
            connector.setPort(config.port());
            return connector;
        });
        javalin.jetty.modifyServer(server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            server.setRequestLog(new AccessLog(config.trustProxy(), config.accessLogFields()));
            server.setStopTimeout(config.stopTimeout().toMillis());
            server.setOpenEarly(false); // the connector binds last, once the catalog is open
            // Javalin's default server counts requests (StatisticsHandler) and polls for low resources
            // every second; nothing reads either. The graceful handler takes the statistics' place.
            server.removeBean(server.getBean(LowResourceMonitor.class));
            server.setHandler(new GracefulHandler());
        });
        javalin.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(new ProblemErrorHandler());
            // The API is stateless; Javalin's context always has a session handler (it cannot be
            // removed), so at least it looks for no session id in each request's cookies or URL.
            context.getSessionHandler().setUsingCookies(false);
            context.getSessionHandler().setUsingUriParameters(false);
        });
    }

    /**
     * Javalin's pool without its default queue, whose class asks JMX for the JVM's pointer size at
     * load time (50 ms of start-up for a padding hint).
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_THREAD_MILLIS,
                new LinkedBlockingQueue<>());
        pool.setName("http");
        return pool;
    }

    /**
     * Every request counts but /health and preflights, which a browser sends on its own. With API
     * keys on, a request with a valid key counts against its key; any other against its address,
     * and then a data route without a valid key ends in a 401.
     */
    private void limitRate(Context ctx, KeyGate keyGate) {
        String path = ctx.path();
        if (path.equals(HealthRoute.PATH) || path.equals(HealthRoute.PATH + "/")
                || HandlerType.OPTIONS.equals(ctx.method())) {
            return;
        }
        KeyGate.Credential credential = keyGate.authenticate(ctx);
        if (credential.key() != null) {
            limitKey(credential.key());
            return;
        }
        limitAddress(ctx);
        keyGate.require(ctx, credential);
    }

    private void limitKey(ApiKey key) {
        long retryAfter = keyRateLimits.acquire(key);
        if (retryAfter > 0) {
            KeyRateLimits.Limits limits = keyRateLimits.limits(key);
            throw new ProblemException(ProblemType.RATE_LIMITED, "more than " + limits.perSecond()
                    + " requests a second (bursts of " + limits.burst() + ") with this API key; retry after "
                    + retryAfter + " s", Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    private void limitAddress(Context ctx) {
        String client = ClientAddress.resolve(ctx.req().getRemoteAddr(),
                config.trustProxy() ? Collections.list(ctx.req().getHeaders("X-Forwarded-For")) : null,
                config.trustProxy());
        long retryAfter = rateLimit.acquire(client);
        if (retryAfter > 0) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "more than " + config.rateLimit()
                    + " requests a second (bursts of " + config.rateBurst() + ") from one client; retry after "
                    + retryAfter + " s", Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    /**
     * Starts serving: Jetty's threads and handlers at once, the listening socket once the catalog
     * has opened. Returns this server.
     *
     * @throws IllegalStateException when the catalog failed to open (its failure is the cause); the
     *                               server is stopped and nothing was bound
     */
    public ApiServer start() {
        app.start();
        if (catalog.isCompletedExceptionally()) {
            app.stop();
            Throwable failure = catalog.handle((c, e) -> e).join();
            if (failure instanceof CompletionException && failure.getCause() != null) {
                failure = failure.getCause();
            }
            throw new IllegalStateException("the catalog did not open; nothing was bound", failure);
        }
        return this;
    }

    /** The API keys this server checks ({@link ApiKeys#off()} when none). */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** Jetty's server, for tests that watch what reaches its request log. */
    org.eclipse.jetty.server.Server jetty() {
        return app.jettyServer().server();
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
}
