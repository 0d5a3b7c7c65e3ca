package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.http.ApiClient;
import dev.musicmeta.http.TrustedProxies;
import dev.musicmeta.testing.CliRun;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.TestCatalogs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}: help, exit code 2 with one line for unusable input, and a real process stopped by SIGTERM. */
class ServeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void helpListsEveryOptionAndItsEnvironmentVariable() {
        CliRun r = CliRun.of("serve", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: music-metadata-api serve ");
        for (String s : List.of("--db", "-db", "--track-files", "--addr", "-addr", "--demo", "--demo-dir",
                "--rate-limit", "--rate-burst", "--trust-proxy", "--search-timeout", "--log-format", "--cache-max-age",
                "--header-timeout", "--body-timeout", "--max-connections", "--max-connections-per-client", "--backlog",
                "--shutdown-delay", "--drain-timeout", "--access-log", "--access-log-probes", "--admin-addr",
                "MMA_ADMIN_ADDR", "MMA_DB", "MMA_SEARCH_TIMEOUT",
                "MMA_ADDR", "MMA_RATE_LIMIT", "MMA_RATE_BURST", "MMA_TRUST_PROXY", "MMA_LOG_FORMAT",
                "MMA_CACHE_MAX_AGE", "MMA_DEMO", "--api-keys", "MMA_API_KEYS", "MMA_HEADER_TIMEOUT", "MMA_BODY_TIMEOUT",
                "MMA_MAX_CONNECTIONS", "MMA_MAX_CONNECTIONS_PER_CLIENT", "MMA_BACKLOG", "MMA_SHUTDOWN_DELAY",
                "MMA_DRAIN_TIMEOUT", "MMA_ACCESS_LOG", "MMA_ACCESS_LOG_PROBES", "SIGTERM", "SIGINT",
                "--catalog-queue", "MMA_CATALOG_QUEUE", "--catalog-cache", "MMA_CATALOG_CACHE", "--refresh-check", "MMA_REFRESH_CHECK", "SIGHUP")) {
            assertThat(r.out()).contains(s);
        }
    }

    @Test
    void aNewDemoCatalogHasTheDemoDefaultSize() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--demo");

