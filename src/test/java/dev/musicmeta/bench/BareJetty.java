package dev.musicmeta.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline of {@code bench/run.sh}: the Jetty the service runs on (same jars, same version),
 * with one handler answering every request {@code {"status":"ok"}} and nothing else: no router,
 * no filters, no logging. What our {@code /health} costs above this is what Javalin and our own
 * request path add.
 *
 * <p>The handler is a blocking one, as every handler of a service that reads SQLite on the
 * request's thread must be: Jetty then hands each request from the thread that read it to
 * another (a wake-up per request). With {@code --non-blocking} it declares itself non-blocking
 * and Jetty runs it on the thread that read the request; the difference is what that hand-off
 * costs.
 *
 * <pre>{@code java -cp target/test-classes:target/music-metadata-api.jar dev.musicmeta.bench.BareJetty HOST PORT [--non-blocking]}</pre>
 */
public final class BareJetty {

    static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private BareJetty() {}

    /** A started server on {@code host:port} (port 0 picks one). */
    static Server start(String host, int port, boolean nonBlocking) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(250, 8);
        pool.setName("http");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(nonBlocking ? InvocationType.NON_BLOCKING : InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
                response.write(true, ByteBuffer.wrap(BODY), callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    public static void main(String[] args) throws Exception {
        boolean nonBlocking = args.length == 3 && args[2].equals("--non-blocking");
        if (args.length != 2 && !nonBlocking) {
            System.err.println("usage: BareJetty HOST PORT [--non-blocking]");
            System.exit(2);
        }
        Server server = start(args[0], Integer.parseInt(args[1]), nonBlocking);
        System.err.println("bare Jetty " + Server.getVersion() + (nonBlocking ? ", non-blocking handler," : "")
                + " on http://" + args[0] + ":" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        server.join();
    }
}
