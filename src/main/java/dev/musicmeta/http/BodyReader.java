package dev.musicmeta.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's body whole before the routes see it, holding no thread while the client is
 * slow: Jetty calls back as bytes arrive ({@link Request#demand}), and the route then reads from
 * memory ({@link BufferedRequest}). The whole body must arrive within the body deadline after the
 * headers, else the client gets 408 and the connection is closed; so a client that trickles a
 * body costs one connection, never a worker thread.
 *
 * <p>At most {@link #KEEP} bytes are kept, one past the largest body a route accepts, so a route
 * can tell a body too large; the rest, up to {@link RequestBody#DRAIN_LIMIT}, is read and dropped,
 * so that the 413 the route answers reaches the client instead of a reset of its connection. A
 * body declared larger than that, or over the largest accepted one by a client that waits for
 * {@code 100 Continue}, is not read at all.
 */
final class BodyReader implements Runnable {

    /** One byte past the largest body any route accepts. */
    static final int KEEP = BatchRoutes.MAX_BODY_BYTES + 1;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Handler next;
    private final Duration deadline;
    private final AtomicBoolean finished = new AtomicBoolean();
    private byte[] kept = new byte[0];
    private int size;
    private long read;
    private Scheduler.Task timeout;

    BodyReader(Request request, Response response, Callback callback, Handler next, Duration deadline) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.next = next;
        this.deadline = deadline;
    }

    void start() {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        boolean waitsForContinue = request.getHeaders().contains(HttpHeader.EXPECT, "100-continue");
        if (declared > RequestBody.DRAIN_LIMIT || (declared >= KEEP && waitsForContinue)) {
            finished.set(true);
            dispatch(); // the route refuses it by its declared length; nothing was read
            return;
        }
        kept = new byte[(int) Math.min(KEEP, declared > 0 ? declared : 8192)];
        timeout = request.getComponents().getScheduler().schedule(this::timedOut, deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        run();
    }

    /** Reads what has arrived; asks to be called again when more does. */
    @Override
    public void run() {
        while (!finished.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                failed(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int n = bytes.remaining();
            read += n;
            int take = Math.min(n, KEEP - size);
            if (take > 0) {
                if (size + take > kept.length) {
                    kept = Arrays.copyOf(kept, Math.min(KEEP, Math.max(size + take, kept.length * 2)));
                }
                bytes.get(kept, size, take);
                size += take;
            }
            boolean last = chunk.isLast();
            chunk.release();
            if (last || read > RequestBody.DRAIN_LIMIT) {
                if (finished.compareAndSet(false, true)) {
                    timeout.cancel();
                    dispatch();
                }
                return;
            }
        }
    }

    private void dispatch() {
        Request buffered = new BufferedRequest(request, kept, size);
        try {
            if (!next.handle(buffered, response, callback)) {
                Response.writeError(buffered, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable t) {
            Response.writeError(buffered, response, callback, t);
        }
    }

    private void timedOut() {
        if (finished.compareAndSet(false, true)) {
            problem(HttpStatus.REQUEST_TIMEOUT_408, "the request body did not arrive within " + deadline.toSeconds()
                    + " s of its headers; send it whole, promptly");
        }
    }

    private void failed(Throwable failure) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        timeout.cancel();
        if (failure instanceof TimeoutException) {
            problem(HttpStatus.REQUEST_TIMEOUT_408, ProblemDocument.defaultDetail(HttpStatus.REQUEST_TIMEOUT_408));
        } else if (failure instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
            problem(http.getCode(), ProblemDocument.defaultDetail(http.getCode()));
        } else {
            problem(HttpStatus.BAD_REQUEST_400, "the request body could not be read completely");
        }
    }

    private void problem(int status, String detail) {
        ProblemErrorHandler.send(request, response, callback, status, detail,
                Map.of(HttpHeader.CONNECTION.asString(), HttpHeaderValue.CLOSE.asString()));
    }

    /** The request with its body already in memory. */
    private static final class BufferedRequest extends Request.Wrapper {

        private Content.Chunk body;

        BufferedRequest(Request request, byte[] bytes, int size) {
            super(request);
            this.body = Content.Chunk.from(ByteBuffer.wrap(bytes, 0, size), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = body;
            body = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // read() always has an answer
        }

        @Override
        public void fail(Throwable failure) {
            body = Content.Chunk.from(failure, true);
        }
    }
}
