package dev.musicmeta.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.IO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open connections in total and per peer address. A connection over a cap is closed as
 * soon as it is accepted, before anything is read or any thread or buffer is given to it: one
 * client cannot hold every connection, and past the total the server refuses rather than runs
 * out of file descriptors. Peers that are trusted proxies speak for many clients and are capped
 * only by the total.
 *
 * <p>A listener on the connector's selector: Jetty calls it as it accepts a socket and as it
 * closes one, so the counts follow the sockets exactly. Peers are socket addresses, never
 * resolved.
 */
final class ConnectionGuard implements SelectorManager.AcceptListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    /** At most one warning per this many refusals, so a flood does not flood the log too. */
    private static final long WARN_EVERY = 1_000;

    private final int maxTotal;
    private final int maxPerClient;
    private final TrustedProxies proxies;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private final Map<SelectableChannel, InetAddress> open = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    ConnectionGuard(int maxTotal, int maxPerClient, TrustedProxies proxies) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
        this.proxies = proxies;
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
        InetAddress peer = peer(channel);
        open.put(channel, peer);
        int all = total.incrementAndGet();
        int fromPeer = perClient.merge(peer, 1, Integer::sum);
        if (all > maxTotal || (fromPeer > maxPerClient && !proxies.trustsPeer(peer))) {
            long n = refused.incrementAndGet();
            if (n % WARN_EVERY == 1) {
                LOG.warn("refused a connection from {}: {} open in all (cap {}), {} from that address (cap {});"
                        + " {} refused so far", peer.getHostAddress(), all - 1, maxTotal, fromPeer - 1, maxPerClient, n);
            }
            IO.close(channel); // Jetty then reports onAcceptFailed, which releases the counts
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        release(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        release(channel);
    }

    private void release(SelectableChannel channel) {
        InetAddress peer = open.remove(channel);
        if (peer == null) {
            return;
        }
        total.decrementAndGet();
        perClient.computeIfPresent(peer, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** Connections open now (for tests). */
    int open() {
        return total.get();
    }

    /** Connections refused since start (for tests and logs). */
    long refused() {
        return refused.get();
    }

    private static InetAddress peer(SelectableChannel channel) {
        try {
            if (channel instanceof SocketChannel socket && socket.getRemoteAddress() instanceof InetSocketAddress a
                    && a.getAddress() != null) {
                return a.getAddress();
            }
        } catch (IOException e) {
            // closed already: counted under the unknown address until Jetty reports it failed
        }
        return InetAddress.getLoopbackAddress();
    }
}
