package dev.musicmeta.cli;

import dev.musicmeta.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.testing.TestCatalogs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * How {@code serve} sets up search: the index found beside the main file when {@code --db} names
 * the folder, and the search time budget of {@code --search-timeout}.
 */
class ServeSearchSetupTest {

    @TempDir
    Path tmp;

    @Test
    void aSearchTimeoutOutsideOneTo300SecondsIsExitCode2WithOneLineSayingWhatIsAccepted() {
        for (String bad : List.of("0", "-1", "301", "86400")) {
            CliRun run = CliRun.of("serve", "--db", "x", "--search-timeout", bad);

            assertThat(run.code()).as(bad).isEqualTo(2);
            assertThat(run.errLines().get(0)).as(bad).contains("--search-timeout", "1 to 300", bad);
        }
        CliRun notANumber = CliRun.of("serve", "--db", "x", "--search-timeout", "10s");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--search-timeout", "'10s'");
    }

    @Test
    void theSearchTimeoutDefaultsToTheContractsTenSecondsAndSetsTheCatalogsSearchBudget() {
        assertThat(optionsOf("--db", "x").searchBudget())
                .isEqualTo(SqliteOptions.DEFAULT_SEARCH_BUDGET).isEqualTo(Duration.ofSeconds(10));
        assertThat(optionsOf("--db", "x", "--search-timeout", "3").searchBudget()).isEqualTo(Duration.ofSeconds(3));
        assertThat(optionsOf("--db", "x", "--search-timeout", "300").searchBudget()).isEqualTo(Duration.ofMinutes(5));
    }

    private static SqliteOptions optionsOf(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.catalogOptions();
    }

    @Test
    void theSearchTimeoutFromTheEnvironmentReachesTheCatalog() throws Exception {
        Path dir = copyOfSmallCatalog();

        // Without an index, the start-up warning states the budget the SQL fallback search runs with.
        List<String> log = startupLog(Map.of("MMA_SEARCH_TIMEOUT", "7"), "serve", "--db", dir.toString());

        assertThat(log).anyMatch(l -> l.contains("no search index at " + dir.resolve("search-index"))
                && l.contains("past 7 s it answers 504"));
    }

    @Test
    void aFolderAsDbServesTheSearchIndexBesideItsMainFile() throws Exception {
        Path dir = copyOfSmallCatalog();
        CliRun index = CliRun.of("index", "--db", dir.resolve(CatalogFiles.MAIN_FILE).toString(), "--threads", "1");
        assertThat(index.code()).as(index.err()).isZero();

        List<String> log = startupLog(Map.of(), "serve", "--db", dir.toString());

        assertThat(log).anyMatch(l -> l.contains("search index " + dir.resolve("search-index") + ": "
                + String.format("%,d tracks", TestCatalogs.SMALL_TRACKS)));
        assertThat(log).noneMatch(l -> l.contains("no search index"));
    }

    private Path copyOfSmallCatalog() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("catalog"));
        Files.copy(TestCatalogs.smallMain(), dir.resolve(CatalogFiles.MAIN_FILE));
        Files.copy(TestCatalogs.smallTrackFiles(), dir.resolve(CatalogFiles.TRACK_FILES_FILE));
        return dir;
    }

    /** The log of a real {@code serve} process up to the line saying where it listens; then SIGTERM. */
    private static List<String> startupLog(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--addr", "127.0.0.1:0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MMA_SHUTDOWN_DELAY", "0"); // nothing routes here: stop at once
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.contains("API docs at")) {
                    break;
                }
            }
            p.toHandle().destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(lines.toString()).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(lines).as("the server started").anyMatch(l -> l.contains("API docs at"));
        return lines;
    }
}
