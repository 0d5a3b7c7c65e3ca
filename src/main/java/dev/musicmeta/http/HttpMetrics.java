package dev.musicmeta.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP layer's meters: every request's latency by route template, method and status
 * ({@value #REQUESTS}, a histogram), requests in flight, and rate-limit rejections.
 *
 * <p>Recorded where the access log is, as Jetty's request log, so that requests Jetty itself
 * answers (malformed, too large, too slow) count too. The route is the template the router matched
 * ({@code /lookup/track/{id}}, noted in {@link #ROUTE_ATTRIBUTE} once the router has matched it),
 * never the raw path, so that the series stay few whatever clients send; a request refused before
 * matching (a 405, 429 or 401) is given its template by a scan of the routes, and one for no route
 * is {@value #UNKNOWN}. Micrometer's Jetty module was not used: its {@code TimedHandler} times each
 * request twice, keeps two long-task timers and wraps every request and response, where this
 * records one timer from the request log and counts requests in flight with one adder.
 */
final class HttpMetrics extends Handler.Wrapper implements RequestLog {

    static final String REQUESTS = "http.server.requests";
    static final String IN_FLIGHT = "http.server.requests.active";
    static final String RATE_LIMITED = "mma.rate.limit.rejections";
    /** Request attribute holding the route template the request matched. */
    static final String ROUTE_ATTRIBUTE = "dev.musicmeta.route";
    /** The route of a request that matched none: unknown paths, and requests Jetty refused. */
    static final String UNKNOWN = "UNKNOWN";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");

    private record Series(String method, String route, int status) {}

    private final MeterRegistry registry;
    private RouteTable routes;
    private final ConcurrentHashMap<Series, Timer> timers = new ConcurrentHashMap<>();
    private final LongAdder inFlight = new LongAdder();
    private final Counter limitedByAddress;
    private final Counter limitedByKey;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(IN_FLIGHT, inFlight, LongAdder::sum)
                .description("Requests being answered, this scrape included")
                .register(registry);
        limitedByAddress = rateLimited("address");
        limitedByKey = rateLimited("key");
    }

    private Counter rateLimited(String by) {
        return Counter.builder(RATE_LIMITED)
                .description("Requests answered 429 by the rate limit, per client address or per API key")
                .tag("by", by)
                .register(registry);
    }

    /** The routes, for the template of a request refused before the router matched it; set before the server starts. */
    void routes(RouteTable table) {
        this.routes = table;
    }

    /** Counts the request in flight until its answer is complete. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        inFlight.increment();
        Request.addCompletionListener(request, failure -> inFlight.decrement());
        return super.handle(request, response, callback);
    }

    @Override
    public void log(Request request, Response response) {
        int status = response.getStatus();
        String route = request.getAttribute(ROUTE_ATTRIBUTE) instanceof String r ? r : unmatched(request, status);
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        Series series = new Series(method, route, status);
        Timer timer = timers.get(series);
        if (timer == null) {
            timer = timers.computeIfAbsent(series, s -> Timer.builder(REQUESTS)
                    .description("HTTP requests by route template, method and status")
                    .tag("method", s.method())
                    .tag("uri", s.route())
                    .tag("status", Integer.toString(s.status()))
                    .register(registry));
        }
        timer.record(System.nanoTime() - request.getBeginNanoTime(), TimeUnit.NANOSECONDS);
    }

    /**
     * The route of a request the router matched no endpoint for: a 404 matched none, while a 405,
     * a refusal by the rate limit or the key gate, or Jetty's own answer may be for a known path.
     */
    private String unmatched(Request request, int status) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (status == 404 || path == null || routes == null) {
            return UNKNOWN;
        }
        String template = routes.template(path);
        return template == null ? UNKNOWN : template;
    }

    /** A request answered 429 by the rate limit of its address. */
    void limitedByAddress() {
        limitedByAddress.increment();
    }

    /** A request answered 429 by the rate limit of its API key. */
    void limitedByKey() {
        limitedByKey.increment();
    }
}
