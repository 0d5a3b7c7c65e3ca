package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicmeta.http.ApiClient;
import dev.musicmeta.testing.ServeProcess;
import dev.musicmeta.testing.TestCatalogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the environment sets for {@code serve}: {@code MMA_LOG_LEVEL}, checked like every option
 * and not silencing the access log; {@code MMA_TRUST_PROXY}, with blocks, naming the client from
 * forwarding headers whose addresses are parsed and never looked up.
 */
class ServeEnvironmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aLogLevelThatIsNotOneExits2NamingTheVariable() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--db", "x")
                .redirectErrorStream(true);
        pb.environment().put("MMA_LOG_LEVEL", "nonsense");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.strip()).isEqualTo("MMA_LOG_LEVEL='nonsense' is not a log level: use trace, debug, info, warn,"
                + " error or off (any case)");
    }

    @Test
    void logLevelsAreAcceptedInAnyCase() {
        for (String level : List.of("trace", "DEBUG", "Info", "warn", "ERROR", "off", "")) {
            assertThat(LogLevel.problem(level)).as(level).isNull();
        }
        assertThat(LogLevel.problem(null)).isNull();
        assertThat(LogLevel.problem("verbose")).startsWith("MMA_LOG_LEVEL='verbose'");
    }

    @Test
    void warnForTheServiceLeavesTheAccessLogAtInfo() {
        LoggerContext context = new LoggerContext();
        LogConfigurator.configureLevels(context, "warn");

        assertThat(context.getLogger("dev.musicmeta.http.ApiServer").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("access").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.eclipse.jetty.server").getEffectiveLevel()).isEqualTo(Level.WARN);

        LoggerContext unset = new LoggerContext();
        LogConfigurator.configureLevels(unset, null);
        assertThat(unset.getLogger("dev.musicmeta.cli.ServeCommand").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    /**
     * The JVM here resolves names from a hosts file that knows {@code .9::7} and
     * {@code proxy.example}: had the server looked either up, the client would be its address.
     */
    @Test
    void trustedProxyBlocksFromTheEnvironmentNameTheClientAndNothingIsLookedUp() throws IOException {
        Path hosts = Files.writeString(tmp.resolve("hosts"),
                "203.0.113.9 .9::7\n198.51.100.200 proxy.example\n127.0.0.1 localhost\n");
        Map<String, String> env = Map.of("MMA_TRUST_PROXY", "127.0.0.0/8", "MMA_TEST_ACCESS_LOG", "INFO");
        List<JsonNode> access = new ArrayList<>();
        try (ServeProcess server = ServeProcess.start(env, List.of("-Djdk.net.hosts.file=" + hosts),
                "--db", TestCatalogs.smallMain().toString(), "--log-format", "json", "--shutdown-delay", "0")) {
            ApiClient api = new ApiClient(server.base());
            api.get("/openapi.yaml", "X-Request-Id", "junk", "X-Forwarded-For", ".9::7");
            api.get("/openapi.yaml", "X-Request-Id", "name", "X-Forwarded-For", "proxy.example");
            api.get("/openapi.yaml", "X-Request-Id", "chain", "X-Forwarded-For", "198.51.100.7, 127.0.0.9");
            api.get("/openapi.yaml", "X-Request-Id", "rfc7239", "Forwarded", "for=192.0.2.60;proto=https");
            server.terminate();
            assertThat(server.waitFor(Duration.ofSeconds(30))).isZero();
            for (String line : server.lines()) {
                JsonNode node = JSON.readTree(line);
                if (node.path("logger_name").asText().equals("access")) {
                    access.add(node);
                }
            }
            assertThat(server.lines()).anyMatch(l -> l.contains("trusted proxies: 127.0.0.0/8"));
        }
        Map<String, String> clients = new HashMap<>();
        access.forEach(a -> clients.put(a.path("request_id").asText(), a.path("client").asText()));

        assertThat(clients).containsEntry("junk", "127.0.0.1").containsEntry("name", "127.0.0.1")
                .containsEntry("chain", "198.51.100.7").containsEntry("rfc7239", "192.0.2.60");
    }
}
