package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StderrAppenderTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private PrintStream savedErr;
    private LoggerContext context;
    private StderrAppender appender;
    private Logger logger;

    @BeforeEach
    void logToACapturedStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
        context = new LoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender = new StderrAppender();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        logger = context.getLogger("test");
        logger.setAdditive(false);
        logger.addAppender(appender);
    }

    @AfterEach
    void restoreStderr() {
        appender.stop();
        System.setErr(savedErr);
    }

    private List<String> lines() {
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void stoppingWritesOutEveryBufferedLineInOrder() {
        IntStream.range(0, 5000).forEach(i -> logger.info("line {}", i));
        appender.stop();
        assertThat(lines()).containsExactlyElementsOf(IntStream.range(0, 5000).mapToObj(i -> "line " + i).toList());
    }

    @Test
    void linesLargerThanTheBufferAreWrittenWhole() {
        String big = "x".repeat(100_000);
        logger.info("before");
        logger.info(big);
        logger.info("after");
        appender.stop();
        assertThat(lines()).containsExactly("before", big, "after");
    }

    @Test
    void aLineAfterAQuietMomentIsWrittenAtOnce() {
        logger.info("first"); // nothing was written before it: no waiting
        assertThat(lines()).containsExactly("first");
    }
}
