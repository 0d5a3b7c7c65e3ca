package dev.musicmeta.http;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per request:
 * {@code GET /search/track?q=abba 200 12 ms 5123 B 203.0.113.7 id=4bf9... trace=0af7... key=acme "curl/8.5.0"}:
 * method, path and query, status, duration, bytes sent, client ({@link ClientAddress}), request id
 * ({@link RequestIds}), the W3C {@code traceparent} trace id and the API key's name when there are
 * any, and the user agent. Hooked into Jetty rather than the router so requests Jetty itself
 * rejects (malformed, too large, too slow) are logged too. Every value a client sends is bounded
 * and made printable, so a line stays one line.
 *
 * <p>It writes to its own logger, {@value #LOGGER}, at INFO, so that the level of the service's
 * loggers ({@code MMA_LOG_LEVEL}) does not silence it; which requests it writes is
 * {@link AccessLogMode}'s to say, and probes ({@link ProbePaths}) are left out unless asked for.
 * With {@code fields} the values also go out as key-value pairs, for JSON log lines; plain text
 * lines skip them.
 */
final class AccessLog implements RequestLog {

    static final String LOGGER = "access";
    /** Request attribute holding the name of the API key a request was made with ({@link KeyGate} sets it). */
    static final String API_KEY_ATTRIBUTE = ApiKeys.REQUEST_ATTRIBUTE;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_METHOD = 16;
    private static final int MAX_PATH = 512;
    private static final int MAX_QUERY = 512;
    private static final int MAX_AGENT = 256;
    private static final int MAX_KEY_NAME = 64;

    private final TrustedProxies proxies;
    private final boolean fields;
    private final AccessLogMode mode;
    private final boolean probes;

    AccessLog(TrustedProxies proxies, boolean fields, AccessLogMode mode, boolean probes) {
        this.proxies = proxies;
        this.fields = fields;
        this.mode = mode;
        this.probes = probes;
    }

    @Override
    public void log(Request request, Response response) {
        int status = response.getStatus();
        if (mode == AccessLogMode.OFF || (mode == AccessLogMode.ERRORS && status < 400) || !LOG.isInfoEnabled()) {
            return;
        }
        HttpURI uri = request.getHttpURI();
        String path = uri == null ? null : uri.getPath();
        if ((!probes && ProbePaths.is(path)) || answeredByDeadline(request)) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        long bytes = Response.getContentBytesWritten(response);
        String client = ClientAddress.resolve(Request.getRemoteAddr(request),
                proxies.enabled() ? request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR) : null,
                proxies.enabled() ? request.getHeaders().getValuesList(HttpHeader.FORWARDED) : null, proxies);
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String s ? s : null;
        String trace = TraceParent.traceId(request.getHeaders().get("traceparent"));
        String key = request.getAttribute(API_KEY_ATTRIBUTE) instanceof String s ? printable(s, MAX_KEY_NAME) : null;
        String agent = request.getHeaders().get(HttpHeader.USER_AGENT);
        String query = uri == null ? null : uri.getQuery();

        StringBuilder line = new StringBuilder(128 + Math.min(path == null ? 0 : path.length(), MAX_PATH));
        int methodStart = line.length();
        appendPrintable(line, request.getMethod(), MAX_METHOD).append(' ');
        int pathStart = line.length();
        appendPrintable(line, path, MAX_PATH);
        int pathEnd = line.length();
        int queryStart = pathEnd;
        if (query != null) {
            line.append('?');
            queryStart = line.length();
            appendPrintable(line, query, MAX_QUERY);
        }
        int queryEnd = line.length();
        line.append(' ').append(status).append(' ').append(ms).append(" ms ")
                .append(bytes).append(" B ").append(client).append(" id=").append(id == null ? "-" : id);
        if (trace != null) {
            line.append(" trace=").append(trace);
        }
        if (key != null) {
            line.append(" key=").append(key);
        }
        int agentStart = line.length() + 2;
        if (agent != null) {
            appendPrintable(line.append(" \""), agent.replace('"', '\''), MAX_AGENT).append('"');
        }
        int agentEnd = line.length() - 1;
        String text = line.toString();
        if (!fields) {
            LOG.info(text);
            return;
        }
        LoggingEventBuilder event = LOG.atInfo()
                .setMessage(text)
                .addKeyValue("method", text.substring(methodStart, pathStart - 1))
                .addKeyValue("path", text.substring(pathStart, pathEnd))
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", ms)
                .addKeyValue("bytes", bytes)
                .addKeyValue("client", client)
                .addKeyValue("request_id", id);
        if (query != null) {
            event.addKeyValue("query", text.substring(queryStart, queryEnd));
        }
        if (trace != null) {
            event.addKeyValue("trace_id", trace);
        }
        if (key != null) {
            event.addKeyValue("api_key", key);
        }
        if (agent != null) {
            event.addKeyValue("user_agent", text.substring(agentStart, agentEnd));
        }
        event.log();
    }

    /** The connection's request was answered 408 by {@link HeaderDeadline}, and logged then. */
    private static boolean answeredByDeadline(Request request) {
        ConnectionMetaData meta = request.getConnectionMetaData();
        return meta != null && meta.getConnection() instanceof HttpConnection http
                && http.getAttribute(HeaderDeadline.EXPIRED) != null;
    }

    /**
     * A request whose line and headers missed their deadline ({@link HeaderDeadline}): Jetty made
     * no request of it, so its method and path are unknown.
     */
    void headersTimedOut(String peer, String id, long ms, long bytes) {
        if (mode == AccessLogMode.OFF || !LOG.isInfoEnabled()) {
            return;
        }
        String text = "- - 408 " + ms + " ms " + bytes + " B " + peer + " id=" + id;
        if (!fields) {
            LOG.info(text);
            return;
        }
        LOG.atInfo().setMessage(text).addKeyValue("status", 408).addKeyValue("duration_ms", ms)
                .addKeyValue("bytes", bytes).addKeyValue("client", peer).addKeyValue("request_id", id).log();
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
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            out.append(control ? '?' : c);
        }
        if (s.length() > max) {
            out.append('…');
        }
        return out;
    }
}
