package dev.musicmeta.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.musicmeta.deploy.Manifests.Instruction;
import dev.musicmeta.http.ServerConfig;
import dev.musicmeta.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What in {@code deploy/} drifts from the program as it changes: every flag and {@code MMA_*}
 * variable the Dockerfile, compose file and Kubernetes manifests name is one the command they run
 * documents in its {@code --help}; probes ask paths the API document serves, on the port the server
 * listens on; the catalog is mounted read-only wherever the service reads it; everything runs as a
 * non-root user on a read-only root filesystem.
 */
class DeployManifestsTest {

    private static final Map<String, String> HELP = new HashMap<>();
    private static final Pattern MMA_VARIABLE = Pattern.compile("MMA_[A-Z0-9_]+");
    private static final String DEFAULT_ADDR = ":8080";

    @Test
    void everyYamlFileParsesAndTheKustomizationListsEveryManifestOfItsFolder() throws IOException {
        assertThat(Manifests.yamlFiles()).map(f -> Manifests.DEPLOY.relativize(f).toString()).contains(
                "compose.yaml", "prometheus.yml", "kubernetes/kustomization.yaml", "kubernetes/deployment.yaml",
                "kubernetes/service.yaml", "kubernetes/pdb.yaml", "kubernetes/hpa.yaml", "kubernetes/index-job.yaml",
                "kubernetes/catalog-pvc.yaml");
        for (Path file : Manifests.yamlFiles()) {
            assertThat(Manifests.documents(file)).as(file.toString()).isNotEmpty().doesNotContainNull();
        }

        Set<String> listed = new TreeSet<>();
        Manifests.document(Manifests.KUBERNETES.resolve("kustomization.yaml")).path("resources")
                .forEach(r -> listed.add(r.asText()));
        Set<String> present;
        try (Stream<Path> files = Files.list(Manifests.KUBERNETES)) {
            present = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(listed).isEqualTo(present);
        for (JsonNode object : Manifests.kubernetesObjects()) {
            assertThat(object.path("apiVersion").asText()).as(object.toString()).isNotEmpty();
            assertThat(object.path("metadata").path("name").asText()).as(object.toString()).isNotEmpty();
        }
    }

    @Test
    void kubernetesContainersNameOnlyFlagsAndVariablesTheirCommandDocuments() {
        List<JsonNode> containers = containers(podSpec(deployment()));
        containers.addAll(containers(podSpec(indexJob())));
        assertThat(containers).hasSize(2);
        for (JsonNode container : containers) {
            List<String> args = strings(container.path("args"));
            List<String> env = new ArrayList<>();
            container.path("env").forEach(e -> env.add(e.path("name").asText()));
            assertDocumented(args, env, "container " + container.path("name").asText());
        }
    }

    @Test
    void theDeploymentServesFromAReadOnlyCatalogAsANonRootUserOnAReadOnlyRoot() {
        JsonNode pod = podSpec(deployment());
        JsonNode api = containers(pod).get(0);

        assertThat(strings(api.path("args"))).startsWith("serve", "--db", "/data");
        assertNonRoot(pod, api);
        assertThat(api.path("volumeMounts")).isNotEmpty()
                .allSatisfy(mount -> assertThat(mount.path("readOnly").asBoolean()).as(mount.toString()).isTrue());
        assertThat(mountPaths(api)).containsEntry("/data", "catalog");
        JsonNode catalog = volume(pod, "catalog");
        assertThat(catalog.path("persistentVolumeClaim").path("readOnly").asBoolean()).isTrue();
        assertThat(catalog.path("persistentVolumeClaim").path("claimName").asText())
                .isEqualTo(Manifests.object("PersistentVolumeClaim", "music-metadata-catalog").path("metadata")
                        .path("name").asText());
    }

    @Test
    void theIndexJobWritesTheIndexOntoTheVolumeTheDeploymentReads() {
        JsonNode pod = podSpec(indexJob());
        JsonNode index = containers(pod).get(0);

        assertThat(strings(index.path("args"))).containsExactly("index", "--db", "/data");
        assertNonRoot(pod, index);
        assertThat(mountPaths(index)).containsEntry("/data", "catalog");
        assertThat(volume(pod, "catalog").path("persistentVolumeClaim").path("claimName").asText())
                .isEqualTo(volume(podSpec(deployment()), "catalog").path("persistentVolumeClaim").path("claimName")
                        .asText());
        assertThat(pod.path("securityContext").path("fsGroup").asInt()).as("the volume writable by the user")
                .isEqualTo(pod.path("securityContext").path("runAsUser").asInt());
    }

    @Test
    void probesAskServedPathsOnThePortThatServesThem() throws IOException {
        JsonNode api = containers(podSpec(deployment())).get(0);
        Map<String, Integer> ports = new HashMap<>();
        api.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        Map<String, String> env = env(api);

        Map<String, String> expectedPaths = Map.of(
                "startupProbe", "/health", "livenessProbe", "/health", "readinessProbe", "/ready");
        Set<String> served = servedGetPaths();
        expectedPaths.forEach((probe, path) -> {
            JsonNode get = api.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
            assertThat(served).as(probe + " asks a path of the API document").contains(path);
            assertThat(ports.get(get.path("port").asText())).as(probe + " port").isEqualTo(portServing(path, env));
        });
        JsonNode service = Manifests.object("Service", "music-metadata-api");
        List<Integer> published = new ArrayList<>();
        service.path("spec").path("ports").forEach(p -> published.add(ports.get(p.path("targetPort").asText())));
        assertThat(published).as("the Service publishes the API's port, not the admin port")
                .containsExactly(port(env.getOrDefault("MMA_ADDR", DEFAULT_ADDR)));
    }

    @Test
    void prometheusScrapesThePodsWhereMetricsAreServed() {
        JsonNode template = deployment().path("spec").path("template");
        JsonNode annotations = template.path("metadata").path("annotations");
        Map<String, String> env = env(containers(template.path("spec")).get(0));

        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
        assertThat(annotations.path("prometheus.io/port").asInt()).isEqualTo(portServing("/metrics", env));
    }

    @Test
    void shutdownReliesOnTheServersDelayAndTheGracePeriodCoversItAndTheDrain() {
        JsonNode pod = podSpec(deployment());
        Map<String, String> env = env(containers(pod).get(0));

        assertThat(containers(pod)).allSatisfy(c -> assertThat(c.path("lifecycle").path("preStop").isMissingNode())
                .as("no preStop hook").isTrue());
        long delay = Long.parseLong(env.getOrDefault("MMA_SHUTDOWN_DELAY",
                Long.toString(ServerConfig.DEFAULT_SHUTDOWN_DELAY.toSeconds())));
        long drain = Long.parseLong(env.getOrDefault("MMA_DRAIN_TIMEOUT",
                Long.toString(ServerConfig.DEFAULT_STOP_TIMEOUT.toSeconds())));
        assertThat(delay).as("a shutdown delay, for endpoints to stop routing here").isPositive();
        assertThat(pod.path("terminationGracePeriodSeconds").asLong()).isGreaterThan(delay + drain);
        assertThat(help("serve")).contains("--shutdown-delay").contains("--drain-timeout");
    }

    @Test
    void selectorsOfTheServiceBudgetAndAutoscalerFindTheDeploymentsPods() {
        JsonNode deployment = deployment();
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");

        assertThat(deployment.path("spec").path("selector").path("matchLabels")).isEqualTo(labels);
        assertThat(Manifests.object("Service", "music-metadata-api").path("spec").path("selector")).isEqualTo(labels);
        assertThat(Manifests.object("PodDisruptionBudget", "music-metadata-api").path("spec").path("selector")
                .path("matchLabels")).isEqualTo(labels);
        JsonNode target = Manifests.object("HorizontalPodAutoscaler", "music-metadata-api").path("spec")
                .path("scaleTargetRef");
        assertThat(target.path("kind").asText() + "/" + target.path("name").asText())
                .isEqualTo("Deployment/" + deployment.path("metadata").path("name").asText());
        assertThat(podSpec(indexJob()).path("restartPolicy").asText()).isNotEqualTo("Always");
        assertThat(indexJob().path("spec").path("template").path("metadata").path("labels"))
                .as("the Job's pods are not the Service's").isNotEqualTo(labels);
    }

    @Test
    void theDockerfileRunsTheJarAsANonRootUserOnAJreGivenAsABuildArgument() {
        List<Instruction> dockerfile = Manifests.dockerfile();
        Map<String, String> last = new LinkedHashMap<>();
        dockerfile.forEach(i -> last.put(i.keyword(), i.arguments()));

        List<String> froms = dockerfile.stream().filter(i -> i.keyword().equals("FROM")).map(Instruction::arguments)
                .toList();
        assertThat(froms).as("multi-stage: a build stage, then the runtime").hasSize(2);
        assertThat(froms.get(1)).isEqualTo("${JRE_IMAGE}");
        assertThat(dockerfile).anyMatch(i -> i.keyword().equals("ARG") && i.arguments().startsWith("JRE_IMAGE="));
        assertThat(dockerfile).anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("./mvnw"));
        assertThat(last.get("USER")).as("a numeric user, so that runAsNonRoot can check it").matches("[1-9][0-9]*(:[0-9]+)?");
        assertThat(last.get("USER").split(":")[0])
                .isEqualTo(podSpec(deployment()).path("securityContext").path("runAsUser").asText());

        List<String> entrypoint = Manifests.execForm(last.get("ENTRYPOINT"));
        assertThat(entrypoint).startsWith("java").containsSubsequence("-jar", "/app/music-metadata-api.jar");
        List<String> cmd = Manifests.execForm(last.get("CMD"));
        Map<String, String> env = dockerEnv(dockerfile);
        assertDocumented(cmd, new ArrayList<>(env.keySet()), "Dockerfile");
        assertThat(cmd).startsWith("serve", "--db", "/data");
        assertThat(last.get("EXPOSE")).isEqualTo(Integer.toString(port(env.getOrDefault("MMA_ADDR", DEFAULT_ADDR))));
    }

