package dev.musicmeta.cli;

import dev.musicmeta.catalog.Progress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows the progress of a long job on standard error: on a terminal one line redrawn in place
 * (done/total, percent, rate, time left), otherwise, as in a log file or CI output, one line
 * every ten seconds. Safe to call from several threads.
 */
public final class TerminalProgress implements Progress {

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final long LOG_NANOS = 10_000_000_000L;

    private final String label;
    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastShown;
    private long lastDone;
    private long lastTotal;
    private boolean unshown;
    /** On a terminal: a progress line is on screen, not yet ended by a newline. */
    private boolean lineOpen;

    /**
     * Progress of {@code label} (e.g. "generate", "index") on standard error, redrawn in place
     * when the program runs on a terminal.
     */
    public TerminalProgress(String label) {
        this(label, System.err, System.console() != null, System::nanoTime);
    }

    /** For tests and embedding: where to print, whether to redraw in place, and the clock. */
    public TerminalProgress(String label, PrintStream out, boolean interactive, LongSupplier nanoClock) {
        this.label = label;
        this.out = out;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastShown = start;
    }

    @Override
    public synchronized void update(long done, long total) {
        lastDone = done;
        lastTotal = total;
        unshown = true;
        long now = nanoClock.getAsLong();
        if (now - lastShown >= (interactive ? REDRAW_NANOS : LOG_NANOS)) {
            show(now);
        }
    }

    /** Shows the final figures so far and, on a line of its own, the step the job moved on to. */
    @Override
    public synchronized void step(String description) {
        if (unshown) {
            show(nanoClock.getAsLong());
        }
        endLine();
        out.println(label + ": " + description);
        out.flush();
        lastShown = nanoClock.getAsLong();
    }

    /** Prints the final figures and ends the line; call once when the job is over. */
    public synchronized void finish() {
        show(nanoClock.getAsLong());
        endLine();
        out.flush();
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    private void show(long now) {
        lastShown = now;
        unshown = false;
        String line = line(now);
        if (interactive) {
            // Pad so a shorter line fully covers the previous one.
            out.print("\r" + line + "   ");
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** e.g. {@code generate: 250,000/1,000,000 (25.0%), 84,210/s, 9s left}. */
    String line(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = lastDone / seconds;
        StringBuilder line = new StringBuilder(label).append(": ")
                .append(String.format(Locale.ROOT, "%,d", lastDone));
        if (lastTotal > 0) {
            line.append(String.format(Locale.ROOT, "/%,d (%.1f%%)", lastTotal, 100.0 * lastDone / lastTotal));
        }
        line.append(String.format(Locale.ROOT, ", %,.0f/s", rate));
        if (lastTotal > 0 && lastDone >= lastTotal) {
            line.append(", ").append(duration(seconds)).append(" elapsed");
        } else if (lastTotal > 0 && rate > 0) {
            line.append(", ").append(duration((lastTotal - lastDone) / rate)).append(" left");
        }
        return line.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
