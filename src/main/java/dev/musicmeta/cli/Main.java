package dev.musicmeta.cli;

import ch.qos.logback.classic.LoggerContext;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The executable jar's entry point: {@code serve}, {@code generate}, {@code index}. */
@Command(
        name = "music-metadata-api",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A self-hosted music metadata web API over the 2025 Spotify metadata snapshot.",
        subcommands = {ServeCommand.class, GenerateCommand.class, IndexCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        int code = run(args);
        // StderrAppender may hold the last log lines for a few milliseconds; stopping the context
        // writes them out before the JVM goes.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.stop();
        }
        System.exit(code);
    }

    /** Runs the command line and returns its exit code; 2 for usage errors and unusable files. */
    public static int run(String... args) {
        String logLevel = LogLevel.problem(System.getenv(LogLevel.ENV));
        if (logLevel != null) {
            System.err.println(logLevel);
            return 2;
        }
        return new CommandLine(new Main()).execute(compatible(args));
    }

    /**
     * The Go server took its flags without a subcommand ({@code -db PATH -addr :8080}); such a
     * command line means {@code serve}.
     */
    static String[] compatible(String[] args) {
        if (args.length > 0 && args[0].startsWith("-") && !TOP_LEVEL_OPTIONS.contains(args[0])) {
            String[] withServe = new String[args.length + 1];
            withServe[0] = "serve";
            System.arraycopy(args, 0, withServe, 1, args.length);
            return withServe;
        }
        return args;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
