package dev.musicmeta.http;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.http.spotify.SpotifyApi;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Stopping loses no request that reached the server. {@link #shutDown()}, what SIGTERM does,
 * begins draining at once ({@link #drainState()}: {@code /ready} answers 503 and every answer
 * carries {@code Connection: close}), keeps accepting for {@link ServerConfig#shutdownDelay()} so
 * that load balancers stop routing here first, then stops. {@link #stop()} stops accepting,
 * closes connections that are between requests, lets requests in flight finish within
 * {@link ServerConfig#stopTimeout()} and cuts what is left. Neither closes the catalog, which
 * belongs to the caller.
 *
 * <p>Reading requests is bounded ({@link ConnectionLimits}): deadlines on headers
 * ({@link HeaderDeadline}) and bodies ({@link BodyReader}), caps on connections in total and per
 * client ({@link ConnectionGuard}), and a listen backlog for bursts.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int MAX_THREADS = 250;
    private static final int MIN_THREADS = 8;
    private static final int IDLE_THREAD_MILLIS = 60_000;
    /** File descriptors kept for the catalog, the index, the jars and logs when capping connections. */
    private static final int RESERVED_DESCRIPTORS = 256;

    private final ServerConfig config;
    private final RateLimit rateLimit;
    private final ApiKeys apiKeys;
    private final KeyRateLimits keyRateLimits;
    private final CompletableFuture<? extends Catalog> catalog;
    private final DrainState drain = new DrainState();
    private final int maxConnections;
    private final AccessLog accessLog;
    private final Javalin app;
    private volatile Server jetty;

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
        this(catalog, config, apiKeys, () -> Readiness.NONE);
    }

    /**
     * A server whose {@code /ready} also reports {@code readiness} (asked on every probe, once the
     * catalog has opened: it must be cheap) and answers 503 while a component is not ready.
     */
    public ApiServer(CompletableFuture<? extends Catalog> catalog, ServerConfig config, ApiKeys apiKeys,
                     Supplier<Readiness> readiness) {
        this.config = config;
        this.catalog = catalog;
        this.apiKeys = apiKeys;
        this.rateLimit = new RateLimit(config.rateLimit(), config.rateBurst());
        this.keyRateLimits = new KeyRateLimits(config.rateLimit(), config.rateBurst());
        this.maxConnections = maxConnections(config.limits().maxConnections());
        this.accessLog = new AccessLog(config.trustedProxies(), config.accessLogFields(), config.accessLog(),
                config.accessLogProbes());
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
            new ReadyRoute(responder, drain, readiness).register(routes);
            new LookupRoutes(opened, responder).register(routes);
            new SearchRoutes(opened, responder).register(routes);
            new BatchRoutes(opened, responder).register(routes);
            new SpotifyApi(opened, spotifyKeys.access(), config.trustProxy())
                    .register(new SpotifyMount(routes, javalin.routes, responder));
            new DocsRoutes(responder).register(routes);
            new ProblemPages(responder).register(routes);
            ProblemHandlers problems = new ProblemHandlers(responder, routes);
            problems.register(javalin.routes);
            problems.registerErrors(javalin.router);
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
            connector.setAcceptQueueSize(config.limits().acceptQueue());
            connector.setShutdownIdleTimeout(-1); // GracefulDrain closes idle connections; in-flight ones finish
            connector.addBean(new ConnectionGuard(maxConnections, config.limits().maxConnectionsPerClient(),
                    config.trustedProxies()));
            connector.addBean(new HeaderDeadline(connector, config.limits().headerTimeout(), accessLog));
            return connector;
        });
        javalin.jetty.modifyServer(server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            server.setRequestLog(accessLog);
            server.setStopTimeout(config.stopTimeout().toMillis());
            server.setOpenEarly(false); // the connector binds last, once the catalog is open
            // Javalin's default server counts requests (StatisticsHandler) and polls for low resources
            // every second; nothing reads either. GracefulDrain takes the statistics' place.
            server.removeBean(server.getBean(LowResourceMonitor.class));
            GracefulDrain graceful = new GracefulDrain(drain);
            graceful.setHandler(new RequestEdge(config.limits().bodyTimeout())); // Javalin's context goes inside
            server.setHandler(graceful);
            jetty = server;
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
     * Every request counts but probes and preflights, which a browser sends on its own. With API
     * keys on, a request with a valid key counts against its key; any other against its address,
     * and then a data route without a valid key ends in a 401.
     */
    private void limitRate(Context ctx, KeyGate keyGate) {
        if (ProbePaths.is(ctx.path()) || HandlerType.OPTIONS.equals(ctx.method())) {
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
        TrustedProxies proxies = config.trustedProxies();
        String client = ClientAddress.resolve(ctx.req().getRemoteAddr(),
                proxies.enabled() ? Collections.list(ctx.req().getHeaders("X-Forwarded-For")) : null,
                proxies.enabled() ? Collections.list(ctx.req().getHeaders("Forwarded")) : null, proxies);
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

    /** Jetty's server once started, for tests that watch what reaches its request log. */
    Server jetty() {
        return jetty;
    }

    /** The bound port (the chosen one when the config asked for port 0). */
    public int port() {
        return app.port();
    }

    /** The listening connector, for tests that look at what it was given. */
    ServerConnector connector() {
        return (ServerConnector) jetty.getConnectors()[0];
    }

    /** Whether this server is draining, for whatever reports readiness. */
    public DrainState drainState() {
        return drain;
    }

    /** The connection cap in force: the configured one, or less when file descriptors are fewer. */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The graceful shutdown SIGTERM asks for: drains at once, keeps accepting for the configured
     * shutdown delay, then {@link #stop()}s.
     */
    public void shutDown() {
        shutDown(config.shutdownDelay());
    }

    /** As {@link #shutDown()} with another delay (none for a person pressing Ctrl-C). */
    public void shutDown(Duration delay) {
        drain.begin();
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop now
        }
        stop();
    }

    /**
     * Stops accepting, lets requests in flight finish within the drain deadline and cuts the
     * connections still open then; see the class comment. Returns once the server has stopped.
     */
    public void stop() {
        drain.begin();
        if (jetty == null || jetty.isStopped()) {
            return;
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            // Jetty's graceful wait ran out: it has closed what was left and stopped the rest anyway
            LOG.warn("the drain deadline of {} passed with requests in flight; their connections were closed",
                    seconds(config.stopTimeout()));
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * The total connection cap, lowered to what file descriptors allow: past the process's limit
     * accepting would fail over and over instead of refusing at once.
     */
    private static int maxConnections(int configured) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long limit = os.getMaxFileDescriptorCount() - RESERVED_DESCRIPTORS;
            if (limit < configured) {
                int lowered = (int) Math.max(16, limit);
                LOG.warn("the file descriptor limit ({}) allows {} connections, not {}: capping there; raise it with"
                        + " ulimit -n", os.getMaxFileDescriptorCount(), lowered, configured);
                return lowered;
            }
        }
        return configured;
    }

    @Override
    public void close() {
        stop();
    }
}
