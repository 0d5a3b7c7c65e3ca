package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.sample.SampleGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.sqlite.SQLiteConfig;
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

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (tracks < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tracks must be at least 1, not " + tracks);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is not a directory");
        }
        if (!force) {
            for (String name : new String[] {CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE}) {
                Path existing = out.resolve(name);
                if (Files.exists(existing)) {
                    err.println("generate: " + existing + " already exists; add --force to replace it");
                    return CommandLine.ExitCode.USAGE;
                }
            }
        }
        long start = System.nanoTime();
        TerminalProgress progress = new TerminalProgress("generate");
        try {
            SampleGenerator.generate(out, tracks, seed, progress, force);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException exists) {
                err.println("generate: " + exists.getFile() + " already exists; add --force to replace it");
                return CommandLine.ExitCode.USAGE;
            }
            err.println("generate: " + describe(e.getCause()));
            return CommandLine.ExitCode.SOFTWARE;
        }
        progress.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().println(summary(seconds));
        return CommandLine.ExitCode.OK;
    }

    /** One line for a person: the JDK's file exceptions carry little more than a path. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (e instanceof FileSystemException failed) {
            String reason = failed.getReason() == null ? e.getClass().getSimpleName() : failed.getReason();
            return failed.getFile() + ": " + reason;
        }
        return e.getMessage();
    }

    private String summary(double seconds) {
        Path main = out.resolve(CatalogFiles.MAIN_FILE);
        Path trackFiles = out.resolve(CatalogFiles.TRACK_FILES_FILE);
        String counts;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + main.toAbsolutePath(), readOnly());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT max(rowid) FROM tracks),"
                        + " (SELECT max(rowid) FROM albums), (SELECT max(rowid) FROM artists)")) {
            counts = String.format(Locale.ROOT, "%,d tracks, %,d albums, %,d artists", rows.getLong(1), rows.getLong(2),
                    rows.getLong(3));
        } catch (SQLException e) {
            counts = String.format(Locale.ROOT, "%,d tracks", tracks);
        }
        return String.format(Locale.ROOT, "wrote %s: %s (seed %d); %s %s, %s %s; %.1f s", out, counts, seed,
                main.getFileName(), size(main), trackFiles.getFileName(), size(trackFiles), seconds);
    }

    private static String size(Path file) {
        try {
            return String.format(Locale.ROOT, "%.1f MiB", Files.size(file) / (1024.0 * 1024.0));
        } catch (IOException e) {
            return "size unknown";
        }
    }

    private static Properties readOnly() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.toProperties();
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
