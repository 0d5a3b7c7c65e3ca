package dev.musicmeta.catalog.sqlite;

import java.util.concurrent.atomic.LongAdder;

/** Counts executed SQL statements. */
public final class StatementCounter {

    private final LongAdder count = new LongAdder();

    void increment() {
        count.increment();
    }

    public long total() {
        return count.sum();
    }
}
