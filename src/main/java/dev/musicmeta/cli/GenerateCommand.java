package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.sample.SampleGenerator;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a deterministic sample catalog of the snapshot's schema. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes a deterministic sample catalog of a chosen size.",
            "Into DIR go main_database.sqlite3 and track_files.sqlite3, with the tables and indexes of the"
                    + " 2025 Spotify metadata snapshot and realistic data (names in many scripts, shared ISRCs,"
                    + " featured artists, NULLs, text that is not JSON). The same seed gives the same data."
        },
        footer = {"", "Exit codes: 0 written, 1 writing failed, 2 bad arguments or catalog files already there.",
            "Example: generate --out demo-catalog --tracks 100k"})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Directory to write the two files into; created if missing.")
    private Path out;

    @Option(names = {"-n", "--tracks"}, required = true, paramLabel = "N", converter = CountConverter.class,
            description = "Number of tracks, at least 1; k and M suffixes allowed (100k, 10M).")
    private long tracks;

    @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "1",
            description = "Seed of the data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--force", description = "Replace catalog files already in DIR.")
    private boolean force;

    @Option(names = "--examples",
            description = "Also write the few real recordings the README's examples use (Rick Astley, Queen, The"
                    + " Beatles, ...), under their Spotify ids and ISRCs; the demo catalog holds them.")
    private boolean examples;

    @Override
    public Integer call() {
        if (tracks < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tracks must be at least 1, not " + tracks);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is not a directory");
        }
        for (String name : new String[] {CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE}) {
            if (!force && Files.exists(out.resolve(name))) {
                return alreadyThere(out.resolve(name));
            }
        }
        long start = System.nanoTime();
        TerminalProgress progress = new TerminalProgress("generate");
        try {
            SampleGenerator.generate(out, tracks, seed, progress, force, examples);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException exists) { // written meanwhile by another run
                return alreadyThere(Path.of(exists.getFile()));
            }
            return error(CommandLine.ExitCode.SOFTWARE, FileErrors.describe(e.getCause()));
        }
        progress.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().println(CatalogSummary.of(out, tracks, seed, seconds));
        return CommandLine.ExitCode.OK;
    }

    private int alreadyThere(Path file) {
        return error(CommandLine.ExitCode.USAGE, file + " already exists; add --force to replace it");
    }

    private int error(int code, String message) {
        StderrAppender.flushAll();
        spec.commandLine().getErr().println("generate: " + message);
        return code;
    }

    /** Parses counts such as 5000, 5_000, 100k or 10M. */
    static final class CountConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String text = value.strip().replace("_", "");
            long factor = 1;
            if (text.endsWith("k") || text.endsWith("K")) {
                factor = 1_000;
            } else if (text.endsWith("m") || text.endsWith("M")) {
                factor = 1_000_000;
            }
            if (factor > 1) {
                text = text.substring(0, text.length() - 1);
            }
            try {
                return Math.multiplyExact(Long.parseLong(text), factor);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a count of tracks:"
                                + " use a whole number, optionally with k or M (100k, 10M)");
            }
        }
    }
}
