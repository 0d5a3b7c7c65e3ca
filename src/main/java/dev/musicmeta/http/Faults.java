package dev.musicmeta.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs failures of the server while answering: each kind (its class and where it was thrown)
 * with its stack trace the first time, then one line per request, so that a fault every request
 * meets (a damaged file, say) writes one trace and not thousands.
 */
final class Faults {

    /** Bounds memory whatever happens; past it every fault is one line. */
    private static final int MAX_KINDS = 1_000;

    private final Logger log;
    private final Set<String> traced = ConcurrentHashMap.newKeySet();

    Faults(Logger log) {
        this.log = log;
    }

    /** @param what what failed, e.g. {@code failed to answer GET /x} */
    void log(String what, Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        String kind = failure.getClass().getName() + (stack.length > 0 ? " at " + stack[0] : "");
        String message = failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + failure.getMessage();
        if (traced.size() < MAX_KINDS && traced.add(kind)) {
            log.error("{}: {}", what, message, failure);
        } else {
            log.error("{}: {} (its stack trace was logged when it first happened)", what, message);
        }
    }
}