    @Test
    void theImagesHealthCheckAsksHealthWhereMmaAddrSays() throws Exception {
        String healthcheck = Manifests.dockerfile().stream().filter(i -> i.keyword().equals("HEALTHCHECK"))
                .map(Instruction::arguments).findFirst().orElseThrow();
        List<String> command = Manifests.execForm(healthcheck.substring(healthcheck.indexOf("CMD ") + 4));

        String probeClass = command.get(command.size() - 1);
        assertThat(command).startsWith("java").contains("-cp", "/app/music-metadata-api.jar");
        Class<?> probe = Class.forName(probeClass);
        var url = probe.getDeclaredMethod("url", String.class);
        url.setAccessible(true);
        assertThat(url.invoke(null, ":8080")).hasToString("http://127.0.0.1:8080/health");
    }

    @Test
    void composeReadsTheCatalogReadOnlyAndOnlyTheIndexJobWritesIt() {
        JsonNode services = Manifests.document(Manifests.DEPLOY.resolve("compose.yaml")).path("services");
        JsonNode api = services.path("api");
        JsonNode index = services.path("index");

        for (JsonNode service : List.of(api, index)) {
            assertThat(service.path("read_only").asBoolean()).as(service.toString()).isTrue();
            assertThat(strings(service.path("cap_drop"))).contains("ALL");
            List<String> env = new ArrayList<>();
            service.path("environment").fieldNames().forEachRemaining(env::add);
            assertDocumented(strings(service.path("command")), env, "compose");
        }
        assertThat(strings(api.path("volumes"))).singleElement().satisfies(v -> assertThat(v).endsWith(":/data:ro"));
        assertThat(strings(index.path("volumes"))).singleElement().satisfies(v -> assertThat(v).endsWith(":/data"));
        assertThat(api.path("depends_on").path("index").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        int listens = port(api.path("environment").path("MMA_ADDR").asText(DEFAULT_ADDR));
        assertThat(strings(api.path("ports"))).as("the API's port published, the admin port not")
                .containsExactly(listens + ":" + listens);
    }

    @Test
    void prometheusScrapesMetricsWhereTheComposeServiceServesThem() {
        JsonNode compose = Manifests.document(Manifests.DEPLOY.resolve("compose.yaml"));
        JsonNode scrape = Manifests.document(Manifests.DEPLOY.resolve("prometheus.yml")).path("scrape_configs").get(0);
        Map<String, String> env = new HashMap<>();
        compose.path("services").path("api").path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));

