package dev.musicmeta.catalog.sqlite;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts executed SQL statements and, once {@linkplain #bindTo bound} to a registry, times each
 * prepared one by its kind (its {@link Sql} constant) from execution to its last row read. A kind's
 * timer is registered when the kind first runs, so the statements of index building never show on
 * a server's scrape; after that a statement costs two clock reads and a histogram update.
 */
public final class StatementCounter {

    static final String TIMER = "mma.catalog.statements";

    private final LongAdder count = new LongAdder();
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(Sql.values().length);
    private volatile MeterRegistry registry;

    void increment() {
        count.increment();
    }

    public long total() {
        return count.sum();
    }

    /** From now on, times statements into {@code registry}. */
    void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The clock at a statement's start, or 0 when statements are not timed. */
    long start() {
        return registry == null ? 0 : System.nanoTime();
    }

    /** Records a statement of kind {@code sql} that started at {@code started} ({@link #start()}). */
    void stop(Sql sql, long started) {
        MeterRegistry to = registry;
        if (to == null || started == 0) {
            return;
        }
        long took = System.nanoTime() - started;
        Timer timer = timers.get(sql.ordinal());
        if (timer == null) {
            timer = Timer.builder(TIMER)
                    .description("Catalog SQL statements by kind, from execution to the last row read")
                    .tag("kind", sql.name().toLowerCase(Locale.ROOT))
                    .register(to);
            timers.set(sql.ordinal(), timer);
        }
        timer.record(took, TimeUnit.NANOSECONDS);
    }
}
