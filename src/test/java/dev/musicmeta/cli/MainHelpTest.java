package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --version} and {@code --help} at the top and on every subcommand. */
class MainHelpTest {

    private static final List<String> SUBCOMMANDS = List.of("serve", "generate", "index");

    @Test
    void versionIsPrintedAtTheTopAndByEverySubcommand() {
        String version = new VersionProvider().getVersion()[0];
        assertThat(version).startsWith("music-metadata-api ");

        assertThat(CliRun.of("--version").out().strip()).isEqualTo(version);
        for (String command : SUBCOMMANDS) {
            for (String flag : List.of("--version", "-V")) {
                CliRun run = CliRun.of(command, flag);
                assertThat(run.code()).as(command + " " + flag).isZero();
                assertThat(run.out().strip()).as(command + " " + flag).isEqualTo(version);
            }
        }
    }
}
