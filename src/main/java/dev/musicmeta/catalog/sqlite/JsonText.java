package dev.musicmeta.catalog.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the JSON text stored in track_files. Strict JSON (RFC 8259, as Jackson reads it by
 * default): exactly one value, nothing after it. Broken text never fails a request.
 *
 * <p>The text is parsed from a copy of its chars, not from the String: a row's values are read
 * while its own parser ({@link JsonRow}) holds this thread's recycled buffers, and a parser of a
 * String copies it into a token buffer of its own, at least 4 KiB, fresh each time it is nested
 * (about 9 KiB per text against 1 KiB; two texts a track, 6 MiB of a batch of 400 ISRCs).
 */
final class JsonText {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonText() {}

    /** The strings of a JSON array of strings; empty for NULL, broken JSON or any other shape. */
    static List<String> stringArray(String text) {
        if (text == null) {
            return List.of();
        }
        try (JsonParser parser = JSON.createParser(text.toCharArray())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            List<String> out = new ArrayList<>(4);
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    return List.of();
                }
                out.add(parser.getText());
            }
            return parser.nextToken() == null ? List.copyOf(out) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@code text} when it is one valid JSON value, else {@code null}. */
    static String validOrNull(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(text.toCharArray())) {
            if (parser.nextToken() == null) {
                return null;
            }
            parser.skipChildren();
            return parser.nextToken() == null ? text : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
