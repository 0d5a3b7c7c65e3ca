package dev.musicmeta.cli;

import java.lang.management.ManagementFactory;

/**
 * Sets up, on a thread of its own, what {@code serve} needs a moment later and costs the most to
 * set up cold, while the main thread checks the options and sets up the server (as Spring Boot's
 * background pre-initializer does). Started once logging is configured: a logger asked for while
 * SLF4J initializes would make it print a warning on standard error. Jetty's {@code MimeTypes} reads every locale the JDK
 * knows as it initializes, about 80 ms of CPU; the operating system's management bean, which the
 * server reads for its connection limit, loads the JDK's management classes. Whichever thread
 * comes first does the work and the other waits for it, so nothing runs twice.
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
            Class.forName("org.eclipse.jetty.http.MimeTypes", true, ServeWarmUp.class.getClassLoader());
            ManagementFactory.getOperatingSystemMXBean();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // the server sets them up itself, and reports what fails there
        }
    }
}
