package dev.musicmeta.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each option's default from its environment variable: {@code --rate-limit} from
 * {@code MMA_RATE_LIMIT}, {@code --api-keys} from {@code MMA_API_KEYS}, by one rule for every
 * option of a command that declares this provider ({@code @Command(defaultValueProvider = ...)}).
 * A variable goes through the option's own converter, exactly like a value on the command line, so
 * {@code MMA_DEMO=yes} works where {@code --demo} does and {@code MMA_LOG_FORMAT=JSON} where
 * {@code --log-format JSON} does; the command line wins over the environment.
 *
 * <p>It remembers what it supplied, so that an error about such a value names the variable
 * rather than an option the user never typed ({@link #nameVariable}, {@link #source}).
 */
public final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    static final String PREFIX = "MMA_";

    private final UnaryOperator<String> environment;
    private final Map<OptionSpec, String> supplied = new ConcurrentHashMap<>();

    /** Reads the process environment. */
    public EnvironmentDefaults() {
        this(System::getenv);
    }

    EnvironmentDefaults(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** {@code MMA_} and the option's longest name in upper case, dashes as underscores. */
    static String variable(OptionSpec option) {
        return PREFIX + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = environment.apply(variable(option));
        if (value == null || value.isEmpty()) {
            return null; // unset or empty: the option's own default
        }
        supplied.put(option, value);
        return value;
    }

    /**
     * Where the value of {@code optionName} in a parsed {@code spec} came from, for a message about
     * it: the variable (as {@code MMA_X}) when the environment supplied it, else the option's name.
     */
    static String source(CommandSpec spec, String optionName) {
        OptionSpec option = spec.findOption(optionName);
        if (option != null && spec.defaultValueProvider() instanceof EnvironmentDefaults env
                && env.supplied.containsKey(option)
                && !spec.commandLine().getParseResult().hasMatchedOption(option)) {
            return variable(option);
        }
        return optionName;
    }

    /**
     * The same error, naming the variable when the value it refuses came from one: picocli's
     * "Invalid value for option '--demo': ..." becomes "Invalid value for MMA_DEMO (the
     * environment variable of --demo): ...".
     */
    static CommandLine.ParameterException nameVariable(CommandLine.ParameterException e, String[] args) {
        if (!(e.getArgSpec() instanceof OptionSpec option)
                || !(e.getCommandLine().getCommandSpec().defaultValueProvider() instanceof EnvironmentDefaults env)) {
            return e;
        }
        String value = env.supplied.get(option);
        if (value == null || !value.equals(e.getValue()) || givenOnCommandLine(option, args)) {
            return e;
        }
        String reason = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getMessage().replaceFirst("^Invalid value for option '[^']*': ", "");
        String message = "Invalid value for " + variable(option) + " (the environment variable of "
                + option.longestName() + "): " + reason;
        return new CommandLine.ParameterException(e.getCommandLine(), message, e.getCause(), option, e.getValue());
    }

    private static boolean givenOnCommandLine(OptionSpec option, String[] args) {
        return Arrays.stream(args).anyMatch(arg -> Arrays.stream(option.names())
                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
    }
}
