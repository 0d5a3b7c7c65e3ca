package dev.musicmeta.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines to stderr, buffered while they come fast. A line that follows a quiet moment (no
 * write in the last {@link #MAX_DELAY_MILLIS} ms) is written at once, so a terminal shows it
 * immediately; lines that follow it closely are copied into a buffer that goes out in one write
 * at most that many milliseconds later. Under load many access-log lines share one system call.
 *
 * <p>What is buffered is written out by {@link #stop()} (the logger context's, before the program
 * exits), by a JVM shutdown hook, and by {@link #flushAll()} before a command prints an error of
 * its own, so log lines never come out after it. Once stopped, a line that still arrives is
 * written at once.
 */
final class StderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final long MAX_DELAY_MILLIS = 20;

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_DELAY_MILLIS);

    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int size;
    private long lastWrite = System.nanoTime() - MAX_DELAY_NANOS;
    private boolean flushScheduled;
    private boolean stopped;
    private Encoder<ILoggingEvent> encoder;
    private ScheduledExecutorService flusher;
    private Thread flushAtExit;

    void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for appender " + name);
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "log-flush");
            t.setDaemon(true); // it must not keep the JVM alive; stop() and the hook flush
            return t;
        });
        flushAtExit = new Thread(this::flushAtExit, "log-flush-at-exit");
        Runtime.getRuntime().addShutdownHook(flushAtExit);
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        lock.lock();
        try {
            stopped = true; // from here on each line is written at once: the flusher is going away
            writeBuffer();
        } finally {
            lock.unlock();
        }
        flusher.shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(flushAtExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] line = encoder.encode(event); // outside the lock: the costly part
        lock.lock();
        try {
            if (size + line.length > buffer.length) {
                writeBuffer();
            }
            if (line.length > buffer.length) {
                write(line, line.length);
                return;
            }
            System.arraycopy(line, 0, buffer, size, line.length);
            size += line.length;
            if (stopped || System.nanoTime() - lastWrite >= MAX_DELAY_NANOS) {
                writeBuffer(); // the first line after a quiet moment goes out at once
            } else if (!flushScheduled) {
                flushScheduled = true;
                flusher.schedule(this::flush, MAX_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes out what every StderrAppender of the root logger holds. */
    static void flushAll() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appender -> {
                if (appender instanceof StderrAppender stderr) {
                    stderr.flush();
                }
            });
        }
    }

    /** At JVM exit, but never blocked for long by a thread stuck writing to a full stderr pipe. */
    private void flushAtExit() {
        try {
            if (lock.tryLock(100, TimeUnit.MILLISECONDS)) {
                try {
                    writeBuffer();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush() {
        lock.lock();
        try {
            flushScheduled = false;
            writeBuffer();
        } finally {
            lock.unlock();
        }
    }

    private void writeBuffer() {
        if (size > 0) {
            write(buffer, size);
            size = 0;
        }
    }

    /** To System.err as it is now (as ConsoleAppender does), which flushes each write. */
    private void write(byte[] bytes, int length) {
        PrintStream err = System.err;
        err.write(bytes, 0, length);
        err.flush();
        lastWrite = System.nanoTime();
    }
}
