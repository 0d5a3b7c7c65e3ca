package dev.musicmeta.http;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, duration, bytes sent, client. Hooked into Jetty
 * rather than the router so requests Jetty itself rejects (malformed, too large) are logged too.
 * The fields also go out as key-value pairs for the JSON log format.
 */
final class AccessLog implements RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private static final int MAX_PATH = 512;

    private final boolean trustProxy;

    AccessLog(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        String method = printable(request.getMethod(), 16);
        HttpURI uri = request.getHttpURI();
        String path = printable(uri == null ? null : uri.getPath(), MAX_PATH);
        int status = response.getStatus();
        long bytes = Response.getContentBytesWritten(response);
        String client = ClientAddress.resolve(Request.getRemoteAddr(request),
                request.getHeaders().getValuesList("X-Forwarded-For"), trustProxy);
        LOG.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", ms)
                .addKeyValue("bytes", bytes)
                .addKeyValue("client", client)
                .log("{} {} {} {} ms {} B {}", method, path, status, ms, bytes, client);
    }

    /** Keeps log lines one line and bounded whatever a client sends. */
    static String printable(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > max) {
            out.append('…');
        }
        return out.toString();
    }
}
