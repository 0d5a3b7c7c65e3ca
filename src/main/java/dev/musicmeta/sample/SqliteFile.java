package dev.musicmeta.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh SQLite file opened for one bulk load: no journal, no fsync, one transaction. */
final class SqliteFile implements AutoCloseable {

    final Connection connection;

    SqliteFile(Path path, Schema schema, int cacheMiB) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            // The file is a temporary until renamed into place, so a crash needs no recovery:
            // durability and rollback would only cost time.
            statement.execute("PRAGMA journal_mode = OFF");
            statement.execute("PRAGMA synchronous = OFF");
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("PRAGMA cache_size = -" + cacheMiB * 1024);
        }
        connection.setAutoCommit(false);
        schema.createTables(connection);
    }

    BulkInsert bulkInsert(String table, String... columns) throws SQLException {
        return new BulkInsert(connection, table, columns);
    }

    /** Commits the data, then builds the indexes: sorting once is far cheaper than updating row by row. */
    void finish(Schema schema) throws SQLException {
        connection.commit();
        schema.createIndexes(connection);
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
