package dev.musicmeta.catalog.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.SQLException;

/**
 * One row selected as a JSON array (see {@link Sql}): its values in column order, each read with
 * the rules of {@link Values}, so a value reads as it would from its own JDBC column. Nested
 * arrays hold child rows: {@link #enter()} one, read while {@link #hasNext()}.
 */
final class JsonRow implements AutoCloseable {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonParser parser;
    /** A token read by {@link #hasNext()} and not consumed yet. */
    private JsonToken pending;

    /** @throws SQLException when {@code json} is not a JSON array (never, from {@link Sql}) */
    JsonRow(String json) throws SQLException {
        if (json == null) {
            throw new SQLException("a catalog row read as NULL");
        }
        try {
            parser = JSON.createParser(json);
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (next() != JsonToken.START_ARRAY) {
            throw new SQLException("a catalog row is not a JSON array");
        }
    }

    /** Text, or {@code null} for NULL. */
    String text() throws SQLException {
        JsonToken token = next();
        try {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != null && token.isScalarValue()) {
                return parser.getText();
            }
            parser.skipChildren();
            return null;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** An integer, or {@code null} for NULL, text and non-integral reals ({@link Values#integer}). */
    Long integer() throws SQLException {
        JsonToken token = next();
        try {
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : parser.getLongValue();
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return Values.integral(parser.getDoubleValue());
            }
            parser.skipChildren();
            return null;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    Integer count() throws SQLException {
        return Values.count(integer());
    }

    Long bigCount() throws SQLException {
        return Values.bigCount(integer());
    }

    Integer popularity() throws SQLException {
        return Values.popularity(integer());
    }

    Boolean flag() throws SQLException {
        return Values.flag(integer());
    }

    /** Enters the array that is the next value; {@code false}, with nothing to read, if it is not one. */
    boolean enter() throws SQLException {
        JsonToken token = next();
        if (token == JsonToken.START_ARRAY) {
            return true;
        }
        try {
            parser.skipChildren();
        } catch (IOException e) {
            throw unreadable(e);
        }
        return false;
    }

    /** Whether the array entered holds another value; at its end, leaves it. */
    boolean hasNext() throws SQLException {
        JsonToken token = next();
        if (token == JsonToken.END_ARRAY || token == null) {
            return false;
        }
        pending = token;
        return true;
    }

    /** Skips the rest of the array entered and leaves it. */
    void leave() throws SQLException {
        while (hasNext()) {
            text();
        }
    }

    private JsonToken next() throws SQLException {
        if (pending != null) {
            JsonToken token = pending;
            pending = null;
            return token;
        }
        try {
            return parser.nextToken();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static SQLException unreadable(IOException e) {
        return new SQLException("a catalog row is not readable JSON", e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // a String source holds nothing to release
        }
    }
}
