package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.http.TrustedProxies;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options from MMA_* variables: booleans and enum values as people write them, the command line
 * over the environment, and errors that name the variable a bad value came from.
 */
class EnvironmentTest {

    /** One run of the command line with {@code env} as the environment: exit code and standard error. */
    private record Run(int code, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        CommandLine commandLine = Main.commandLine(env::get);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setOut(new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code = commandLine.execute(Main.compatible(args));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    /** {@code serve} parsed (not run) with {@code env} and {@code args}. */
    private static ServeCommand parsed(Map<String, String> env, String... args) {
        CommandLine commandLine = Main.commandLine(env::get);
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        commandLine.parseArgs(all);
        return commandLine.getSubcommands().get("serve").getCommand();
    }

    @ParameterizedTest
    @CsvSource({"1, true", "0, false", "yes, true", "No, false", "ON, true", "off, false", "TRUE, true",
        "false, false", "' Yes ', true"})
    void booleansTakeEveryCommonSpellingInAnyCase(String value, boolean expected) {
        assertThat(parsed(Map.of("MMA_DEMO", value)).demo).isEqualTo(expected);
        assertThat(TrustedProxies.parse(parsed(Map.of("MMA_TRUST_PROXY", value)).trustProxy))
                .isSameAs(expected ? TrustedProxies.PEER : TrustedProxies.NONE); // or CIDR blocks
    }

    @Test
    void trustProxyFromTheEnvironmentTakesBlocksToo() {
        assertThat(TrustedProxies.parse(parsed(Map.of("MMA_TRUST_PROXY", "10.0.0.0/8, ::1")).trustProxy))
                .hasToString("10.0.0.0/8, ::1");
    }

    @Test
    void enumValuesTakeAnyCaseFromTheEnvironmentAndTheCommandLine() {
        assertThat(parsed(Map.of("MMA_LOG_FORMAT", "JSON")).logFormat).isEqualTo(LogFormat.json);
        assertThat(parsed(Map.of(), "--log-format", "Json").logFormat).isEqualTo(LogFormat.json);
        assertThat(parsed(Map.of()).logFormat).isEqualTo(LogFormat.text);
    }

    @Test
    void everyServeOptionDefaultsToItsVariableAndTheCommandLineWins() {
        Map<String, String> env = new HashMap<>(Map.of("MMA_RATE_LIMIT", "7", "MMA_ADDR", "127.0.0.1:9",
                "MMA_API_KEYS", "/etc/mma/keys.txt", "MMA_SEARCH_TIMEOUT", "30", "MMA_DEMO_TRACKS", "500"));
        ServeCommand fromEnv = parsed(env);
        assertThat(fromEnv.rateLimit).isEqualTo(7);
        assertThat(fromEnv.addr).isEqualTo("127.0.0.1:9");
        assertThat(fromEnv.apiKeys).hasToString("/etc/mma/keys.txt");
        assertThat(fromEnv.searchTimeout).isEqualTo(30);
        assertThat(fromEnv.demoTracks).isEqualTo(500);

        env.put("MMA_RATE_LIMIT", "not a number"); // never read: the command line gives the value
        ServeCommand overridden = parsed(env, "--rate-limit", "9", "-addr", ":1");
        assertThat(overridden.rateLimit).isEqualTo(9);
        assertThat(overridden.addr).isEqualTo(":1");
        assertThat(parsed(Map.of("MMA_RATE_LIMIT", "")).rateLimit).as("empty is unset").isEqualTo(100);
    }

    @Test
    void eachOptionsHelpNamesTheVariableTheRuleGivesIt() {
        CommandLine serve = Main.commandLine(k -> null).getSubcommands().get("serve");
        for (OptionSpec option : serve.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            assertThat(String.join(" ", option.description())).as(option.longestName())
                    .contains("(env " + EnvironmentDefaults.variable(option));
        }
        assertThat(EnvironmentDefaults.variable(serve.getCommandSpec().findOption("--cache-max-age")))
                .isEqualTo("MMA_CACHE_MAX_AGE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MMA_DEMO        | maybe      | 'maybe' is not a boolean: use true or false, yes or no, on or off, 1 or 0",
        "MMA_TRUST_PROXY | si         | 'si' is not an IP address or a CIDR block",
        "MMA_LOG_FORMAT  | xml        | expected one of [text, json] (case-insensitive) but was 'xml'",
        "MMA_RATE_LIMIT  | lots       | 'lots'",
        "MMA_RATE_LIMIT  | -1         | MMA_RATE_LIMIT must be at least 0, not -1",
        "MMA_RATE_BURST  | -5         | MMA_RATE_BURST must be at least 0, not -5",
        "MMA_ADDR        | localhost  | MMA_ADDR must be [HOST]:PORT",
        "MMA_SEARCH_TIMEOUT | 0       | MMA_SEARCH_TIMEOUT must be 1 to 300 seconds, not 0",
        "MMA_DEMO_TRACKS | 0          | MMA_DEMO_TRACKS must be at least 1, not 0"})
    void aBadValueFromTheEnvironmentIsExitCode2NamingTheVariable(String variable, String value, String says) {
        Run run = run(Map.of(variable, value), "serve", "--db", "x");

        assertThat(run.code()).isEqualTo(2);
        String first = run.err().lines().findFirst().orElseThrow();
        assertThat(first).contains(variable).contains(says);
        String option = "--" + variable.substring(4).toLowerCase().replace('_', '-');
        assertThat(first).doesNotContain("option '" + option + "'").doesNotStartWith(option);
    }

    @Test
    void theSameBadValueOnTheCommandLineNamesTheOption() {
        for (List<String> args : List.of(List.of("--rate-limit", "-1"), List.of("--log-format", "xml"),
                List.of("--addr", "localhost"))) {
            Run run = run(Map.of(), "serve", "--db", "x", args.get(0), args.get(1));
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines().findFirst().orElseThrow()).as(args.toString()).contains(args.get(0))
                    .doesNotContain("MMA_");
        }
    }

    @Test
    void aBooleanOptionOnTheCommandLineIsTrueWhateverTheEnvironmentSays() {
        assertThat(parsed(Map.of("MMA_DEMO", "off"), "--demo").demo).isTrue();
    }
}
