package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(0);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logsOneLineEveryTenSecondsWhenNotOnATerminal() {
        TerminalProgress progress = new TerminalProgress("index", out, false, clock::get);
        clock.set(5 * SECOND);
        progress.update(100, 1_000);
        assertThat(printed()).isEmpty();

        clock.set(10 * SECOND);
        progress.update(250, 1_000);
        assertThat(printed()).isEqualTo("index: 250/1,000 (25.0%), 25/s, 30s left\n");

        clock.set(15 * SECOND);
        progress.update(400, 1_000);
        assertThat(printed().lines()).hasSize(1);

        clock.set(20 * SECOND);
        progress.update(1_000, 1_000);
        progress.finish();
        assertThat(printed().lines()).containsExactly(
                "index: 250/1,000 (25.0%), 25/s, 30s left",
                "index: 1,000/1,000 (100.0%), 50/s, 20s elapsed",
                "index: 1,000/1,000 (100.0%), 50/s, 20s elapsed");
    }

    @Test
    void redrawsOneLineInPlaceOnATerminal() {
        TerminalProgress progress = new TerminalProgress("generate", out, true, clock::get);
        for (int i = 1; i <= 40; i++) {
            clock.set(i * SECOND / 10);
            progress.update(i * 25_000L, 1_000_000);
        }
        progress.finish();
        String printed = printed();
        assertThat(printed).startsWith("\rgenerate: ").endsWith("\n").doesNotContain("\n\r");
        assertThat(printed.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        // Updates every 0.1 s, redrawn at most every 0.25 s (every third update): 13 draws, then the final one.
        assertThat(printed.chars().filter(c -> c == '\r').count()).isEqualTo(14);
        assertThat(printed).contains("generate: 1,000,000/1,000,000 (100.0%), 250,000/s, 4s elapsed");
    }

    @Test
    void announcesAStepOnALineOfItsOwn() {
        TerminalProgress progress = new TerminalProgress("generate", out, true, clock::get);
        clock.set(SECOND);
        progress.update(10, 10);
        progress.step("building indexes");
        clock.set(3 * SECOND);
        progress.finish();
        assertThat(printed()).isEqualTo("\rgenerate: 10/10 (100.0%), 10/s, 1s elapsed   \n"
                + "generate: building indexes\n"
                + "\rgenerate: 10/10 (100.0%), 3/s, 3s elapsed   \n");
    }

    @Test
    void showsRemainingTimeInMinutesAndHours() {
        assertThat(TerminalProgress.duration(59)).isEqualTo("59s");
        assertThat(TerminalProgress.duration(61)).isEqualTo("1m01s");
        assertThat(TerminalProgress.duration(3_725)).isEqualTo("1h02m");
    }

    @Test
    void showsCountAndRateWhenTheTotalIsUnknown() {
        TerminalProgress progress = new TerminalProgress("scan", out, false, clock::get);
        clock.set(2 * SECOND);
        progress.update(500, 0);
        progress.finish();
        assertThat(printed()).isEqualTo("scan: 500, 250/s\n");
    }
}
