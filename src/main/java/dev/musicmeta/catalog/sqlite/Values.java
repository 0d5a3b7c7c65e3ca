package dev.musicmeta.catalog.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads column values defensively. SQLite is dynamically typed: an INTEGER column of the real
 * file can hold text, a real or a blob. A value that is not what the column means reads as
 * {@code null} instead of failing the request or inventing a number. The same rules serve
 * columns read through JDBC and values read from JSON rows ({@link JsonRow}).
 */
final class Values {

    private Values() {}

    /** An integer, or {@code null} for NULL, text, blobs and non-integral reals. */
    static Long integer(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Integer i) {
            return (long) i;
        }
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            return integral(d);
        }
        return null;
    }

    /**
     * A real as an integer when it is one. SQLite keeps a real in an INTEGER column only when it
     * is not losslessly an integer, except beyond 2^63; either way it is not a count.
     */
    static Long integral(double v) {
        return v == Math.rint(v) && Math.abs(v) < 0x1p53 ? (long) v : null;
    }

    /** A count or size: a non-negative integer that fits an int, else {@code null}. */
    static Integer count(Long v) {
        return v == null || v < 0 || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /** A large count (followers): a non-negative integer, else {@code null}. */
    static Long bigCount(Long v) {
        return v == null || v < 0 ? null : v;
    }

    /** A popularity: 0 to 100, else {@code null}. */
    static Integer popularity(Long v) {
        return v == null || v < 0 || v > 100 ? null : v.intValue();
    }

    /** A 0/1 flag: {@code false}/{@code true}, anything else {@code null}. */
    static Boolean flag(Long v) {
        if (v == null) {
            return null;
        }
        return v == 1 ? Boolean.TRUE : v == 0 ? Boolean.FALSE : null;
    }
}
