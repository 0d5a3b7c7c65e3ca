package dev.musicmeta.http;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP connector, which binds its port only once the catalog has opened. Jetty starts its
 * connectors after everything else (with open-early off), so the thread pool, handlers and
 * servlet are up while the catalog is still opening; a catalog that fails leaves the port
 * unbound and {@link ApiServer#start()} stops the server.
 */
final class GatedConnector extends ServerConnector {

    private final CompletableFuture<?> ready;

    GatedConnector(Server server, HttpConfiguration http, CompletableFuture<?> ready) {
        super(server, new HttpConnectionFactory(http));
        this.ready = ready;
    }

    @Override
    protected void doStart() throws Exception {
        ready.handle((value, failure) -> null).join(); // waits; the failure is ApiServer.start()'s to report
        if (!ready.isCompletedExceptionally()) {
            super.doStart();
        }
    }
}
