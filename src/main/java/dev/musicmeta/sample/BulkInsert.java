package dev.musicmeta.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Inserts rows into one table through a prepared multi-row {@code INSERT ... VALUES (...), (...)}.
 * With sqlite-jdbc this is several times faster than one statement per row, as every execution
 * crosses into native code a fixed number of times whatever the number of rows.
 *
 * <p>Use: set each column of a row ({@code 1}-based, in the order given), then {@link #endRow()};
 * {@link #flush()} writes what is left.
 */
final class BulkInsert implements AutoCloseable {

    private static final int ROWS_PER_STATEMENT = 64;

    private final Connection connection;
    private final String prefix;
    private final String placeholders;
    private final int columns;
    private final PreparedStatement full;
    private final Object[] values;
    private int rows;

    BulkInsert(Connection connection, String table, String... columnNames) throws SQLException {
        this.connection = connection;
        this.columns = columnNames.length;
        this.prefix = "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ";
        this.placeholders = "(" + "?, ".repeat(columns - 1) + "?)";
        this.full = connection.prepareStatement(sql(ROWS_PER_STATEMENT));
        this.values = new Object[ROWS_PER_STATEMENT * columns];
    }

    private String sql(int rowCount) {
        return prefix + (placeholders + ", ").repeat(rowCount - 1) + placeholders;
    }

    BulkInsert set(int column, long value) {
        values[rows * columns + column - 1] = value;
        return this;
    }

    /** Sets a text column; {@code null} stores NULL. */
    BulkInsert set(int column, String value) {
        values[rows * columns + column - 1] = value;
        return this;
    }

    /** Sets an integer column; {@code null} stores NULL. */
    BulkInsert set(int column, Long value) {
        values[rows * columns + column - 1] = value;
        return this;
    }

    /** Sets an integer column; {@code null} stores NULL. */
    BulkInsert set(int column, Integer value) {
        values[rows * columns + column - 1] = value;
        return this;
    }

    void endRow() throws SQLException {
        if (++rows == ROWS_PER_STATEMENT) {
            execute(full, rows);
            rows = 0;
        }
    }

    /** Writes the rows not yet written. */
    void flush() throws SQLException {
        if (rows > 0) {
            try (PreparedStatement rest = connection.prepareStatement(sql(rows))) {
                execute(rest, rows);
            }
            rows = 0;
        }
    }

    private void execute(PreparedStatement statement, int rowCount) throws SQLException {
        int count = rowCount * columns;
        for (int i = 0; i < count; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setInt(i + 1, (Integer) value);
            }
            values[i] = null;
        }
        statement.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        full.close();
    }
}
