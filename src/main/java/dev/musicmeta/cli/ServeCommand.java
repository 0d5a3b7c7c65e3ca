package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.http.ApiServer;
import dev.musicmeta.http.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
        sortOptions = false,
        description = {
            "Serves a catalog over HTTP, with its API docs at /docs.",
            "Lookups by id and ISRC, search, and batch lookups, read-only from the SQLite files. Every option"
                    + " can also be set with the environment variable shown in its description."},
        footer = {
            "",
            "Stops gracefully on SIGTERM or SIGINT: in-flight requests get up to 10 s, then exit 0.",
            "Exit code 2: bad option, or a catalog file that is missing, unreadable or wrong.",
            "The Go server's single-dash spellings work too: -db PATH -addr :8080."})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    /**
     * Proxies and clients give up on a request long before this; a longer search would only hold
     * one of the connections kept for searches.
     */
    static final long MAX_SEARCH_TIMEOUT_SECONDS = 300;

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

    @Option(names = {"--addr", "-addr"}, paramLabel = "[HOST]:PORT", defaultValue = "${env:MMA_ADDR:-:8080}",
            description = "Address to listen on; :0 picks a free port (env MMA_ADDR; default ${DEFAULT-VALUE}).")
    String addr;

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

    @Option(names = "--trust-proxy", defaultValue = "${env:MMA_TRUST_PROXY:-false}",
            description = "Behind a reverse proxy: the client is the last X-Forwarded-For address"
                    + " (env MMA_TRUST_PROXY).")
    boolean trustProxy;

    @Option(names = "--cache-max-age", paramLabel = "SECONDS", defaultValue = "${env:MMA_CACHE_MAX_AGE:-86400}",
            description = "max-age of Cache-Control on lookups, searches and docs (env MMA_CACHE_MAX_AGE;"
                    + " default ${DEFAULT-VALUE}).")
    long cacheMaxAge;

    @Option(names = "--search-timeout", paramLabel = "SECONDS",
            defaultValue = "${env:MMA_SEARCH_TIMEOUT:-" + SqliteOptions.DEFAULT_SEARCH_BUDGET_SECONDS + "}",
            description = "Time budget of one search in seconds, 1 to " + MAX_SEARCH_TIMEOUT_SECONDS
                    + "; past it the search answers 504 (env MMA_SEARCH_TIMEOUT; default ${DEFAULT-VALUE}).")
    long searchTimeout;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${env:MMA_LOG_FORMAT:-text}",
            description = "Log lines for people (text) or one JSON object per line (json)"
                    + " (env MMA_LOG_FORMAT; default ${DEFAULT-VALUE}).")
    LogFormat logFormat;

    @Override
    public Integer call() throws Exception {
        logFormat.apply();
        ServerConfig config;
        SqliteOptions options;
        try {
            config = config();
            options = catalogOptions();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (db == null && !demo) {
            return usage("serve needs --db PATH (main_database.sqlite3 of the snapshot), or --demo to serve a"
                    + " generated sample catalog");
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
        // the server binds its port only once they have (see ApiServer), so a bad file still ends
        // the program before anything listens. Opening first and starting Jetty after would add
        // the shorter of the two to every start: each is mostly loading classes, about 0.8 s of
        // one core for the catalog (SQLite's native library, Lucene) and 0.35 s for Jetty, taking
        // the 1.3 s start to a first 200 on 1 M tracks near the 2 s target (bench/RESULTS.md).
        CompletableFuture<OpenCatalog> opening = OpenCatalog.inBackground(
                CatalogFiles.resolve(main, trackFiles), index, options);
        ApiServer server = new ApiServer(opening.thenApply(OpenCatalog::catalog), config);
        try {
            server.start();
        } catch (RuntimeException e) {
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
        // Closed in reverse order: the server stops before the catalog it serves closes.
        try (OpenCatalog opened = opening.join(); ApiServer running = server) {
            return serve(opened.sqlite(), running, config);
        }
    }

    private int serve(SqliteCatalog catalog, ApiServer server, ServerConfig config) throws InterruptedException {
        ShutdownSignal signal = new ShutdownSignal();
        Thread hook = new Thread(server::stop, "graceful-stop"); // kill without a catchable signal, e.g. -Xrs
        Runtime.getRuntime().addShutdownHook(hook);
        String host = ListenAddress.parse(addr).displayHost();
        LOG.info("serving {} on http://{}:{}", catalog.files().main(), host, server.port());
        LOG.info("API docs at http://{}:{}/docs", host, server.port());
        String name = signal.await();
        LOG.info("{}: stopping; requests in flight get up to {} s", name, config.stopTimeout().toSeconds());
        server.stop();
        Runtime.getRuntime().removeShutdownHook(hook);
        LOG.info("caches of this run: {}", catalog.cacheStats().summary());
        LOG.info("stopped");
        return 0;
    }

    private ServerConfig config() {
        ListenAddress address = ListenAddress.parse(addr);
        if (rateLimit < 0 || rateBurst < 0 || cacheMaxAge < 0 || demoTracks < 1) {
            throw new IllegalArgumentException("--rate-limit, --rate-burst and --cache-max-age must be at least 0,"
                    + " --demo-tracks at least 1");
        }
        return ServerConfig.defaults()
                .withAddress(address.host(), address.port())
                .withRateLimit(rateLimit, rateBurst)
                .withTrustProxy(trustProxy)
                .withCacheMaxAge(Duration.ofSeconds(cacheMaxAge))
                .withAccessLogFields(logFormat == LogFormat.json);
    }

    /** The catalog's tuning: the defaults, with the search budget of --search-timeout. */
    SqliteOptions catalogOptions() {
        if (searchTimeout < 1 || searchTimeout > MAX_SEARCH_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("--search-timeout must be 1 to " + MAX_SEARCH_TIMEOUT_SECONDS
                    + " seconds, not " + searchTimeout);
        }
        return SqliteOptions.defaults().withSearchBudget(Duration.ofSeconds(searchTimeout));
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
