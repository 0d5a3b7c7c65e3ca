package dev.musicmeta.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals, parsed by hand. {@link InetAddress#getByName} takes anything that is not a
 * literal for a host name and looks it up (reading /etc/hosts, asking DNS) on the calling thread,
 * so a header value such as {@code .9::7} would cost a lookup; here a string either is a literal
 * or is refused, and {@link InetAddress#getByAddress(byte[])} only wraps the parsed bytes.
 */
final class IpAddresses {

    private static final int MAX_IPV6_CHARS = 45; // ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255

    private IpAddresses() {}

    /**
     * The address written as a plain IPv4 ({@code 192.0.2.1}) or IPv6 ({@code 2001:db8::1},
     * {@code ::ffff:192.0.2.1}) literal, without brackets, port or zone; null for anything else.
     * An IPv4-mapped IPv6 address comes back as the IPv4 address.
     */
    static InetAddress parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        byte[] bytes = s.indexOf(':') >= 0 ? ipv6(s) : ipv4(s);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null; // only for a length other than 4 or 16, which the parsers never give
        }
    }

    /** Four decimal parts of 0 to 255 without leading zeros (which some parsers read as octal). */
    static byte[] ipv4(String s) {
        if (s.length() < 7 || s.length() > 15) {
            return null;
        }
        byte[] out = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && s.charAt(i) != '.') {
                char c = s.charAt(i);
                if (c < '0' || c > '9' || i - start >= 3) {
                    return null;
                }
                continue;
            }
            if (part == 4 || i == start || (i - start > 1 && s.charAt(start) == '0')) {
                return null;
            }
            int value = Integer.parseInt(s, start, i, 10);
            if (value > 255) {
                return null;
            }
            out[part++] = (byte) value;
            start = i + 1;
        }
        return part == 4 ? out : null;
    }

    /** Eight groups of 1 to 4 hex digits, one {@code ::} for a run of zero groups, an IPv4 tail. */
    static byte[] ipv6(String s) {
        if (s.length() < 2 || s.length() > MAX_IPV6_CHARS) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = new int[8];
        int[] tail = new int[8];
        int heads;
        int tails = 0;
        if (gap < 0) {
            heads = groups(s, head, true);
            if (heads != 8) {
                return null;
            }
        } else {
            heads = groups(s.substring(0, gap), head, false);
            tails = groups(s.substring(gap + 2), tail, true);
            if (heads < 0 || tails < 0 || heads + tails > 7) {
                return null;
            }
        }
        if (heads < 0) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < heads; i++) {
            out[2 * i] = (byte) (head[i] >> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tails; i++) {
            int at = 8 - tails + i;
            out[2 * at] = (byte) (tail[i] >> 8);
            out[2 * at + 1] = (byte) tail[i];
        }
        return out;
    }

    /**
     * Parses colon-separated groups into {@code out}; returns how many 16-bit groups, or -1. An
     * empty string has none. The last part may be an IPv4 address (two groups) when allowed.
     */
    private static int groups(String s, int[] out, boolean ipv4Tail) {
        if (s.isEmpty()) {
            return 0;
        }
        int n = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && s.charAt(i) != ':') {
                continue;
            }
            String part = s.substring(start, i);
            if (i == s.length() && ipv4Tail && part.indexOf('.') >= 0) {
                byte[] v4 = ipv4(part);
                if (v4 == null || n > 6) {
                    return -1;
                }
                out[n++] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                out[n++] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
                return n;
            }
            if (part.isEmpty() || part.length() > 4 || n == 8) {
                return -1;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                int digit = Character.digit(part.charAt(j), 16);
                if (digit < 0 || part.charAt(j) > 'f') {
                    return -1;
                }
                value = value << 4 | digit;
            }
            out[n++] = value;
            start = i + 1;
        }
        return n;
    }
}
