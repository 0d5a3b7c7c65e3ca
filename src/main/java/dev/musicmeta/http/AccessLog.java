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
 * With {@code fields} the values also go out as key-value pairs, for JSON log lines; plain text
 * lines skip them, and the line is built in one pass rather than through a message pattern.
 */
final class AccessLog implements RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private static final int MAX_METHOD = 16;
    private static final int MAX_PATH = 512;

    private final boolean trustProxy;
    private final boolean fields;

    AccessLog(boolean trustProxy, boolean fields) {
        this.trustProxy = trustProxy;
        this.fields = fields;
    }

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        HttpURI uri = request.getHttpURI();
        String path = uri == null ? null : uri.getPath();
        int status = response.getStatus();
        long bytes = Response.getContentBytesWritten(response);
        String client = ClientAddress.resolve(Request.getRemoteAddr(request),
                trustProxy ? request.getHeaders().getValuesList("X-Forwarded-For") : null, trustProxy);
        StringBuilder line = new StringBuilder(64 + Math.min(path == null ? 0 : path.length(), MAX_PATH));
        int methodStart = line.length();
        appendPrintable(line, request.getMethod(), MAX_METHOD).append(' ');
        int pathStart = line.length();
        appendPrintable(line, path, MAX_PATH);
        int pathEnd = line.length();
        line.append(' ').append(status).append(' ').append(ms).append(" ms ")
                .append(bytes).append(" B ").append(client);
        String text = line.toString();
        if (!fields) {
            LOG.info(text);
            return;
        }
        LOG.atInfo()
                .setMessage(text)
                .addKeyValue("method", text.substring(methodStart, pathStart - 1))
                .addKeyValue("path", text.substring(pathStart, pathEnd))
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", ms)
                .addKeyValue("bytes", bytes)
                .addKeyValue("client", client)
                .log();
    }

    /** Keeps log lines one line and bounded whatever a client sends. */
    static String printable(String s, int max) {
        return appendPrintable(new StringBuilder(Math.min(s == null ? 1 : s.length(), max) + 1), s, max).toString();
    }

    private static StringBuilder appendPrintable(StringBuilder out, String s, int max) {
        if (s == null || s.isEmpty()) {
            return out.append('-');
        }
        int n = Math.min(s.length(), max);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > max) {
            out.append('…');
        }
        return out;
    }
}
