package dev.musicmeta.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;

/**
 * Counts requests in flight and lets them finish when the server stops. Unlike Jetty's
 * GracefulHandler, which answers 503 to a request that arrives on an open connection during the
 * stop, every request is served: while draining ({@link DrainState}) each answer carries
 * {@code Connection: close}, so a client learns to reconnect (elsewhere, behind a load balancer)
 * without losing the request it sent.
 *
 * <p>When Jetty's graceful stop calls {@link #shutdown()} (the listener closes at the same time),
 * connections that are between requests are closed at once, and the others as soon as their
 * answer is sent. The returned future completes when no request is in flight; Jetty cuts what is
 * left at the drain deadline ({@link ServerConfig#stopTimeout()}).
 */
final class GracefulDrain extends Handler.Wrapper implements Graceful {

    private static final long SWEEP_MILLIS = 100;

    private final DrainState state;
    private final AtomicLong inFlight = new AtomicLong();
    private final Shutdown shutdown = new Shutdown(this) {
        @Override
        public boolean isShutdownDone() {
            return inFlight.get() == 0;
        }
    };

    GracefulDrain(DrainState state) {
        this.state = state;
    }

    long inFlight() {
        return inFlight.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        inFlight.incrementAndGet();
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable done = () -> {
            if (counted.getAndSet(false)) {
                inFlight.decrementAndGet();
                shutdown.check();
            }
        };
        request.addHttpStreamWrapper(stream -> new HttpStream.Wrapper(stream) {
            @Override
            public void prepareResponse(org.eclipse.jetty.http.HttpFields.Mutable headers) {
                super.prepareResponse(headers);
                if (state.draining()) {
                    headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                }
            }
        });
        Callback counting = Callback.from(callback, done);
        try {
            if (super.handle(request, response, counting)) {
                return true;
            }
            done.run();
            return false;
        } catch (Throwable t) {
            done.run();
            throw t;
        }
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        state.begin();
        CompletableFuture<Void> done = shutdown.shutdown();
        closeIdle();
        return done;
    }

    /**
     * Closes the connections that have nothing left to do: between requests, or done with their
     * last answer and waiting for the client to close its side. Again every {@link #SWEEP_MILLIS}
     * until the server stops, as requests in flight finish and leave their connections so.
     */
    private void closeIdle() {
        if (!isRunning()) {
            return;
        }
        for (Connector connector : getServer().getConnectors()) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (endPoint.isOutputShutdown() || isBetweenRequests(endPoint)) {
                    endPoint.close();
                }
            }
        }
        getServer().getScheduler().schedule(this::closeIdle, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isShutdown() {
        return shutdown.isShutdown();
    }

    /** No request on the connection and nothing of the next one read. */
    private static boolean isBetweenRequests(EndPoint endPoint) {
        return endPoint.getConnection() instanceof HttpConnection http
                && http.getHttpChannel().getRequest() == null
                && http.getParser().isStart()
                && http.isRequestBufferEmpty();
    }

    @Override
    protected void doStart() throws Exception {
        shutdown.cancel();
        super.doStart();
    }
}
