package dev.musicmeta.http;

/**
 * Whether the server is draining: it was told to stop (SIGTERM) and wants no new traffic, though
 * it still answers what reaches it. From the moment draining begins, every answer carries
 * {@code Connection: close} so that clients move their keep-alive connections elsewhere, and
 * {@code GET /ready} answers 503 so that load balancers stop routing here. One instance per
 * server ({@link ApiServer#drainState()}), shared with whatever reports readiness.
 */
public final class DrainState {

    private volatile boolean draining;

    /** Begins draining; there is no way back. */
    public void begin() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }
}
