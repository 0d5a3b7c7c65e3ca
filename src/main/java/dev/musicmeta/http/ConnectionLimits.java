package dev.musicmeta.http;

import java.time.Duration;

/**
 * What one connection and one client may cost the server: deadlines on reading a request whole
 * (not on idleness, which a client that sends a byte now and then never reaches), and caps on
 * connections.
 *
 * @param headerTimeout           a request's line and headers must arrive within this, counted
 *                                from its first byte (from the connection's opening for its first
 *                                request); past it the client gets 408, or the connection is
 *                                closed if nothing of a request arrived
 * @param bodyTimeout             a request's body must arrive whole within this after its
 *                                headers; past it, 408
 * @param maxConnections          open connections in all; a connection over it is closed at once
 * @param maxConnectionsPerClient open connections from one peer address (trusted proxies aside);
 *                                a connection over it is closed at once
 * @param acceptQueue             the listen backlog: connections the kernel completes and holds
 *                                before they are accepted (the kernel caps it at
 *                                net.core.somaxconn)
 */
public record ConnectionLimits(
        Duration headerTimeout,
        Duration bodyTimeout,
        int maxConnections,
        int maxConnectionsPerClient,
        int acceptQueue) {

    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 64;
    public static final int DEFAULT_ACCEPT_QUEUE = 1024;

    public ConnectionLimits {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("the header and body timeouts must be positive");
        }
        if (maxConnections < 1 || maxConnectionsPerClient < 1 || acceptQueue < 1) {
            throw new IllegalArgumentException("connection caps and the accept queue must be at least 1");
        }
    }

    /** 10 s for headers, 10 s for a body, 10,000 connections, 64 per client, a backlog of 1024. */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_HEADER_TIMEOUT, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_CONNECTIONS_PER_CLIENT, DEFAULT_ACCEPT_QUEUE);
    }

    public ConnectionLimits withTimeouts(Duration header, Duration body) {
        return new ConnectionLimits(header, body, maxConnections, maxConnectionsPerClient, acceptQueue);
    }

    public ConnectionLimits withMaxConnections(int total, int perClient) {
        return new ConnectionLimits(headerTimeout, bodyTimeout, total, perClient, acceptQueue);
    }

    public ConnectionLimits withAcceptQueue(int backlog) {
        return new ConnectionLimits(headerTimeout, bodyTimeout, maxConnections, maxConnectionsPerClient, backlog);
    }
}
