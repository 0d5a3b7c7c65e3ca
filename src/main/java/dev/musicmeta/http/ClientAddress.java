package dev.musicmeta.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a request comes from, for rate limiting and the access log. Without trusted proxies it is
 * the socket's peer. Behind them ({@link TrustedProxies}) it is the first address from the right
 * of the forwarding chain that is not a trusted proxy: each proxy appends the address it got the
 * request from, so the entries right of the first untrusted one were written by proxies we
 * trust, and the ones left of it are whatever the client claimed.
 *
 * <p>The chain is {@code X-Forwarded-For} when the request has it (the header nearly every proxy
 * and load balancer appends), else the {@code for=} values of RFC 7239 {@code Forwarded}. An
 * entry that is not an IP literal ({@code unknown}, an obfuscated {@code _name}, junk) ends the
 * walk at the hop that wrote it, so a client cannot pick its own bucket with junk. Addresses are
 * parsed, never resolved ({@link IpAddresses}), and canonical ({@code ::ffff:1.2.3.4} is
 * {@code 1.2.3.4}), so two spellings share one bucket.
 */
final class ClientAddress {

    /** Bounds the work per request whatever a client sends. */
    private static final int MAX_HOPS = 64;

    private ClientAddress() {}

    /**
     * @param peer         the socket peer address (an IP literal)
     * @param forwardedFor every X-Forwarded-For header value, in order (may be empty or null)
     * @param forwarded    every Forwarded header value, in order (may be empty or null)
     */
    static String resolve(String peer, List<String> forwardedFor, List<String> forwarded, TrustedProxies trusted) {
        String client = canonical(peer);
        if (client == null) {
            client = peer;
        }
        if (!trusted.enabled() || !trusted.trustsPeer(IpAddresses.parse(client))) {
            return client;
        }
        List<String> chain = forwardedFor != null && !forwardedFor.isEmpty()
                ? split(forwardedFor)
                : forwarded != null ? forwardedFor(forwarded) : List.of();
        int stop = Math.max(0, chain.size() - MAX_HOPS);
        for (int i = chain.size() - 1; i >= stop; i--) {
            String hop = canonical(chain.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trusted.isProxy(IpAddresses.parse(hop))) {
                return client;
            }
        }
        return client;
    }

    /** The comma-separated entries of every header value, in order. */
    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(",", -1)) {
                out.add(entry.strip());
            }
        }
        return out;
    }

    /**
     * The {@code for=} node of each element of RFC 7239 {@code Forwarded} values, in order
     * ({@code for=192.0.2.60;proto=http, for="[2001:db8::17]:4711"}); an element without one
     * gives an empty node, which ends the walk.
     */
    static List<String> forwardedFor(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            String node = "";
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i <= value.length(); i++) {
                char c = i < value.length() ? value.charAt(i) : ',';
                if (c == '"') {
                    quoted = !quoted;
                } else if (quoted && c == '\\') {
                    i++;
                } else if (!quoted && (c == ';' || c == ',')) {
                    String pair = value.substring(start, i).strip();
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                        node = unquote(pair.substring(eq + 1).strip());
                    }
                    start = i + 1;
                    if (c == ',') {
                        out.add(node);
                        node = "";
                    }
                }
            }
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            return s.substring(1, s.length() - 1).replace("\\", "");
        }
        return s;
    }

    /**
     * The canonical form of an IP literal as it appears in forwarding headers: IPv4 or IPv6, an
     * IPv6 one in brackets, either with a port; null for anything else.
     */
    static String canonical(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return null;
        }
        String host = s;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || !(close == host.length() - 1 || isPort(host, close + 1))) {
                return null;
            }
            host = host.substring(1, close);
            if (host.indexOf(':') < 0) {
                return null; // brackets are for IPv6 only
            }
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            if (!isPort(host, host.indexOf(':'))) {
                return null;
            }
            host = host.substring(0, host.indexOf(':')); // IPv4 with a port
            if (host.indexOf('.') < 0) {
                return null;
            }
        }
        InetAddress address = IpAddresses.parse(host);
        return address == null ? null : address.getHostAddress();
    }

    /** A colon at {@code colon} followed by 1 to 5 digits to the end. */
    private static boolean isPort(String s, int colon) {
        int digits = s.length() - colon - 1;
        if (s.charAt(colon) != ':' || digits < 1 || digits > 5) {
            return false;
        }
        for (int i = colon + 1; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
