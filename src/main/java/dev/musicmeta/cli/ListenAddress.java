package dev.musicmeta.cli;

/**
 * A {@code [HOST]:PORT} listen address as Go's {@code net.Listen} takes it: {@code :8080} (all
 * interfaces), {@code 127.0.0.1:8080}, {@code [::1]:8080}; port 0 picks a free port.
 *
 * @param host null for all interfaces
 */
record ListenAddress(String host, int port) {

    static ListenAddress parse(String text) {
        return parse(text, "--addr");
    }

    /** @param source what the messages call the value: the option, or the variable it came from */
    static ListenAddress parse(String text, String source) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(source + " must be [HOST]:PORT, e.g. :8080 or 127.0.0.1:8080; got " + text);
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(source + ": write an IPv6 host in brackets, e.g. [::1]:8080; got " + text);
        }
        String port = s.substring(colon + 1);
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException(source + ": the port must be 0 to 65535; got " + text);
        }
        return new ListenAddress(host.isEmpty() ? null : host, Integer.parseInt(port));
    }

    /** The host to put in URLs shown to people. */
    String displayHost() {
        if (host == null || host.equals("0.0.0.0") || host.equals("::")) {
            return "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