        assertThat(serve.demoTracks).isEqualTo(DemoCatalog.DEFAULT_TRACKS);
        assertThat(CliRun.of("serve", "--help").out()).contains("default " + DemoCatalog.DEFAULT_TRACKS);
    }

    @Test
    void withoutDbOrDemoItSaysWhatToPass() {
        CliRun r = CliRun.of("serve");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--db PATH").contains("--demo");
    }

    @Test
    void aMissingFileIsExitCode2WithOneLineNamingIt() {
        Path missing = tmp.resolve("nothing-here.sqlite3");
        CliRun r = CliRun.of("-db", missing.toString(), "-addr", "127.0.0.1:0");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("nothing-here.sqlite3").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aFileThatIsNotSqliteIsExitCode2WithOneLine() throws IOException {
        Path text = Files.writeString(tmp.resolve(CatalogFiles.MAIN_FILE), "just some text, not a database\n".repeat(200));
        CliRun r = CliRun.of("serve", "--db", text.toString(), "--addr", "127.0.0.1:0");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains(CatalogFiles.MAIN_FILE).doesNotContain("\tat ");
    }

    @Test
    void aMissingTableIsExitCode2WithOneLineNamingIt() throws Exception {
        Path db = tmp.resolve(CatalogFiles.MAIN_FILE);
        try (Db write = Db.write(db)) {
            write.execute("CREATE TABLE artists (rowid INTEGER PRIMARY KEY, id TEXT, name TEXT)");
        }
        CliRun r = CliRun.of("serve", "--db", db.toString(), "--addr", "127.0.0.1:0");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains(CatalogFiles.MAIN_FILE).containsAnyOf("tracks", "albums").doesNotContain("\tat ");
    }

    @Test
    void badOptionsAreExitCode2() {
        assertThat(CliRun.of("serve", "--db", "x", "--addr", "localhost").code()).isEqualTo(2);
        assertThat(CliRun.of("serve", "--db", "x", "--addr", ":99999").code()).isEqualTo(2);
        assertThat(CliRun.of("serve", "--db", "x", "--rate-limit", "-1").code()).isEqualTo(2);
        assertThat(CliRun.of("serve", "--db", "x", "--log-format", "xml").code()).isEqualTo(2);
        assertThat(CliRun.of("serve", "--db", "x", "--access-log", "some").code()).isEqualTo(2);
        for (String[] bad : List.of(new String[] {"--trust-proxy", "proxy.internal"}, new String[] {"--trust-proxy", "10.0.0.0/33"},
                new String[] {"--header-timeout", "0"}, new String[] {"--body-timeout", "3601"},
                new String[] {"--max-connections", "0"}, new String[] {"--max-connections-per-client", "0"},
                new String[] {"--backlog", "0"}, new String[] {"--backlog", "65536"},
                new String[] {"--shutdown-delay", "-1"}, new String[] {"--drain-timeout", "-1"},
                new String[] {"--admin-addr", "9090"}, new String[] {"--admin-addr", ":8080"})) {
            CliRun r = CliRun.of("serve", "--db", "x", bad[0], bad[1]);

            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", bad)).contains(bad[0]);
        }
    }

    @Test
    void theBareTrustProxyFlagMeansThePeerAndAValueNamesBlocks() {
        ServeCommand bare = new ServeCommand();
        new CommandLine(bare).parseArgs("--trust-proxy", "--db", "x");
        ServeCommand blocks = new ServeCommand();
        new CommandLine(blocks).parseArgs("--trust-proxy", "10.0.0.0/8,2001:db8::/32", "--db", "x");
        ServeCommand none = new ServeCommand();
        new CommandLine(none).parseArgs("--db", "x");

        assertThat(TrustedProxies.parse(bare.trustProxy)).isSameAs(TrustedProxies.PEER);
        assertThat(TrustedProxies.parse(blocks.trustProxy)).hasToString("10.0.0.0/8, 2001:db8::/32");
        assertThat(TrustedProxies.parse(none.trustProxy)).isSameAs(TrustedProxies.NONE);
    }

    @Test
    void aRealProcessServesLogsJsonLinesAndStopsOnSigtermWithExitCode0() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "-db", TestCatalogs.smallMain().toString(), "-addr", "127.0.0.1:0", "--log-format", "json",
                "--shutdown-delay", "0");
        pb.environment().put("MMA_TEST_ACCESS_LOG", "INFO");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String docs = null;
            Pattern url = Pattern.compile("API docs at (http://127\\.0\\.0\\.1:\\d+)/docs");
            for (String line; docs == null && (line = out.readLine()) != null; ) {
                lines.add(JSON.readTree(line)); // every line is one JSON object
                Matcher m = url.matcher(lines.get(lines.size() - 1).path("message").asText());
                if (m.find()) {
                    docs = m.group(1);
                }
            }
            assertThat(docs).as(lines.toString()).isNotNull();
            assertThat(new ApiClient(URI.create(docs + "/")).get("/openapi.yaml", "X-Request-Id", "r-1").status())
                    .isEqualTo(200);

            p.toHandle().destroy(); // SIGTERM, leaving our end of its output open
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String line : out.lines().toList()) {
                lines.add(JSON.readTree(line));
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(lines.toString()).isZero();
        List<String> messages = lines.stream().map(l -> l.path("message").asText()).toList();
        assertThat(messages).anyMatch(m -> m.startsWith("SIGTERM")).contains("stopped")
                .contains("caches of this run: artists: no lookups, 0 entries; albums: no lookups, 0 entries");
        JsonNode access = lines.stream().filter(l -> l.path("logger_name").asText().equals("access"))
                .findFirst().orElseThrow();
        // the access log's fields at the top level, with their types, for log stores to query
        assertThat(access.path("method").asText()).isEqualTo("GET");
        assertThat(access.path("path").asText()).isEqualTo("/openapi.yaml");
        assertThat(access.path("request_id").asText()).isEqualTo("r-1");
        assertThat(access.path("status").isInt()).isTrue();
        assertThat(access.path("status").asInt()).isEqualTo(200);
        assertThat(access.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(access.path("bytes").asLong()).isPositive();
        assertThat(access.path("client").asText()).isEqualTo("127.0.0.1");
        assertThat(access.path("level").asText()).isEqualTo("INFO");
        assertThat(access.has("@timestamp")).isTrue();
    }

    @Test
    void theDemoCatalogIsGeneratedOnceAndKept() throws Exception {
        Path dir = tmp.resolve("demo");
        Path main = DemoCatalog.ensure(dir, 300);
        var written = Files.getLastModifiedTime(main);
        Path again = DemoCatalog.ensure(dir, 300);

        assertThat(again).isEqualTo(main);
        assertThat(Files.getLastModifiedTime(again)).isEqualTo(written);
        assertThat(dir.resolve(CatalogFiles.TRACK_FILES_FILE)).exists();
    }

    @Test
    void aKeysFileWithAMalformedLineIsExitCode2WithOneLineNamingTheFileAndTheLine() throws IOException {
        Path keys = Files.writeString(tmp.resolve("keys.txt"), "# clients\nalice " + "a".repeat(64) + "\nbob 12345\n");
        CliRun r = CliRun.of("serve", "--db", TestCatalogs.smallMain().toString(), "--addr", "127.0.0.1:0",
                "--api-keys", keys.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(keys + ":3: the second field must be the key's SHA-256 in 64 hex"
                + " digits, as the keys command prints it (never the key itself)");
    }

    @Test
    void aMissingKeysFileFromTheEnvironmentNamesTheVariable() {
        Path missing = tmp.resolve("nope.txt");
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(java.util.Map.of("MMA_API_KEYS", missing.toString())::get,
                    "serve", "--db", TestCatalogs.smallMain().toString(), "--addr", "127.0.0.1:0");
        } finally {
            System.setErr(err);
        }

        assertThat(code).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("MMA_API_KEYS: " + missing + ": no such file");
    }

    @Test
    void theDemoLogsThreeUrlsToTryAndEachAnswers200() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--addr", "127.0.0.1:0", "--demo-dir", tmp.resolve("demo").toString(), "--demo-tracks", "300");
        pb.environment().put("MMA_DEMO", "yes");
        pb.environment().put("MMA_SHUTDOWN_DELAY", "0"); // nothing routes here: stop at once
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> tried = new ArrayList<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Pattern url = Pattern.compile(" - try (http://127\\.0\\.0\\.1:\\d+)(/\\S+)$");
            for (String line; tried.size() < 3 && (line = out.readLine()) != null; ) {
                output.add(line);
                Matcher m = url.matcher(line);
                if (m.find()) {
                    ApiClient.Response answer = new ApiClient(URI.create(m.group(1) + "/")).get(m.group(2));
                    assertThat(answer.status()).as(line).isEqualTo(200);
                    tried.add(m.group(2));
                }
            }
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
        assertThat(tried).as(String.join("\n", output)).containsExactly("/lookup/track/4uLU6hMCjMI75M1A2tKUQC",
                "/lookup/isrc/GBUM71029604", "/search/track?q=bohemian%20rhap");
    }
}
