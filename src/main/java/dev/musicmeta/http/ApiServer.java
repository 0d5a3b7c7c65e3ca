package dev.musicmeta.http;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.http.spotify.SpotifyApi;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
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
 * <p>{@code /health} and the lookups are answered ahead of Javalin, on Jetty's core API
 * ({@link CoreRoutes}), by the same route code and with the same answers; everything else, and
 * every failure, goes through Javalin.
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
    private static final String ADMIN_CONNECTOR = "admin";
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
    private final ServiceMetrics metrics;
    private final boolean ownsMetrics;
    private final HttpMetrics httpMetrics;
    private volatile Supplier<ServiceInfo> info = ServiceInfo::buildOnly;
    private final CoreRoutes coreRoutes;
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
        this(catalog, config, apiKeys, null);
    }

    /**
     * A server whose {@code /metrics} writes {@code metrics}, where the catalog's meters are too; it
     * adds the HTTP layer's and Jetty's. With {@code metrics} null it makes its own, and closes them
     * when it stops.
     */
    public ApiServer(CompletableFuture<? extends Catalog> catalog, ServerConfig config, ApiKeys apiKeys,
                     ServiceMetrics metrics) {
        this(catalog, config, apiKeys, metrics, () -> Readiness.NONE);
    }

    /**
     * As above, with a {@code /ready} that also reports {@code readiness} (asked on every probe,
     * once the catalog has opened: it must be cheap) and answers 503 while a component is not ready.
     */
    public ApiServer(CompletableFuture<? extends Catalog> catalog, ServerConfig config, ApiKeys apiKeys,
                     ServiceMetrics metrics, Supplier<Readiness> readiness) {
        this.config = config;
        this.ownsMetrics = metrics == null;
        this.metrics = metrics != null ? metrics : ServiceMetrics.create(BuildInfo.current());
        this.httpMetrics = new HttpMetrics(this.metrics.registry());
        this.catalog = catalog;
        this.apiKeys = apiKeys;
        this.rateLimit = new RateLimit(config.rateLimit(), config.rateBurst());
        this.keyRateLimits = new KeyRateLimits(config.rateLimit(), config.rateBurst());
        this.maxConnections = maxConnections(config.limits().maxConnections());
        this.accessLog = new AccessLog(config.trustedProxies(), config.accessLogFields(), config.accessLog(),
                config.accessLogProbes());
        // Requests arrive once the port is bound, i.e. once it completed. Each takes the catalog
        // served at its start and makes all its calls on it, across a refresh (Catalog.current()).
        Supplier<Catalog> opened = () -> catalog.join().current();
        Responder responder = new Responder(config.cacheMaxAge().toSeconds(), apiKeys.enabled());
        HealthRoute health = new HealthRoute(responder);
        LookupRoutes lookups = new LookupRoutes(opened, responder);
        // Ahead of Javalin where no route needs what only Javalin's path does: the admin
        // listener's separation and API keys.
        this.coreRoutes = config.admin() == null && !apiKeys.enabled()
                ? new CoreRoutes(health, rateLimit.enabled() ? this::limitAddress : null, this.metrics.enabled())
                : null;
        if (coreRoutes != null) {
            lookups.register(coreRoutes);
        }
        this.app = Javalin.create(javalin -> {
            configure(javalin);
            RouteTable routes = new RouteTable(javalin.routes);
            SpotifyKeys spotifyKeys = new SpotifyKeys(apiKeys);
            if (coreRoutes != null) { // first: what a route answered there threw is answered here
                javalin.routes.before(ctx -> CoreRoutes.rethrow(ctx.attribute(CoreRoutes.FAILURE_ATTRIBUTE)));
            }
            if (config.admin() != null) {
                javalin.routes.before(ApiServer::separateAdmin);
            }
            if (this.metrics.enabled()) {
                javalin.routes.beforeMatched(ApiServer::recordRoute);
                httpMetrics.routes(routes);
            }
            if (rateLimit.enabled() || apiKeys.enabled()) {
                KeyGate keyGate = new KeyGate(apiKeys, routes, spotifyKeys::keyOfToken);
                javalin.routes.before(ctx -> limitRate(ctx, keyGate));
            }
            health.register(routes);
            new ReadyRoute(responder, drain, readiness).register(routes);
            new MetricsRoute(responder, this.metrics).register(routes);
            new InfoRoute(responder, () -> info.get()).register(routes);
            lookups.register(routes);
            new DiscographyRoutes(opened, responder).register(routes);
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
        QueuedThreadPool pool = threadPool();
        new JettyServerThreadPoolMetrics(pool, Tags.empty()).bindTo(metrics.registry());
        javalin.jetty.threadPool = pool;
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        javalin.jetty.addConnector((server, http) -> connector(server, http, config.host(), config.port(), "api"));
        if (config.admin() != null) {
            javalin.jetty.addConnector((server, http) -> connector(server, http, config.admin().host(),
                    config.admin().port(), ADMIN_CONNECTOR));
        }
        javalin.jetty.modifyServer(server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            server.setRequestLog(metrics.enabled() ? new RequestLog.Collection(accessLog, httpMetrics) : accessLog);
            server.setStopTimeout(config.stopTimeout().toMillis());
            server.setOpenEarly(false); // the connector binds last, once the catalog is open
            // Javalin's default server counts requests (StatisticsHandler) and polls for low resources
            // every second; nothing reads either. GracefulDrain takes the statistics' place.
            server.removeBean(server.getBean(LowResourceMonitor.class));
            GracefulDrain graceful = new GracefulDrain(drain);
            RequestEdge edge = new RequestEdge(config.limits().bodyTimeout()); // Javalin's context goes inside
            if (coreRoutes != null) {
                edge.setHandler(coreRoutes); // and so inside this
            }
            if (metrics.enabled()) {
                httpMetrics.setHandler(edge);
                graceful.setHandler(httpMetrics);
            } else {
                graceful.setHandler(edge);
            }
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

    /** A listener, bound once the catalog is open, with the caps and deadlines on reading requests. */
    private ServerConnector connector(Server server, HttpConfiguration http, String host, int port, String name) {
        GatedConnector connector = new GatedConnector(server, http, catalog);
        connector.setName(name);
        connector.setHost(host == null || host.isEmpty() ? null : host);
        connector.setPort(port);
        connector.setAcceptQueueSize(config.limits().acceptQueue());
        connector.setShutdownIdleTimeout(-1); // GracefulDrain closes idle connections; in-flight ones finish
        connector.addBean(new ConnectionGuard(maxConnections, config.limits().maxConnectionsPerClient(),
                config.trustedProxies()));
        connector.addBean(new HeaderDeadline(connector, config.limits().headerTimeout(), accessLog));
        if (metrics.enabled()) {
            connector.addBean(new JettyConnectionMetrics(metrics.registry(), connector, Tags.of("connector", name)));
        }
        return connector;
    }

    /**
     * With {@code --admin-addr}, each listener answers its own paths: the admin one only
     * {@link AdminPaths}, the API's everything else. A path of the other listener is unknown here.
     */
    private static void separateAdmin(Context ctx) {
        if (onAdmin(ctx) != AdminPaths.is(ctx.path())) {
            throw new ProblemException(ProblemType.UNKNOWN_PATH, ProblemDocument.defaultDetail(404));
        }
    }

    /** Whether the request came in on the admin listener of {@code --admin-addr}. */
    private static boolean onAdmin(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request != null && ADMIN_CONNECTOR.equals(request.getConnectionMetaData().getConnector().getName());
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

    /** Notes the route template the router matched, for {@link HttpMetrics}. */
    private static void recordRoute(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            ctx.attribute(HttpMetrics.ROUTE_ATTRIBUTE, matched.path);
        }
    }

    /**
     * Every request counts but probes, preflights, which a browser sends on its own, and what the
     * admin listener answers (it is not published, so {@code /info} needs no key there). With API
     * keys on, a request with a valid key counts against its key; any other against its address,
     * and then a data route without a valid key ends in a 401.
     */
    private void limitRate(Context ctx, KeyGate keyGate) {
        if (ProbePaths.is(ctx.path()) || HandlerType.OPTIONS.equals(ctx.method())
                || config.admin() != null && onAdmin(ctx)) {
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
            httpMetrics.limitedByKey();
            KeyRateLimits.Limits limits = keyRateLimits.limits(key);
            throw new ProblemException(ProblemType.RATE_LIMITED, "more than " + limits.perSecond()
                    + " requests a second (bursts of " + limits.burst() + ") with this API key; retry after "
                    + retryAfter + " s", Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    private void limitAddress(Context ctx) {
        TrustedProxies proxies = config.trustedProxies();
        limitAddress(ctx.req().getRemoteAddr(),
                proxies.enabled() ? Collections.list(ctx.req().getHeaders("X-Forwarded-For")) : null,
                proxies.enabled() ? Collections.list(ctx.req().getHeaders("Forwarded")) : null);
    }

    /** As {@link #limitAddress(Context)}, for {@link CoreRoutes}. */
    private void limitAddress(Request request) {
        TrustedProxies proxies = config.trustedProxies();
        limitAddress(Request.getRemoteAddr(request),
                proxies.enabled() ? request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR) : null,
                proxies.enabled() ? request.getHeaders().getValuesList(HttpHeader.FORWARDED) : null);
    }

    private void limitAddress(String remoteAddress, List<String> forwardedFor, List<String> forwarded) {
        String client = ClientAddress.resolve(remoteAddress, forwardedFor, forwarded, config.trustedProxies());
        long retryAfter = rateLimit.acquire(client);
        if (retryAfter > 0) {
            httpMetrics.limitedByAddress();
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

    /**
     * Whether {@link CoreRoutes} answers its routes ahead of Javalin (the default where it is
     * installed); off, every request goes through Javalin, for tests that compare the two.
     */
    void coreRoutes(boolean on) {
        if (coreRoutes != null) {
            coreRoutes.enabled(on);
        }
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
        return jetty == null ? app.port() : connector().getLocalPort();
    }

    /** The listening connector, for tests that look at what it was given. */
    ServerConnector connector() {
        return (ServerConnector) jetty.getConnectors()[0];
    }

    /**
     * The bound port of the admin listener ({@code --admin-addr}: /metrics, /ready, /info), or -1
     * when they are served with the API.
     */
    public int adminPort() {
        if (config.admin() == null || jetty == null) {
            return -1;
        }
        for (Connector connector : jetty.getConnectors()) {
            if (ADMIN_CONNECTOR.equals(connector.getName())) {
                return ((ServerConnector) connector).getLocalPort();
            }
        }
        return -1;
    }

    /** Where {@code /info} takes the catalog's and the index's facts from (by default, the build alone). */
    public ApiServer info(Supplier<ServiceInfo> source) {
        this.info = source;
        return this;
    }

    /** The registry {@code /metrics} writes. */
    public ServiceMetrics metrics() {
        return metrics;
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
        if (ownsMetrics) {
            metrics.close();
        }
    }
}
