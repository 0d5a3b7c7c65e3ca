package dev.musicmeta.cli;

import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The executable jar's entry point: {@code serve}, {@code generate}, {@code index}, {@code keys}. */
@Command(
        name = "music-metadata-api",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A self-hosted music metadata web API over the 2025 Spotify metadata snapshot.")
public final class Main implements Runnable {

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /**
     * The subcommands, in the order the help lists them. Picocli reads a command's annotations by
     * reflection when it is added, about a tenth of a second for all of them at start-up; a command
     * line naming one subcommand gets only that one ({@link #commandLine(UnaryOperator, String...)}).
     */
    private static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("serve", ServeCommand::new),
            new Subcommand("generate", GenerateCommand::new),
            new Subcommand("index", IndexCommand::new),
            new Subcommand("keys", KeysCommand::new),
            new Subcommand("help", CommandLine.HelpCommand::new));

    private record Subcommand(String name, Supplier<Object> command) {
    }

    @Spec
    CommandSpec spec;

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
        return run(System::getenv, args);
    }

    /** As {@link #run(String...)}, with {@code environment} in place of the process's variables. */
    static int run(UnaryOperator<String> environment, String... args) {
        String logLevel = LogLevel.problem(environment.apply(LogLevel.ENV));
        if (logLevel != null) {
            System.err.println(logLevel); // read when logging started, before any command: checked first
            return 2;
        }
        String[] line = compatible(args);
        return commandLine(environment, line).execute(line);
    }

    /**
     * The command line with the conventions every command shares: booleans as {@link Flag} reads
     * them, enum values in any case, and each option of {@code serve} (and of any command declaring
     * {@link EnvironmentDefaults}) defaulting to its {@code MMA_*} variable, with errors about such
     * a value naming the variable. Where {@code args} starts with a subcommand other than
     * {@code help}, that is the only one it holds; otherwise it holds them all.
     */
    static CommandLine commandLine(UnaryOperator<String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : null;
        boolean one = SUBCOMMANDS.stream().anyMatch(s -> s.name().equals(first) && !first.equals("help"));
        for (Subcommand subcommand : SUBCOMMANDS) {
            if (!one || subcommand.name().equals(first)) {
                commandLine.addSubcommand(subcommand.name(), subcommand.command().get());
            }
        }
        commandLine.registerConverter(Boolean.class, new Flag());
        commandLine.registerConverter(Boolean.TYPE, new Flag());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        for (CommandLine command : commandLine.getSubcommands().values()) {
            if (command.getCommandSpec().defaultValueProvider() instanceof EnvironmentDefaults) {
                command.setDefaultValueProvider(new EnvironmentDefaults(environment));
            }
        }
        CommandLine.IParameterExceptionHandler standard = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler(
                (e, line) -> standard.handleParseException(EnvironmentDefaults.nameVariable(e, line), line));
        return commandLine;
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

    /** No subcommand: a usage error, answered with the help on standard error and exit code 2. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: serve, generate, index or keys");
    }
}
