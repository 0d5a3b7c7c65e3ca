package dev.musicmeta.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who a request comes from, for rate limiting and the access log: the socket's peer address, or
 * behind a trusted proxy the last address of X-Forwarded-For (the one that proxy appended; the
 * ones before it are whatever the client claimed). A value that is not an IP literal falls back
 * to the peer, so a client cannot pick its own bucket with junk. Addresses are canonical
 * ({@code ::ffff:1.2.3.4} is {@code 1.2.3.4}) so two spellings share one bucket.
 */
final class ClientAddress {

    private ClientAddress() {}

    /**
     * @param peer           the socket peer address
     * @param forwardedFor   every X-Forwarded-For header value, in order (may be empty)
     * @param trustProxy     whether to believe X-Forwarded-For
     */
    static String resolve(String peer, List<String> forwardedFor, boolean trustProxy) {
        if (!trustProxy || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        String header = forwardedFor.get(forwardedFor.size() - 1);
        String last = header.substring(header.lastIndexOf(',') + 1).strip();
        String address = canonical(last);
        return address != null ? address : peer;
    }

    /** The canonical form of an IP literal (IPv4, IPv6, {@code [v6]}, with or without a port), or null. */
    static String canonical(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        String host = s;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || !(close == host.length() - 1 || host.charAt(close + 1) == ':')) {
                return null;
            }
            host = host.substring(1, close);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':')); // IPv4 with a port
        }
        if (isIpv4(host)) {
            return host;
        }
        if (host.indexOf(':') < 0 || !host.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getHostAddress(); // an IPv6 literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }
}
