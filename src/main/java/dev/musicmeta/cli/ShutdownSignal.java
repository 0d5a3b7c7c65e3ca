package dev.musicmeta.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. Catching them (rather than letting the JVM run its shutdown hooks
 * and exit with 143) lets {@code serve} stop gracefully and exit 0, as a container runtime
 * expects. sun.misc.Signal is the JDK's supported way to do this (JEP 260 keeps it in
 * jdk.unsupported for exactly this use).
 */
final class ShutdownSignal {

    private final CountDownLatch received = new CountDownLatch(1);
    private volatile String name;

    ShutdownSignal() {
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), s -> {
                    name = "SIG" + s.getName();
                    received.countDown();
                });
            } catch (IllegalArgumentException e) {
                // not on this platform (or the JVM runs with -Xrs): the shutdown hook still stops us
            }
        }
    }

    /** Blocks until a signal arrives; returns its name. */
    String await() throws InterruptedException {
        received.await();
        return name;
    }
}
