package dev.musicmeta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of bench/ answer --help without doing anything, and install nothing unasked: a
 * missing tool is named and the script stops. Each runs from a copy of bench/ alone in a folder
 * of its own, where anything it built, generated or wrote would show.
 */
class BenchScriptsTest {

    private static final Path BENCH = Path.of(System.getProperty("basedir", "."), "bench");
    private static final List<String> SCRIPTS = List.of("run.sh", "search.sh", "jmh.sh", "generate.sh", "soak.sh",
            "relevance.sh", "fallback-pairs.sh");

    @TempDir
    Path root;

    private Path bench;

    private record Result(int code, String out, String err) {}

    @BeforeEach
    void copyBench() throws IOException {
        bench = Files.createDirectory(root.resolve("bench"));
        try (Stream<Path> files = Files.list(BENCH)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, bench.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** Runs {@code bash bench/<script> args} with {@code path} as PATH (null: the test's own). */
    private Result run(String script, String path, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", bench.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        if (path != null) {
            pb.environment().put("PATH", path);
        }
        Path out = root.getParent().resolve(root.getFileName() + ".out");
        Path err = root.getParent().resolve(root.getFileName() + ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(script + " finished").isTrue();
        Result result = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    @Test
    void everyScriptAnswersHelpWithItsHeaderAndDoesNothingElse() throws Exception {
        List<String> before = tree();
        for (String script : SCRIPTS) {
            for (String flag : List.of("--help", "-h")) {
                Result help = run(script, null, flag);

                assertThat(help.code()).as(script + " " + flag + ": " + help.err()).isZero();
                String firstComment = Files.readAllLines(bench.resolve(script)).get(1).replaceFirst("^# ?", "");
                assertThat(help.out()).as(script).startsWith(firstComment).contains("bench/" + script);
                assertThat(help.out()).as(script).doesNotContain("set -euo");
            }
        }
        assertThat(tree()).as("nothing built, generated or written").isEqualTo(before);
    }

    @Test
    void aMissingToolIsNamedAndNothingIsInstalled() throws Exception {
        // a PATH with just the tools the scripts need before their checks: wrk, curl, sqlite3,
        // python3, apt-get and sudo are all absent from it
        Path bin = Files.createDirectory(root.getParent().resolve(root.getFileName() + "-bin"));
        for (String tool : List.of("dirname", "sed", "date", "tr")) {
            Path real = Stream.of("/usr/bin/", "/bin/").map(d -> Path.of(d + tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow();
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        List<String> before = tree();

        Result load = run("run.sh", bin.toString());
        assertThat(load.code()).as(load.err()).isEqualTo(2);
        assertThat(load.err()).contains("needs wrk sqlite3 curl", "--install-deps").doesNotContain("installing");

        Result soak = run("soak.sh", bin.toString());
        assertThat(soak.code()).as(soak.err()).isEqualTo(2);
        assertThat(soak.err()).contains("needs wrk sqlite3 curl", "--install-deps").doesNotContain("installing");

        Result search = run("search.sh", bin.toString());
        assertThat(search.code()).as(search.err()).isEqualTo(2);
        assertThat(search.err()).contains("wrk", "python3", "--install-deps").doesNotContain("installing");

        Result relevance = run("relevance.sh", bin.toString());
        assertThat(relevance.code()).as(relevance.err()).isEqualTo(2);
        assertThat(relevance.err()).contains("needs python3 curl java");

        assertThat(tree()).as("nothing built, generated or written").isEqualTo(before);
    }

    @Test
    void anUnknownArgumentIsRefused() throws Exception {
        for (String script : List.of("run.sh", "search.sh", "generate.sh", "soak.sh", "relevance.sh", "fallback-pairs.sh")) {
            Result unknown = run(script, null, "--frobnicate");
            assertThat(unknown.code()).as(script).isEqualTo(2);
            assertThat(unknown.err()).as(script).contains("--frobnicate");
        }
    }
}
