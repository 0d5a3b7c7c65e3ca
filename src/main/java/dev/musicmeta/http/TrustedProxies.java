package dev.musicmeta.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which peers are proxies whose forwarding headers are believed ({@code --trust-proxy}): none;
 * the immediate peer, whoever it is (the bare flag); or the addresses in a list of CIDR blocks,
 * which then also names the proxies further along the chain ({@link ClientAddress}). Blocks are
 * parsed, never resolved: {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a single address.
 */
public final class TrustedProxies {

    /** Forwarding headers are ignored: the client is the socket's peer. */
    public static final TrustedProxies NONE = new TrustedProxies(false, List.of());
    /** The immediate peer is a proxy, whoever it is; the hops before it are not. */
    public static final TrustedProxies PEER = new TrustedProxies(true, List.of());

    private final boolean anyPeer;
    private final List<Block> blocks;

    private TrustedProxies(boolean anyPeer, List<Block> blocks) {
        this.anyPeer = anyPeer;
        this.blocks = blocks;
    }

    /**
     * The value of {@code --trust-proxy} or {@code MMA_TRUST_PROXY}: empty, {@code false},
     * {@code off}, {@code no} or {@code 0} for none; {@code true}, {@code on}, {@code yes} or
     * {@code 1} (what the bare flag means) for the immediate peer; else CIDR blocks separated by
     * commas.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or a block
     */
    public static TrustedProxies parse(String value) {
        String v = value == null ? "" : value.strip();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "", "false", "off", "no", "0":
                return NONE;
            case "true", "on", "yes", "1":
                return PEER;
            default:
                break;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : v.split(",", -1)) {
            blocks.add(Block.parse(entry.strip()));
        }
        return new TrustedProxies(false, List.copyOf(blocks));
    }

    /** Whether any forwarding header is read at all. */
    public boolean enabled() {
        return anyPeer || !blocks.isEmpty();
    }

    /** Whether the socket's peer is a proxy whose forwarding headers count. */
    boolean trustsPeer(InetAddress peer) {
        return anyPeer || contains(peer);
    }

    /** Whether an address named in a forwarding header is a further proxy (only with blocks). */
    boolean isProxy(InetAddress hop) {
        return contains(hop);
    }

    private boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Block b : blocks) {
            if (b.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        if (anyPeer) {
            return "the immediate peer";
        }
        return blocks.isEmpty() ? "none" : String.join(", ", blocks.stream().map(Block::toString).toList());
    }

    /** One CIDR block: the network's bytes and how many leading bits must match. */
    private record Block(byte[] network, int bits, String text) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress address = IpAddresses.parse(host);
            if (address == null) {
                throw new IllegalArgumentException("--trust-proxy: '" + entry + "' is not an IP address or a CIDR"
                        + " block such as 10.0.0.0/8 or 2001:db8::/32 (host names are not accepted)");
            }
            byte[] bytes = address.getAddress();
            int max = bytes.length * 8;
            int bits = max;
            if (slash >= 0) {
                String suffix = entry.substring(slash + 1);
                if (suffix.isEmpty() || suffix.length() > 3 || !suffix.chars().allMatch(c -> c >= '0' && c <= '9')
                        || Integer.parseInt(suffix) > max) {
                    throw new IllegalArgumentException("--trust-proxy: '" + entry + "' has a prefix length outside 0 to "
                            + max);
                }
                bits = Integer.parseInt(suffix);
            }
            return new Block(bytes, bits, entry);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
