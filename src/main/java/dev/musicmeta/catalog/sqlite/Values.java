package dev.musicmeta.catalog.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads column values defensively. SQLite is dynamically typed: an INTEGER column of the real
 * file can hold text, a real or a blob. A value that is not what the column means reads as
 * {@code null} instead of failing the request or inventing a number.
 */
final class Values {

    private Values() {}

    /** Text as stored; numbers as their text; {@code null} for NULL. */
    static String text(ResultSet rs, int column) throws SQLException {
        return rs.getString(column);
    }

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
            // SQLite keeps a real in an INTEGER column only when it is not losslessly an integer,
            // except beyond 2^63; either way it is not a count.
            double v = d;
            return v == Math.rint(v) && Math.abs(v) < 0x1p53 ? (long) v : null;
        }
        return null;
    }

    /** A count or size: a non-negative integer that fits an int, else {@code null}. */
    static Integer count(ResultSet rs, int column) throws SQLException {
        Long v = integer(rs, column);
        return v == null || v < 0 || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /** A large count (followers): a non-negative integer, else {@code null}. */
    static Long bigCount(ResultSet rs, int column) throws SQLException {
        Long v = integer(rs, column);
        return v == null || v < 0 ? null : v;
    }

    /** A popularity: 0 to 100, else {@code null}. */
    static Integer popularity(ResultSet rs, int column) throws SQLException {
        Long v = integer(rs, column);
        return v == null || v < 0 || v > 100 ? null : v.intValue();
    }

    /** A 0/1 flag: {@code false}/{@code true}, anything else {@code null}. */
    static Boolean flag(ResultSet rs, int column) throws SQLException {
        Long v = integer(rs, column);
        if (v == null) {
            return null;
        }
        return v == 1 ? Boolean.TRUE : v == 0 ? Boolean.FALSE : null;
    }
}
