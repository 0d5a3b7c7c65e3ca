package dev.musicmeta.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /batch/lookup} as sent: for each kind the strings in request order.
 * Parsed with a streaming parser, so a hostile body costs no more than its 64 KiB.
 */
record BatchRequest(Map<BatchKind, List<String>> requested) {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final String SHAPE = "the body is a JSON object with any of the keys tracks, artists, albums and"
            + " isrcs, each a list of strings";

    static BatchRequest parse(byte[] body) {
        Map<BatchKind, List<String>> requested = new EnumMap<>(BatchKind.class);
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("the body is not a JSON object: " + SHAPE);
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                BatchKind kind = BatchKind.byKey(name);
                if (kind == null) {
                    throw invalid("unknown key \"" + AccessLog.printable(name, 40) + "\": " + SHAPE);
                }
                if (requested.containsKey(kind)) {
                    throw invalid(kind.key() + " is given twice: " + SHAPE);
                }
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw invalid(kind.key() + " is not a list: " + SHAPE);
                }
                List<String> values = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    if (v != JsonToken.VALUE_STRING) {
                        throw invalid(kind.key() + " holds a value that is not a string: " + SHAPE);
                    }
                    values.add(p.getText());
                }
                requested.put(kind, values);
            }
            if (p.nextToken() != null) {
                throw invalid("the body holds more after its JSON object: " + SHAPE);
            }
        } catch (JsonParseException e) {
            var where = e.getLocation();
            throw invalid("the body is not valid JSON (line " + where.getLineNr() + ", column " + where.getColumnNr()
                    + "): " + SHAPE);
        } catch (IOException e) {
            throw invalid("the body is not valid JSON in UTF-8: " + SHAPE);
        }
        return new BatchRequest(requested);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_BODY, detail);
    }
}
