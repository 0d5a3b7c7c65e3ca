package dev.musicmeta.http;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A deadline on a request's line and headers, counted from its first byte (from the connection's
 * opening for a connection that has sent nothing yet). Jetty only has an idle timeout, which every
 * byte resets, so a client sending a header byte a second would hold its connection for ever.
 *
 * <p>A sweep over the connector's connections every {@link #period} looks at each one's parser.
 * A request still in its line or headers past the deadline is answered 408 with a problem
 * document written here (Jetty has no request to answer yet), its output is shut, and the
 * connection is closed a sweep or two later, once the client has had time to read the answer. A
 * new connection that has sent nothing by the deadline is closed. Kept-alive connections between
 * requests are left to the idle timeout.
 */
final class HeaderDeadline extends AbstractLifeCycle {

    /** Connection attribute: the request's headers ran past the deadline (nanoTime of the mark). */
    static final String EXPIRED = HeaderDeadline.class.getName() + ".expired";

    private final Connector connector;
    private final AccessLog accessLog;
    private final long deadlineNanos;
    private final long periodMillis;
    private volatile Scheduler.Task next;

    HeaderDeadline(Connector connector, Duration deadline, AccessLog accessLog) {
        this.connector = connector;
        this.accessLog = accessLog;
        this.deadlineNanos = deadline.toNanos();
        this.periodMillis = period(deadline).toMillis();
    }

    /** A tenth of the deadline, from 50 ms to 1 s: the deadline holds to within that. */
    static Duration period(Duration deadline) {
        long millis = Math.max(50, Math.min(1000, deadline.toMillis() / 10));
        return Duration.ofMillis(millis);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = connector.getScheduler().schedule(this::sweep, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            long now = NanoTime.now();
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                check(endPoint, now);
            }
        } finally {
            schedule();
        }
    }

    private void check(EndPoint endPoint, long now) {
        Connection connection = endPoint.getConnection();
        if (!(connection instanceof HttpConnection http)) {
            return;
        }
        Object mark = http.getAttribute(EXPIRED);
        if (mark instanceof Long since) {
            if (NanoTime.elapsed(since, now) > 2 * TimeUnit.MILLISECONDS.toNanos(periodMillis) + deadlineNanos) {
                endPoint.close(); // Jetty did not answer and close it itself: give up on the answer
            }
            return;
        }
        HttpParser parser = http.getParser();
        HttpParser.State state = parser.getState();
        if (state == HttpParser.State.START) {
            if (http.getMessagesIn() == 0
                    && System.currentTimeMillis() - endPoint.getCreatedTimeStamp() > deadlineNanos / 1_000_000) {
                endPoint.close(); // opened and said nothing
            }
            return;
        }
        if (!parser.inHeaderState()) {
            return;
        }
        long begin = parser.getBeginNanoTime();
        if (begin != 0 && NanoTime.elapsed(begin, now) > deadlineNanos) {
            http.setAttribute(EXPIRED, now);
            String id = RequestIds.generate();
            byte[] answer = answer(id);
            endPoint.write(Callback.from(endPoint::shutdownOutput, failure -> endPoint.close()), ByteBuffer.wrap(answer));
            String peer = endPoint.getRemoteSocketAddress() instanceof InetSocketAddress a && a.getAddress() != null
                    ? a.getAddress().getHostAddress() : "-";
            accessLog.headersTimedOut(peer, id, TimeUnit.NANOSECONDS.toMillis(NanoTime.elapsed(begin, now)),
                    answer.length);
        }
    }

    /** The whole 408 answer, as Jetty would frame it: a problem document, never cached, closing. */
    static byte[] answer(String requestId) {
        byte[] body = ProblemDocument.json(ProblemType.REQUEST_TIMEOUT, "the request line and headers did not arrive"
                + " within the server's deadline after their first byte; send them whole, promptly");
        String head = "HTTP/1.1 408 Request Timeout\r\n"
                + "Content-Type: " + Responder.PROBLEM_JSON + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "Access-Control-Allow-Origin: " + Cors.ALLOW_ORIGIN + "\r\n"
                + "Access-Control-Expose-Headers: " + Cors.EXPOSE_HEADERS + "\r\n"
                + RequestIds.HEADER + ": " + requestId + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
