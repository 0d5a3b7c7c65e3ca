package dev.musicmeta.catalog.sqlite;

import java.time.Duration;

/**
 * Tuning of the SQLite catalog.
 *
 * @param connections  size of the connection pool
 * @param searchBudget time budget of one SQL (fallback) search
 */
public record SqliteOptions(int connections, Duration searchBudget) {

    public static SqliteOptions defaults() {
        return new SqliteOptions(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), Duration.ofSeconds(10));
    }
}
