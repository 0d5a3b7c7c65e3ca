package dev.musicmeta.cli;

import dev.musicmeta.http.ApiKey;
import dev.musicmeta.http.ApiKeys;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keys NAME}: makes an API key and the line of the keys file that admits it. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Creates an API key for serve --api-keys.",
            "Prints two lines on standard output: the line to add to the keys file (the name, the key's"
                    + " SHA-256 and any limits), then the key itself, to give to the client. The file never"
                    + " holds the key, so it cannot be shown again: keep it now, or make another.",
            "A key is " + ApiKeys.PREFIX + " and 43 random base62 characters: 256 bits from the system's"
                    + " cryptographic random source. serve rereads the keys file when it changes."},
        footer = {"", "Exit codes: 0 made, 2 bad arguments.",
            "Example: keys tagger-prod --rate 50 | head -1 >> keys.txt (and keep the second line)"})
final class KeysCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "Whose key: 1 to 64 letters, digits, '.', '_', '@' or '-'; what the access log shows.")
    private String name;

    @Option(names = "--rate", paramLabel = "N",
            description = "This key's requests a second, in place of the server's --rate-limit; 0: not limited.")
    private Long rate;

    @Option(names = "--burst", paramLabel = "N",
            description = "Requests this key may send at once; default twice --rate. Needs --rate.")
    private Long burst;

    @Override
    public Integer call() throws Exception {
        if (!ApiKey.NAME.matcher(name).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "NAME must be 1 to 64 letters, digits,"
                    + " '.', '_', '@' or '-', starting with a letter or digit");
        }
        if ((rate != null && rate < 0) || (burst != null && burst < 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate and --burst must be at least 0");
        }
        if (burst != null && rate == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--burst needs --rate");
        }
        String key = ApiKeys.newKey(new SecureRandom());
        StringBuilder line = new StringBuilder(name).append(' ').append(ApiKeys.sha256Hex(key));
        if (rate != null) {
            line.append(' ').append(rate);
            if (burst != null) {
                line.append(' ').append(burst);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.println(key);
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
