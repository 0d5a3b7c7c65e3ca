package dev.musicmeta.cli;

import dev.musicmeta.catalog.LiveCatalog;
import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.http.ApiKeys;
import dev.musicmeta.http.ApiServer;
import dev.musicmeta.http.BuildInfo;
import dev.musicmeta.http.ConnectionLimits;
import dev.musicmeta.http.ServerConfig;
import dev.musicmeta.http.ServiceInfo;
import dev.musicmeta.http.ServiceMetrics;
import dev.musicmeta.http.TrustedProxies;
import dev.musicmeta.sample.ExampleRecordings;
import dev.musicmeta.search.IndexBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        defaultValueProvider = EnvironmentDefaults.class,
        sortOptions = false,
        description = {
            "Serves a catalog over HTTP, with its API docs at /docs.",
            "Lookups by id and ISRC, search, and batch lookups, read-only from the SQLite files. Every option"
                    + " can also be set with the environment variable shown in its description (MMA_ and the"
                    + " option's name); on/off options take true/false, yes/no, on/off or 1/0."},
        footer = {
            "",
            "Stops gracefully on SIGTERM: /ready answers 503 at once and every answer closes its connection; new"
                    + " connections are accepted for --shutdown-delay more, then requests in flight get up to"
                    + " --drain-timeout to finish, and the program exits 0. SIGINT (Ctrl-C) skips the delay.",
            "On SIGHUP, or --refresh-check seconds after new catalog files (and their index) were renamed into place or"
                    + " a symlink on their path was pointed elsewhere, the new files are opened, checked and served"
                    + " without dropping a request; files that fail their checks are refused with a log line and"
                    + " the catalog served goes on. Never overwrite a served file in place.",
            "Exit code 2: bad option, or a catalog file that is missing, unreadable or wrong.",
            "The Go server's single-dash spellings work too: -db PATH -addr :8080."})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    /**
     * Proxies and clients give up on a request long before this; a longer search would only hold
     * one of the connections kept for searches.
     */
    static final long MAX_SEARCH_TIMEOUT_SECONDS = 300;

    /** Bounds the deadlines and delays: an hour is past anything a client or an orchestrator waits. */
    static final long MAX_WAIT_SECONDS = 3600;

    @Spec
    CommandSpec spec;

    @Option(names = {"--db", "-db"}, paramLabel = "PATH", defaultValue = "${env:MMA_DB}",
            description = "main_database.sqlite3 of the snapshot, or the folder holding it (env MMA_DB).")
    Path db;

    @Option(names = "--track-files", paramLabel = "PATH", defaultValue = "${env:MMA_TRACK_FILES}",
            description = "track_files.sqlite3; default: beside the main file, if there (env MMA_TRACK_FILES).")
    Path trackFiles;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:MMA_INDEX}",
            description = "Search index folder made by 'index'; default: search-index beside the main file, used"
                    + " when there (env MMA_INDEX).")
    Path index;

    @Option(names = "--require-index", defaultValue = "${env:MMA_REQUIRE_INDEX:-false}",
            description = "/ready answers 503 while search runs without a current search index (none, stale,"
                    + " of another format or unreadable) instead of falling back to a scan (env MMA_REQUIRE_INDEX).")
    boolean requireIndex;

    @Option(names = {"--addr", "-addr"}, paramLabel = "[HOST]:PORT", defaultValue = "${env:MMA_ADDR:-:8080}",
            description = "Address to listen on; :0 picks a free port (env MMA_ADDR; default ${DEFAULT-VALUE}).")
    String addr;

    @Option(names = "--admin-addr", paramLabel = "[HOST]:PORT", defaultValue = "${env:MMA_ADMIN_ADDR}",
            description = "Serve /metrics, /ready and /info on this address only, a port kept unpublished; on --addr"
                    + " they then answer 404 (env MMA_ADMIN_ADDR; default: with the API on --addr).")
    String adminAddr;

    @Option(names = "--demo", defaultValue = "${env:MMA_DEMO:-false}",
            description = "Without --db: serve a generated sample catalog, made once and kept (env MMA_DEMO).")
    boolean demo;

    @Option(names = "--demo-dir", paramLabel = "DIR", defaultValue = "${env:MMA_DEMO_DIR}",
            description = "Where --demo keeps its catalog; default $XDG_CACHE_HOME/music-metadata-api/demo,"
                    + " else ~/.cache/music-metadata-api/demo (env MMA_DEMO_DIR).")
    Path demoDir;

    @Option(names = "--demo-tracks", paramLabel = "N",
            defaultValue = "${env:MMA_DEMO_TRACKS:-" + DemoCatalog.DEFAULT_TRACKS + "}",
            description = "Size of a newly generated demo catalog (env MMA_DEMO_TRACKS; default ${DEFAULT-VALUE}).")
    long demoTracks;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "${env:MMA_RATE_LIMIT:-100}",
            description = "Requests a second per client; 0 turns rate limiting off (env MMA_RATE_LIMIT;"
                    + " default ${DEFAULT-VALUE}).")
    long rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "${env:MMA_RATE_BURST:-200}",
            description = "Requests a client may send at once before the rate applies; 0 turns rate limiting off"
                    + " (env MMA_RATE_BURST; default ${DEFAULT-VALUE}).")
    long rateBurst;

    @Option(names = "--trust-proxy", paramLabel = "CIDR[,CIDR...]", arity = "0..1", fallbackValue = "true",
            defaultValue = "${env:MMA_TRUST_PROXY:-false}",
            description = "Behind reverse proxies: alone, the immediate peer is a proxy and the client is the last"
                    + " X-Forwarded-For address; with CIDR blocks (e.g. 10.0.0.0/8,2001:db8::/32), the client is the"
                    + " first address from the right of X-Forwarded-For (else Forwarded) that is not in them"
                    + " (env MMA_TRUST_PROXY: true, or the blocks).")
    String trustProxy;

    @Option(names = "--cache-max-age", paramLabel = "SECONDS", defaultValue = "${env:MMA_CACHE_MAX_AGE:-86400}",
            description = "max-age of Cache-Control on lookups, searches and docs (env MMA_CACHE_MAX_AGE;"
                    + " default ${DEFAULT-VALUE}).")
    long cacheMaxAge;

    @Option(names = "--search-timeout", paramLabel = "SECONDS",
            defaultValue = "${env:MMA_SEARCH_TIMEOUT:-" + SqliteOptions.DEFAULT_SEARCH_BUDGET_SECONDS + "}",
            description = "Time budget of one search in seconds, 1 to " + MAX_SEARCH_TIMEOUT_SECONDS
                    + "; past it the search answers 504; also how long it may wait for its turn with the index"
                    + " (503 with Retry-After past it) (env MMA_SEARCH_TIMEOUT; default ${DEFAULT-VALUE}).")
    long searchTimeout;

    @Option(names = "--catalog-queue", paramLabel = "N",
            defaultValue = "${env:MMA_CATALOG_QUEUE:-" + SqliteOptions.DEFAULT_QUEUE_LENGTH + "}",
            description = "Requests that may wait for a catalog connection while all are busy; one more gets 503"
                    + " with Retry-After (env MMA_CATALOG_QUEUE; default ${DEFAULT-VALUE}).")
    int catalogQueue;

    @Option(names = "--catalog-cache", paramLabel = "MiB",
            defaultValue = "${env:MMA_CATALOG_CACHE:-" + (SqliteOptions.DEFAULT_CACHE_BYTES >> 20) + "}",
            description = "Heap for the caches of assembled artists and albums, in MiB (estimated); 0 turns them off."
                    + " Raise it with the heap (-Xmx) (env MMA_CATALOG_CACHE; default ${DEFAULT-VALUE}).")
    long catalogCache;

    @Option(names = "--refresh-check", paramLabel = "SECONDS", defaultValue = "${env:MMA_REFRESH_CHECK:-10}",
            description = "How often to look for new catalog files renamed into place (or a symlink pointed"
                    + " elsewhere) and serve them without a restart; 0: only on SIGHUP (env MMA_REFRESH_CHECK;"
                    + " default ${DEFAULT-VALUE}).")
    long refreshCheck;

    @Option(names = "--header-timeout", paramLabel = "SECONDS",
            defaultValue = "${env:MMA_HEADER_TIMEOUT:-10}",
            description = "A request's line and headers must arrive within this after its first byte, else 408"
                    + " (env MMA_HEADER_TIMEOUT; default ${DEFAULT-VALUE}).")
    long headerTimeout;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "${env:MMA_BODY_TIMEOUT:-10}",
            description = "A request's body must arrive whole within this after its headers, else 408"
                    + " (env MMA_BODY_TIMEOUT; default ${DEFAULT-VALUE}).")
    long bodyTimeout;

    @Option(names = "--max-connections", paramLabel = "N",
            defaultValue = "${env:MMA_MAX_CONNECTIONS:-" + ConnectionLimits.DEFAULT_MAX_CONNECTIONS + "}",
            description = "Open connections in all; more are closed at once (lowered to what the file descriptor"
                    + " limit allows) (env MMA_MAX_CONNECTIONS; default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-connections-per-client", paramLabel = "N",
            defaultValue = "${env:MMA_MAX_CONNECTIONS_PER_CLIENT:-" + ConnectionLimits.DEFAULT_MAX_CONNECTIONS_PER_CLIENT
                    + "}",
            description = "Open connections from one address; more are closed at once; trusted proxies are exempt"
                    + " (env MMA_MAX_CONNECTIONS_PER_CLIENT; default ${DEFAULT-VALUE}).")
    int maxConnectionsPerClient;

    @Option(names = "--backlog", paramLabel = "N",
            defaultValue = "${env:MMA_BACKLOG:-" + ConnectionLimits.DEFAULT_ACCEPT_QUEUE + "}",
            description = "Listen backlog: connections the kernel holds until they are accepted, for bursts; the"
                    + " kernel caps it at net.core.somaxconn (env MMA_BACKLOG; default ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = "--shutdown-delay", paramLabel = "SECONDS", defaultValue = "${env:MMA_SHUTDOWN_DELAY:-5}",
            description = "On SIGTERM, keep accepting this long while /ready answers 503, so load balancers stop"
                    + " routing here first (env MMA_SHUTDOWN_DELAY; default ${DEFAULT-VALUE}).")
    long shutdownDelay;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "${env:MMA_DRAIN_TIMEOUT:-10}",
            description = "Then, how long requests in flight get to finish before their connections are cut"
                    + " (env MMA_DRAIN_TIMEOUT; default ${DEFAULT-VALUE}).")
    long drainTimeout;

    @Option(names = "--access-log", paramLabel = "all|errors|off", defaultValue = "${env:MMA_ACCESS_LOG:-all}",
            description = "Which requests get an access log line: all, errors (4xx and 5xx) or off"
                    + " (env MMA_ACCESS_LOG; default ${DEFAULT-VALUE}).")
    AccessLogOption accessLog;

    @Option(names = "--access-log-probes", defaultValue = "${env:MMA_ACCESS_LOG_PROBES:-false}",
            description = "Also log /health, /ready and /metrics, which are left out otherwise"
                    + " (env MMA_ACCESS_LOG_PROBES).")
    boolean accessLogProbes;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${env:MMA_LOG_FORMAT:-text}",
            description = "Log lines for people (text) or one JSON object per line (json)"
                    + " (env MMA_LOG_FORMAT; default ${DEFAULT-VALUE}).")
    LogFormat logFormat;

    @Option(names = "--api-keys", paramLabel = "FILE", defaultValue = "${env:MMA_API_KEYS}",
            description = "Require an API key (Authorization: Bearer <key> or X-Api-Key) on every data route."
                    + " FILE holds one key a line: NAME SHA256 [RATE] [BURST], as 'keys NAME' prints it;"
                    + " reread when it changes (env MMA_API_KEYS).")
    Path apiKeys;

    @Override
    public Integer call() throws Exception {
        logFormat.apply();
        ServeWarmUp.start(); // once logging is set up: what it initializes gets its loggers
        ServerConfig config;
        SqliteOptions options;
        try {
            config = config();
            options = catalogOptions();
            within("--refresh-check", refreshCheck, 0, MAX_WAIT_SECONDS);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (db == null && !demo) {
            return usage("serve needs --db PATH (main_database.sqlite3 of the snapshot), or --demo to serve a"
                    + " generated sample catalog");
        }
        ApiKeys keys;
        try {
            keys = apiKeys == null ? ApiKeys.off() : ApiKeys.load(apiKeys);
        } catch (ApiKeys.InvalidKeysFileException e) {
            String from = source("--api-keys");
            return fail(2, (from.equals("--api-keys") ? "" : from + ": ") + e.getMessage());
        }
        Path main = db;
        if (main == null) {
            Path dir = demoDir != null ? demoDir : DemoCatalog.defaultDir();
            try {
                main = DemoCatalog.ensure(dir, demoTracks);
                DemoSearchIndex.ensure(main);
            } catch (IOException | UncheckedIOException e) {
                return fail(1, "cannot write the demo catalog into " + dir + ": " + rootMessage(e));
            }
        }
        // The catalog and its search index open on their own thread while Jetty starts on this one;
        // the server binds its port only once the catalog has (see ApiServer), so a bad file still
        // ends the program before anything listens. Opening first and starting Jetty after would add
        // the shorter of the two to every start: each is mostly loading classes, about 0.8 s of
        // one core for the catalog (SQLite's native library, Lucene) and 0.35 s for Jetty, taking
        // the 1.3 s start to a first 200 on 1 M tracks near the 2 s target (bench/RESULTS.md).
        // The index beside the catalog has only its manifest read and checked before that; its
        // readers open once the server listens, /ready answering 503 until they have (LateIndex).
        CompletableFuture<Void> listening = new CompletableFuture<>();
        CompletableFuture<OpenCatalog> opening = OpenCatalog.inBackground(
                CatalogFiles.resolve(main, trackFiles), index, options, listening);
        // -Dmma.metrics=off: nothing recorded, the baseline bench/metrics-cost.py measures metrics against
        ServiceMetrics metrics = "off".equalsIgnoreCase(System.getProperty("mma.metrics")) ? ServiceMetrics.off()
                : ServiceMetrics.later(BuildInfo.current()); // the JVM's meters bound once serving
        // What the routes are given: the catalog opened now, replaced whole by a refresh (CatalogRefresh).
        CompletableFuture<LiveCatalog> live = opening.thenApply(
                opened -> new LiveCatalog(CatalogMetrics.bind(opened, metrics), LOG::info));
        // /ready reports the catalog served now: the one opened at start-up until the refresh
        // exists, then whatever it serves (each SqliteCatalog a refresh opens has its own probe).
        AtomicReference<CatalogRefresh> refreshing = new AtomicReference<>();
        ApiServer server = new ApiServer(live, config, keys, metrics, new ServedReadiness(() -> {
            CatalogRefresh refresh = refreshing.get();
            return refresh != null ? refresh.current() : opening.join();
        }, requireIndex));
        // /info describes the catalog served: gathered once the server listens, and again after each refresh
        AtomicReference<CompletableFuture<ServiceInfo>> facts = new AtomicReference<>(
                opening.thenCombineAsync(listening, (opened, ignored) -> describe(opened)));
        server.info(() -> facts.get().getNow(ServiceInfo.buildOnly()));
        CatalogMetrics.bindFacts(facts.get(), metrics);
        try {
            server.start();
        } catch (RuntimeException e) {
            listening.completeExceptionally(e);
            metrics.close();
            Throwable failure = opening.handle((opened, t) -> t).join(); // failed with the cause itself
            if (failure instanceof CatalogFileException || failure instanceof SearchSetup.IndexUnavailableException) {
                return fail(2, failure.getMessage());
            }
            if (failure != null) {
                throw new IllegalStateException("the catalog did not open", failure);
            }
            opening.join().close();
            return fail(1, "cannot listen on " + addr + ": " + rootMessage(e));
        }
        listening.complete(null);
        // Closed in reverse order: the server stops before the catalog it serves closes.
        try (ServiceMetrics meters = metrics;
             CatalogRefresh refresh = new CatalogRefresh(main, trackFiles, index, options, opening.join(), live.join(),
                     Duration.ofSeconds(refreshCheck), opened -> {
                         CatalogMetrics.bind(opened, metrics);
                         facts.set(CompletableFuture.supplyAsync(() -> describe(opened)));
                         CatalogMetrics.bindFacts(facts.get(), metrics);
                     });
             ApiServer running = server) {
            refreshing.set(refresh);
            return serve(refresh, running, config);
        }
    }

    /** What /info says of {@code opened}: its files and, when searches use it, its index. */
    private ServiceInfo describe(OpenCatalog opened) {
        return ServiceFacts.describe(opened.sqlite().files(), !opened.searchesIndex() ? null
                : index != null ? index : IndexBuilder.defaultFolder(opened.sqlite().files().main()));
    }

    private int serve(CatalogRefresh refresh, ApiServer server, ServerConfig config) throws InterruptedException {
        OpenCatalog opened = refresh.current();
        SqliteCatalog catalog = opened.sqlite();
        ShutdownSignal signal = new ShutdownSignal();
        Thread hook = new Thread(server::stop, "graceful-stop"); // kill without a catchable signal, e.g. -Xrs
        Runtime.getRuntime().addShutdownHook(hook);
        // Before the start-up lines: a SIGHUP sent once "API docs at" is logged must find its handler.
        refresh.start();
        String host = ListenAddress.parse(addr).displayHost();
        LOG.info("serving {} on http://{}:{}", catalog.files().main(), host, server.port());
        ConnectionLimits limits = config.limits();
        LOG.info("limits: request headers within {} s, bodies within {} s; {} connections, {} per client address;"
                + " backlog {}", limits.headerTimeout().toSeconds(), limits.bodyTimeout().toSeconds(),
                server.maxConnections(), limits.maxConnectionsPerClient(), limits.acceptQueue());
        if (config.trustedProxies().enabled()) {
            LOG.info("clients are named by X-Forwarded-For or Forwarded behind trusted proxies: {}",
                    config.trustedProxies());
        }
        if (requireIndex && opened.index() != SearchSetup.IndexState.CURRENT) {
            LOG.warn("--require-index: the search index is {}, so /ready answers 503 until a current one is served",
                    opened.index().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        LOG.info("API docs at http://{}:{}/docs", host, server.port());
        if (server.adminPort() >= 0) {
            String adminHost = ListenAddress.parse(adminAddr).displayHost();
            LOG.info("/metrics, /ready and /info on http://{}:{} only", adminHost, server.adminPort());
        }
        if (server.apiKeys().enabled()) {
            LOG.info("API keys required on data routes: {} keys from {}, reread when it changes",
                    server.apiKeys().size(), server.apiKeys().file());
        }
        if (db == null) { // the demo holds the recordings of the README's examples
            for (String path : ExampleRecordings.TRY_PATHS) {
                LOG.info("try http://{}:{}{}", host, server.port(), path);
            }
        }
        server.metrics().bindJvmMeters();
        String name = signal.await();
        Duration delay = name.equals("SIGINT") ? Duration.ZERO : config.shutdownDelay();
        LOG.info("{}: draining: /ready answers 503; accepting for {} s more, then requests in flight get up to {} s",
                name, delay.toSeconds(), config.stopTimeout().toSeconds());
        server.shutDown(delay);
        Runtime.getRuntime().removeShutdownHook(hook);
        LOG.info("caches of this run: {}", refresh.current().sqlite().cacheStats().summary());
        LOG.info("stopped");
        return 0;
    }

    private ServerConfig config() {
        ListenAddress address = ListenAddress.parse(addr, source("--addr"));
        atLeast(rateLimit, 0, "--rate-limit");
        atLeast(rateBurst, 0, "--rate-burst");
        atLeast(cacheMaxAge, 0, "--cache-max-age");
        atLeast(demoTracks, 1, "--demo-tracks");
        return ServerConfig.defaults()
                .withAddress(address.host(), address.port())
                .withRateLimit(rateLimit, rateBurst)
                .withTrustedProxies(trustedProxies())
                .withCacheMaxAge(Duration.ofSeconds(cacheMaxAge))
                .withAccessLogFields(logFormat == LogFormat.json)
                .withLimits(limits())
                .withShutdownDelay(Duration.ofSeconds(within("--shutdown-delay", shutdownDelay, 0, MAX_WAIT_SECONDS)))
                .withStopTimeout(Duration.ofSeconds(within("--drain-timeout", drainTimeout, 0, MAX_WAIT_SECONDS)))
                .withAccessLog(accessLog.mode(), accessLogProbes)
                .withAdmin(admin(address));
    }

    /** The admin listener of --admin-addr, or null; on another port than the API's. */
    private ServerConfig.Admin admin(ListenAddress api) {
        if (adminAddr == null || adminAddr.isBlank()) {
            return null;
        }
        ListenAddress admin = ListenAddress.parse(adminAddr, source("--admin-addr"));
        if (admin.port() != 0 && admin.port() == api.port()) {
            throw new IllegalArgumentException(source("--admin-addr") + " must be another port than "
                    + source("--addr") + "'s (" + api.port() + "), not " + adminAddr);
        }
        return new ServerConfig.Admin(admin.host(), admin.port());
    }

    private ConnectionLimits limits() {
        return ConnectionLimits.defaults()
                .withTimeouts(Duration.ofSeconds(within("--header-timeout", headerTimeout, 1, MAX_WAIT_SECONDS)),
                        Duration.ofSeconds(within("--body-timeout", bodyTimeout, 1, MAX_WAIT_SECONDS)))
                .withMaxConnections((int) within("--max-connections", maxConnections, 1, Integer.MAX_VALUE),
                        (int) within("--max-connections-per-client", maxConnectionsPerClient, 1, Integer.MAX_VALUE))
                .withAcceptQueue((int) within("--backlog", backlog, 1, 65535));
    }

    private long within(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(source(option) + " must be " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** --trust-proxy's proxies; an error names MMA_TRUST_PROXY when the value came from it. */
    private TrustedProxies trustedProxies() {
        try {
            return TrustedProxies.parse(trustProxy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^--trust-proxy", source("--trust-proxy")));
        }
    }

    private void atLeast(long value, long min, String option) {
        if (value < min) {
            throw new IllegalArgumentException(source(option) + " must be at least " + min + ", not " + value);
        }
    }

    /** How a message names an option's value: its MMA_* variable when that is where the value came from. */
    private String source(String option) {
        return spec == null ? option : EnvironmentDefaults.source(spec, option);
    }

    /** The catalog's tuning: the defaults, with the search budget of --search-timeout. */
    SqliteOptions catalogOptions() {
        if (searchTimeout < 1 || searchTimeout > MAX_SEARCH_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(source("--search-timeout") + " must be 1 to "
                    + MAX_SEARCH_TIMEOUT_SECONDS + " seconds, not " + searchTimeout);
        }
        return SqliteOptions.defaults().withSearchBudget(Duration.ofSeconds(searchTimeout))
                .withQueueLength((int) within("--catalog-queue", catalogQueue, 0, 10_000))
                .withCacheBytes(within("--catalog-cache", catalogCache, 0, 1L << 20) << 20);
    }

    private int usage(String message) {
        StderrAppender.flushAll();
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.println("Try 'serve --help' for more information.");
        err.flush();
        return 2;
    }

    private int fail(int code, String message) {
        StderrAppender.flushAll(); // log lines from opening the catalog come before the error
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
        return code;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
