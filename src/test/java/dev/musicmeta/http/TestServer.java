package dev.musicmeta.http;

import dev.musicmeta.catalog.Catalog;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** The real server on a free loopback port, and a validating client for it. */
final class TestServer implements AutoCloseable {

    private final ApiServer server;
    private final ApiClient client;

    TestServer(ApiServer server) {
        this.server = server;
        this.client = new ApiClient(URI.create("http://127.0.0.1:" + server.port() + "/"));
    }

    /** Rate limiting off unless the test turns it on, so tests do not depend on their speed. */
    static ServerConfig config() {
        return ServerConfig.defaults().withAddress("127.0.0.1", 0).withRateLimit(0, 0);
    }

    static TestServer start(Catalog catalog) {
        return start(catalog, config());
    }

    static TestServer start(Catalog catalog, ServerConfig config) {
        return start(catalog, config, ApiKeys.off());
    }

    static TestServer start(Catalog catalog, ServerConfig config, ApiKeys keys) {
        return new TestServer(new ApiServer(CompletableFuture.completedFuture(catalog), config, keys).start());
    }

    ApiClient client() {
        return client;
    }

    ApiServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