        assertThat(strings(scrape.path("static_configs").get(0).path("targets")))
                .containsExactly("api:" + portServing("/metrics", env));
        assertThat(scrape.path("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(strings(compose.path("services").path("prometheus").path("volumes")))
                .anyMatch(v -> v.startsWith("./prometheus.yml:"));
    }

    @Test
    void everyFileComposeMountsIsInTheRepository() {
        JsonNode services = Manifests.document(Manifests.DEPLOY.resolve("compose.yaml")).path("services");
        List<String> mounted = new ArrayList<>();
        services.forEach(service -> strings(service.path("volumes")).stream().filter(v -> v.startsWith("./"))
                .forEach(v -> mounted.add(v.substring(0, v.indexOf(':')))));

        assertThat(mounted).isNotEmpty()
                .allSatisfy(file -> assertThat(Manifests.DEPLOY.resolve(file)).as(file).exists());
    }

    // --- helpers

    /** Every {@code --flag} of {@code command} and every {@code MMA_*} name is in the help of its subcommand. */
    private static void assertDocumented(List<String> command, List<String> variables, String where) {
        assertThat(command).as(where + ": a subcommand first").isNotEmpty();
        String help = help(command.get(0));
        for (String arg : command) {
            if (arg.startsWith("-")) {
                String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                assertThat(Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])").matcher(help).find())
                        .as(where + ": " + flag + " in '" + command.get(0) + " --help'").isTrue();
            }
        }
        for (String variable : variables) {
            if (MMA_VARIABLE.matcher(variable).matches()) {
                assertThat(help).as(where + ": " + variable + " in '" + command.get(0) + " --help'")
                        .containsPattern("(?<![\\w])" + variable + "(?![\\w])");
            }
        }
    }

