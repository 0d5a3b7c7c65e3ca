package dev.musicmeta.http;

/**
 * The trace id of a W3C Trace Context {@code traceparent} header
 * ({@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}), for the access log, so that a
 * request can be found by the trace a tracing system shows. The service does not trace itself.
 */
final class TraceParent {

    private TraceParent() {}

    /** The trace id, or null when the header is absent or malformed (as the spec says to ignore it). */
    static String traceId(String header) {
        if (header == null || header.length() < 55) {
            return null;
        }
        String h = header.strip();
        if (h.length() < 55 || h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-'
                || (h.length() > 55 && (h.startsWith("00") || h.charAt(55) != '-'))) {
            return null;
        }
        String version = h.substring(0, 2);
        String traceId = h.substring(3, 35);
        String parentId = h.substring(36, 52);
        String flags = h.substring(53, 55);
        if (!isHex(version) || version.equals("ff") || !isHex(traceId) || !isHex(parentId) || !isHex(flags)
                || isZero(traceId) || isZero(parentId)) {
            return null;
        }
        return traceId;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String s) {
        return s.chars().allMatch(c -> c == '0');
    }
}
