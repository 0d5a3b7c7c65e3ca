package dev.musicmeta.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The service's metrics, in one Prometheus registry per server: what {@code GET /metrics}
 * writes. Holds the JVM's meters (memory, GC, threads, classes, CPU, uptime, file descriptors)
 * and {@code mma_build_info}; the HTTP layer adds its own ({@link HttpMetrics}), and whoever opens
 * the catalog binds the catalog's and the search's to {@link #registry()}.
 *
 * <p>Every timer of the service ({@code http.server.requests} and the {@code mma.*} ones) is a
 * Prometheus histogram over {@link #BUCKETS}: fixed buckets rather than Micrometer's percentile
 * histogram of about 70, so that a series costs 15 buckets and a recording one binary search.
 *
 * <p>The server binds the JVM's meters once it answers ({@link #later(BuildInfo)}): binding them
 * loads the JDK's management classes, about a tenth of a second of a start-up otherwise spent
 * before the first request. A scrape that comes first waits for them.
 */
public final class ServiceMetrics implements AutoCloseable {

    /** Upper bounds of the latency buckets: half a millisecond (a cached lookup) to 10 s (the search budget). */
    static final Duration[] BUCKETS = Arrays.stream(new double[] {
        0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000})
            .mapToObj(ms -> Duration.ofNanos((long) (ms * 1_000_000)))
            .toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry;
    private final CompletableFuture<JvmGcMetrics> gc;
    private final boolean enabled;

    private ServiceMetrics(PrometheusMeterRegistry registry, CompletableFuture<JvmGcMetrics> gc, boolean enabled) {
        this.registry = registry;
        this.gc = gc;
        this.enabled = enabled;
    }

    /**
     * No metrics: nothing is recorded and {@code /metrics} is empty. What metrics cost is measured
     * against it ({@code bench/metrics-cost.py}, {@code -Dmma.metrics=off}).
     */
    public static ServiceMetrics off() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(MeterFilter.deny());
        return new ServiceMetrics(registry, CompletableFuture.completedFuture(null), false);
    }

    /** A registry with the JVM's meters and {@code mma_build_info} of {@code build}. */
    public static ServiceMetrics create(BuildInfo build) {
        ServiceMetrics metrics = later(build);
        metrics.bindJvmMeters();
        return metrics;
    }

    /**
     * A registry with {@code mma_build_info} of {@code build}, and the JVM's meters once
     * {@link #bindJvmMeters()} is called; until then a scrape waits for them (up to 10 s).
     */
    public static ServiceMetrics later(BuildInfo build) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(histograms());
        Gauge.builder("mma.build.info", () -> 1)
                .description("The running build: 1, with its version, commit and build time as labels")
                .tag("version", build.version())
                .tag("commit", build.commit() == null ? "unknown" : build.commit())
                .tag("build_time", build.buildTime() == null ? "unknown" : build.buildTime())
                .register(registry);
        return new ServiceMetrics(registry, new CompletableFuture<>(), true);
    }

    /** Binds the JVM's meters (memory, GC, threads, classes, CPU, uptime, file descriptors); once. */
    public void bindJvmMeters() {
        if (gc.isDone()) {
            return;
        }
        try {
            new JvmMemoryMetrics().bindTo(registry);
            JvmGcMetrics collections = new JvmGcMetrics();
            collections.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new JvmInfoMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            new FileDescriptorMetrics().bindTo(registry);
            gc.complete(collections);
        } catch (RuntimeException e) { // a JVM without some management bean: scrapes go on without the rest
            gc.completeExceptionally(e);
        }
    }

    /** Whether anything is recorded; when not, the layers leave their meters out of the request path. */
    public boolean enabled() {
        return enabled;
    }

    /** Where the service's layers register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Writes every meter in the Prometheus text format (version 0.0.4). */
    void scrape(OutputStream out) throws IOException {
        awaitJvmMeters();
        registry.scrape(out);
    }

    /** Waits up to 10 s for the JVM's meters to be bound; a scrape answers without them past that. */
    private void awaitJvmMeters() {
        try {
            gc.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // binding failed or is late: the other meters still go out
        }
    }

    /** The timers of the service get histograms with {@link #BUCKETS}; nothing else does. */
    private static MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER
                        && (id.getName().startsWith("mma.") || id.getName().equals(HttpMetrics.REQUESTS))) {
                    return DistributionStatisticConfig.builder()
                            .serviceLevelObjectives(Arrays.stream(BUCKETS).mapToDouble(Duration::toNanos).toArray())
                            .build()
                            .merge(config);
                }
                return config;
            }
        };
    }

    @Override
    public void close() {
        JvmGcMetrics collections = gc.getNow(null);
        if (collections != null) {
            collections.close();
        }
        registry.close();
    }
}
