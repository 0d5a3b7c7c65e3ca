package dev.musicmeta.cli;

import dev.musicmeta.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.http.BuildInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --version} and {@code --help} at the top and on every subcommand. */
class MainHelpTest {

    private static final List<String> SUBCOMMANDS = List.of("serve", "generate", "index", "keys");

    @Test
    void versionIsPrintedAtTheTopAndByEverySubcommand() {
        String version = new VersionProvider().getVersion()[0];
        assertThat(version).isEqualTo("music-metadata-api " + BuildInfo.current().describe());

        assertThat(CliRun.of("--version").out().strip()).isEqualTo(version);
        for (String command : SUBCOMMANDS) {
            for (String flag : List.of("--version", "-V")) {
                CliRun run = CliRun.of(command, flag);
                assertThat(run.code()).as(command + " " + flag).isZero();
                assertThat(run.out().strip()).as(command + " " + flag).isEqualTo(version);
            }
        }
    }

    @Test
    void theCommandListShowsEachSubcommandsFirstDescriptionLineWholeOnOneLine() {
        CliRun run = CliRun.of("--help");
        assertThat(run.code()).isZero();
        List<String> help = run.out().lines().toList();

        CommandLine main = Main.commandLine(name -> null);
        for (String command : SUBCOMMANDS) {
            String first = main.getSubcommands().get(command).getCommandSpec().usageMessage().description()[0];
            assertThat(first).as(command).matches("[A-Z][^\\n]*\\.");
            String row = help.stream().filter(l -> l.startsWith("  " + command + " ")).findFirst().orElseThrow();
            assertThat(row.substring(command.length() + 2).strip()).as(command).isEqualTo(first);
            String next = help.get(help.indexOf(row) + 1);
            assertThat(next).as("no continuation of the " + command + " row").doesNotStartWith("     ");
        }
    }

    @Test
    void withoutASubcommandTheHelpGoesToStandardErrorWithExitCode2() {
        CliRun run = CliRun.of();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Missing subcommand").contains("Usage: music-metadata-api");
        for (String command : SUBCOMMANDS) {
            assertThat(run.err()).contains("  " + command + " ");
        }
    }
}
