package dev.musicmeta.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strictly parsed query string: percent-decoding errors are the client's 400, not a server
 * fault, and a parameter given twice is reported rather than one copy silently winning.
 */
final class QueryString {

    private final Map<String, List<String>> params;

    private QueryString(Map<String, List<String>> params) {
        this.params = params;
    }

    static QueryString parse(String raw) {
        Map<String, List<String>> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return new QueryString(params);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return new QueryString(params);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER,
                    "the query string is not validly percent-encoded: write % only as %25 and encode text as UTF-8");
        }
    }

    /** The one value of {@code name}, or null when absent. */
    String single(String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, name + " is given " + values.size()
                    + " times; give it once");
        }
        return values.get(0);
    }
}
