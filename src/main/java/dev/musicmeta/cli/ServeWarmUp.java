package dev.musicmeta.cli;

import java.lang.management.ManagementFactory;

/**
 * Sets up, on a thread of its own, what {@code serve} needs a moment later and costs the most to
 * set up cold, while the main thread checks the options and sets up the server (as Spring Boot's
 * background pre-initializer does). Started once logging is configured: a logger asked for while
 * SLF4J initializes would make it print a warning on standard error. In the order the main thread
 * needs them: the operating system's management bean, which the server reads for its connection
 * limit as it is built, loads the JDK's management classes; Caffeine, whose class asks the JDK for
 * a System.Logger as it initializes (the rate limiter's buckets); Jetty's {@code MimeTypes} reads
 * every locale the JDK knows as it initializes, about 80 ms of CPU, needed only once Jetty starts.
 * Whichever thread comes first does the work and the other waits for it, so nothing runs twice.
 */
final class ServeWarmUp {

    private ServeWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(ServeWarmUp::run, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            ManagementFactory.getOperatingSystemMXBean();
            Class.forName("com.github.benmanes.caffeine.cache.Caffeine", true, ServeWarmUp.class.getClassLoader());
            Class.forName("org.eclipse.jetty.http.MimeTypes", true, ServeWarmUp.class.getClassLoader());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // the server sets them up itself, and reports what fails there
        }
    }
}
