package dev.musicmeta.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} in a process of its own, as an operator runs it: on the test class path, with the
 * environment and JVM options given, on a free loopback port. Its output (stdout and stderr
 * together) is collected line by line; {@link #terminate()} sends SIGTERM.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern DOCS = Pattern.compile("API docs at (http://127\\.0\\.0\\.1:(\\d+))/docs");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile URI base;

    private ServeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "serve-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code serve --addr 127.0.0.1:0 ARGS}; returns once the printed docs address says it
     * listens, or once it has exited.
     */
    public static ServeProcess start(Map<String, String> env, List<String> jvmOptions, String... args) {
        return startUnder(List.of(), env, jvmOptions, args);
    }

    /**
     * {@link #start} with {@code launcher} before the {@code java} command, e.g. {@code env
     * --ignore-signal=HUP} to start it as {@code nohup} would (the launcher must exec java, so
     * that {@link #pid()} stays the server's).
     */
    public static ServeProcess startUnder(List<String> launcher, Map<String, String> env, List<String> jvmOptions,
                                          String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.musicmeta.cli.Main", "serve"));
        command.addAll(List.of(args));
        command.addAll(List.of("--addr", "127.0.0.1:0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            ServeProcess p = new ServeProcess(pb.start());
            p.awaitStart();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitStart() {
        try {
            if (!started.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("serve did not start within 60 s: " + lines());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
                Matcher m = DOCS.matcher(line);
                if (base == null && m.find()) {
                    base = URI.create(m.group(1) + "/");
                    started.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            started.countDown();
            ended.countDown();
        }
    }

    /** {@code http://127.0.0.1:PORT/}, or null when it exited before listening. */
    public URI base() {
        return base;
    }

    public int port() {
        return base.getPort();
    }

    /** Every line it printed so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The process id, to send it signals. */
    public long pid() {
        return process.pid();
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM. */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for it to exit and for its output to be read; returns the exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("serve did not exit within " + timeout + ": " + lines());
            }
            ended.await(10, TimeUnit.SECONDS);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