    private static synchronized String help(String subcommand) {
        return HELP.computeIfAbsent(subcommand, s -> {
            CliRun run = CliRun.of(s, "--help");
            assertThat(run.code()).as(s + " --help").isZero();
            return run.out();
        });
    }

    private static void assertNonRoot(JsonNode pod, JsonNode container) {
        JsonNode podSecurity = pod.path("securityContext");
        assertThat(podSecurity.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(podSecurity.path("runAsUser").asInt()).isPositive();
        JsonNode security = container.path("securityContext");
        assertThat(security.path("allowPrivilegeEscalation").isBoolean()
                && !security.path("allowPrivilegeEscalation").asBoolean()).as("allowPrivilegeEscalation: false").isTrue();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(strings(security.path("capabilities").path("drop"))).contains("ALL");
        assertThat(security.path("privileged").asBoolean(false)).isFalse();
    }

    private static JsonNode deployment() {
        return Manifests.object("Deployment", "music-metadata-api");
    }

    private static JsonNode indexJob() {
        return Manifests.object("Job", "music-metadata-api-index");
    }

    private static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    private static List<JsonNode> containers(JsonNode podSpec) {
        List<JsonNode> containers = new ArrayList<>();
        podSpec.path("containers").forEach(containers::add);
        return containers;
    }

    private static JsonNode volume(JsonNode podSpec, String name) {
        for (JsonNode volume : podSpec.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    /** Mount path to volume name. */
    private static Map<String, String> mountPaths(JsonNode container) {
        Map<String, String> mounts = new HashMap<>();
        container.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m.path("name").asText()));
        return mounts;
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    /** The variables the Dockerfile's ENV instructions set ({@code NAME=value} pairs). */
    private static Map<String, String> dockerEnv(List<Instruction> dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : dockerfile) {
            if (i.keyword().equals("ENV")) {
                for (String pair : i.arguments().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    env.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return env;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /**
     * The port a server with {@code env} serves {@code path} on: the admin port for /metrics, /ready
     * and /info when {@code MMA_ADMIN_ADDR} is set, else the API's.
     */
    private static int portServing(String path, Map<String, String> env) {
        String admin = env.get("MMA_ADMIN_ADDR");
        boolean adminPath = List.of("/metrics", "/ready", "/info").contains(path);
        return port(adminPath && admin != null ? admin : env.getOrDefault("MMA_ADDR", DEFAULT_ADDR));
    }

    /** The port of a {@code [HOST]:PORT} listen address. */
    private static int port(String addr) {
        return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
    }

    /** The paths with a GET in the API document. */
    private static Set<String> servedGetPaths() throws IOException {
        try (InputStream in = DeployManifestsTest.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no openapi.yaml on the class path"));
            }
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
            Set<String> served = new TreeSet<>();
            paths.fieldNames().forEachRemaining(p -> {
                if (paths.path(p).has("get")) {
                    served.add(p);
                }
            });
            return served;
        }
    }
}
