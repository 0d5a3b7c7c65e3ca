package dev.musicmeta.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

/**
 * The default logging setup, in code: human-readable lines on stderr (stdout stays free for
 * command output) through a {@link StderrAppender}, the application's loggers at
 * {@code MMA_LOG_LEVEL} (default INFO; {@link LogLevel} checks it), the access log at INFO
 * whatever that level (it has its own logger, {@code access}, and {@code serve --access-log} says
 * what it writes), Jetty's and Javalin's at WARN.
 * {@code serve --log-format json} then swaps the appender ({@link LogFormat}).
 *
 * <p>Logback finds this class through {@code META-INF/services}. Doing in code what a
 * {@code logback.xml} would do saves a fifth of a second at every start: Joran, the XML
 * configurator, loads and runs some 400 classes first. A configuration file still wins when there
 * is one: {@code -Dlogback.configurationFile=...}, or a {@code logback.xml} or
 * {@code logback-test.xml} on the class path.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** The access log's logger (dev.musicmeta.http.AccessLog writes to it). */
    static final String ACCESS_LOGGER = "access";

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || onClassPath("logback-test.xml")
                || onClassPath("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener()); // never print logback's own status lines

        LineEncoder encoder = new LineEncoder(); // PATTERN, written without the pattern layout's converters
        encoder.setContext(context);
        encoder.start();
        StderrAppender stderr = new StderrAppender();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setEncoder(encoder);
        stderr.start();

        configureLevels(context, System.getenv(LogLevel.ENV));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The levels: the service's loggers at {@code level} (INFO when it is not a level; the command
     * line refuses such a value before anything is logged), the access log at INFO, third parties
     * at WARN.
     */
    static void configureLevels(LoggerContext context, String level) {
        Level service = LogLevel.parse(level);
        context.getLogger("dev.musicmeta").setLevel(service == null ? Level.INFO : service);
        context.getLogger(ACCESS_LOGGER).setLevel(Level.INFO);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
    }

    private static boolean onClassPath(String resource) {
        return LogConfigurator.class.getClassLoader().getResource(resource) != null;
    }
}
