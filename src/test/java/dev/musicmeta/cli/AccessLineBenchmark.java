package dev.musicmeta.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one access-log line costs the request's thread once its text is built: the logging event,
 * the encoder and the appender's buffer, as {@code serve} sets them up, for each log format and
 * encoder. Output goes to a stream that discards it. Two threads log at once, as two request
 * threads do on two cores. Run with {@code bench/jmh.sh AccessLine}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Threads(2)
public class AccessLineBenchmark {

    private static final String LINE = "GET /lookup/track/4uLU6hMCjMI75M1A2tKUQC 200 0 ms 1892 B 127.0.0.1"
            + " id=34b319f4a86898fb24401a76368fbb6d \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\"";

    /** {@code pattern} and {@code logstash}: Logback's own encoders; {@code line}: the service's. */
    @Param({"pattern", "line", "logstash", "json"})
    public String encoder;

    /** Unused: bench/jmh.sh passes it to every benchmark. */
    @Param("")
    public String catalog;

    private LoggerContext context;
    private Logger access;
    private PrintStream err;

    @Setup
    public void setUp() {
        err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        context = new LoggerContext();
        Encoder<ILoggingEvent> chosen = switch (encoder) {
            case "pattern" -> {
                PatternLayoutEncoder e = new PatternLayoutEncoder();
                e.setPattern(LogConfigurator.PATTERN);
                yield e;
            }
            case "logstash" -> new LogstashEncoder();
            default -> LogFormat.valueOf(encoder.equals("line") ? "text" : "json").encoder();
        };
        chosen.setContext(context);
        chosen.start();
        StderrAppender appender = new StderrAppender();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setEncoder(chosen);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        access = context.getLogger(LogConfigurator.ACCESS_LOGGER);
    }

    @TearDown
    public void tearDown() {
        context.stop();
        System.setErr(err);
    }

    @Benchmark
    public void text() {
        access.info(LINE);
    }

    @Benchmark
    public void withFields() {
        access.atInfo().setMessage(LINE)
                .addKeyValue("method", "GET")
                .addKeyValue("path", "/lookup/track/4uLU6hMCjMI75M1A2tKUQC")
                .addKeyValue("status", 200)
                .addKeyValue("duration_ms", 0L)
                .addKeyValue("bytes", 1892L)
                .addKeyValue("client", "127.0.0.1")
                .addKeyValue("request_id", "34b319f4a86898fb24401a76368fbb6d")
                .addKeyValue("user_agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36")
                .log();
    }
}
