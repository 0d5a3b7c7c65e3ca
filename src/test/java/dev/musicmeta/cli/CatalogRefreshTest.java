package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.http.ApiClient;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.PrometheusText;
import dev.musicmeta.testing.ServeProcess;
import dev.musicmeta.testing.TestCatalogs;
import dev.musicmeta.testing.TestIndexes;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-downtime refresh: {@code serve} in its own process, under lookups from several client
 * threads, while a different catalog is renamed into place (or a symlink is pointed at it). The
 * process lives, no request fails, and the new catalog is what is served after. New files that
 * fail their checks are refused and the old catalog goes on.
 */
class CatalogRefreshTest {

    private static final int CLIENTS = 6;

    /** Catalog A (the small test catalog) and B (another seed): ids of tracks only in one of them. */
    private static Path a;
    private static Path b;
    private static List<String> onlyInA;
    private static List<String> onlyInB;
    private static String nameOnlyInB;

    @TempDir
    Path tmp;

    @BeforeAll
    static void catalogs() {
        a = TestCatalogs.small();
        b = TestCatalogs.catalog(1_000, 43);
        List<Object> inB = Db.column(b.resolve(CatalogFiles.MAIN_FILE), "SELECT id FROM tracks LIMIT 40");
        List<Object> inA = Db.column(a.resolve(CatalogFiles.MAIN_FILE), "SELECT id FROM tracks LIMIT 40");
        onlyInA = inA.stream().filter(id -> !inB.contains(id)).map(Object::toString).limit(20).toList();
        onlyInB = inB.stream().filter(id -> !inA.contains(id)).map(Object::toString).limit(20).toList();
        assertThat(onlyInA).hasSize(20);
        assertThat(onlyInB).hasSize(20);
        nameOnlyInB = Db.value(b.resolve(CatalogFiles.MAIN_FILE), "SELECT name FROM tracks WHERE id = ?",
                onlyInB.get(0)).toString();
    }

    @Test
    void newFilesRenamedIntoPlaceUnderLoadAreServedAndNoRequestFails() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("catalog"));
        copyCatalog(a, dir);
        try (ServeProcess server = serve(dir, "--refresh-check", "1");
                Load load = new Load(server)) {
            load.awaitAnswers(20 * CLIENTS);
            assertThat(load.api.get("/lookup/track/" + onlyInA.get(0)).status()).isEqualTo(200);

            // Written beside the served files, then renamed over them: track_files first, the main file last.
            copyCatalog(b, dir.resolve(".incoming"));
            move(dir.resolve(".incoming").resolve(CatalogFiles.TRACK_FILES_FILE), dir.resolve(CatalogFiles.TRACK_FILES_FILE));
            move(dir.resolve(".incoming").resolve(CatalogFiles.MAIN_FILE), dir.resolve(CatalogFiles.MAIN_FILE));
            awaitLine(server, l -> l.contains("catalog refreshed: serving"));
            int atSwap = load.answered.get();
            load.awaitAnswers(atSwap + 20 * CLIENTS);
            awaitLine(server, l -> l.contains("closed the catalog opened at start-up, replaced by a refresh"));
            load.stop();

            assertThat(load.failures).as("requests that failed").isEmpty();
            assertThat(server.isAlive()).isTrue();
            assertThat(load.api.get("/lookup/track/" + onlyInB.get(0)).status()).isEqualTo(200);
            assertThat(load.api.get("/lookup/track/" + onlyInA.get(0)).status()).as("the old catalog's cached items")
                    .isEqualTo(404);
            assertThat(load.newAnswers.get()).as("lookups of B answered 200 after the swap").isPositive();
        }
    }

    @Test
    void newFilesThatFailTheirChecksAreRefusedAndTheOldCatalogGoesOn() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("catalog"));
        copyCatalog(a, dir);
        try (ServeProcess server = serve(dir, "--refresh-check", "1"); Load load = new Load(server)) {
            load.awaitAnswers(10 * CLIENTS);

            // A main file cut in half by a copy that failed: refused, named, the old one serves on.
            Path half = dir.resolve(".incoming-main");
            byte[] whole = Files.readAllBytes(b.resolve(CatalogFiles.MAIN_FILE));
            Files.write(half, Arrays.copyOf(whole, whole.length / 2));
            move(half, dir.resolve(CatalogFiles.MAIN_FILE));
            awaitLine(server, l -> l.contains("refused the new catalog files") && l.contains("truncated"));
            int atRefusal = load.answered.get();
            load.awaitAnswers(atRefusal + 10 * CLIENTS);
            assertThat(load.api.get("/lookup/track/" + onlyInA.get(0)).status()).isEqualTo(200);

            // Then the whole file: served.
            copyCatalog(b, dir.resolve(".incoming"));
            move(dir.resolve(".incoming").resolve(CatalogFiles.TRACK_FILES_FILE), dir.resolve(CatalogFiles.TRACK_FILES_FILE));
            move(dir.resolve(".incoming").resolve(CatalogFiles.MAIN_FILE), dir.resolve(CatalogFiles.MAIN_FILE));
            awaitLine(server, l -> l.contains("catalog refreshed: serving"));
            load.stop();

            assertThat(load.failures).as("requests that failed").isEmpty();
            assertThat(server.lines()).filteredOn(l -> l.contains("refused the new catalog files")).hasSize(1);
            assertThat(load.api.get("/lookup/track/" + onlyInB.get(0)).status()).isEqualTo(200);
        }
    }

    @Test
    void onSighupASymlinkPointedAtAnotherSnapshotWithItsIndexIsServed() throws Exception {
        Path snapA = snapshotWithIndex(a, tmp.resolve("snapshots/a"));
        Path snapB = snapshotWithIndex(b, tmp.resolve("snapshots/b"));
        Path current = Files.createSymbolicLink(tmp.resolve("current"), snapA);
        try (ServeProcess server = serve(current, "--refresh-check", "0"); Load load = new Load(server)) {
            load.awaitAnswers(20 * CLIENTS);
            String search = "/search/track?q=" + URLEncoder.encode(nameOnlyInB, StandardCharsets.UTF_8);
            assertThat(server.lines()).anyMatch(l -> l.contains("search index " + current.resolve("search-index")));

            Path flip = Files.createSymbolicLink(tmp.resolve("current.new"), snapB);
            move(flip, current);
            assertThat(load.api.get("/lookup/track/" + onlyInB.get(0)).status()).as("no SIGHUP, no refresh")
                    .isEqualTo(404);
            new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).start().waitFor();
            awaitLine(server, l -> l.contains("SIGHUP: opening"));
            awaitLine(server, l -> l.contains("catalog refreshed: serving") && l.contains("with the index at"));
            int atSwap = load.answered.get();
            load.awaitAnswers(atSwap + 20 * CLIENTS);
            load.stop();

            assertThat(load.failures).as("requests that failed").isEmpty();
            assertThat(server.isAlive()).isTrue();
            assertThat(load.api.get("/lookup/track/" + onlyInB.get(0)).status()).isEqualTo(200);
            ApiClient.Response found = load.api.get(search);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().get("items").findValuesAsText("id")).contains(onlyInB.get(0));
        }
    }

    @Test
    void readyReportsTheCatalogServedNowNotTheOneOpenedAtStartUp() throws Exception {
        Path snapA = tmp.resolve("snapshots/a");
        copyCatalog(a, snapA); // no index: with --require-index, not ready
        Path snapB = snapshotWithIndex(b, tmp.resolve("snapshots/b"));
        Path current = Files.createSymbolicLink(tmp.resolve("current"), snapA);
        try (ServeProcess server = serve(current, "--refresh-check", "0", "--require-index")) {
            ApiClient api = new ApiClient(server.base());
            ApiClient.Response before = api.get("/ready");
            assertThat(before.status()).isEqualTo(503);
            assertThat(before.json().at("/components/search_index/state").asText()).isEqualTo("absent");

            move(Files.createSymbolicLink(tmp.resolve("current.new"), snapB), current);
            new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).start().waitFor();
            awaitLine(server, l -> l.contains("catalog refreshed: serving") && l.contains("with the index at"));

            ApiClient.Response after = api.get("/ready");
            assertThat(after.status()).as(after.text()).isEqualTo(200);
            assertThat(after.json().at("/components/search_index/state").asText()).isEqualTo("current");
            assertThat(after.json().at("/components/catalog/state").asText()).isEqualTo("ok");
        }
    }

    @Test
    void metricsDescribeTheCatalogServedNowNotTheOneOpenedAtStartUp() throws Exception {
        Path snapA = tmp.resolve("snapshots/a");
        copyCatalog(a, snapA); // no index: searches scan SQLite
        Path snapB = snapshotWithIndex(b, tmp.resolve("snapshots/b"));
        Path current = Files.createSymbolicLink(tmp.resolve("current"), snapA);
        try (ServeProcess server = serve(current, "--refresh-check", "0")) {
            ApiClient api = new ApiClient(server.base());
            for (String id : onlyInA) {
                assertThat(api.get("/lookup/track/" + id).status()).isEqualTo(200);
            }
            PrometheusText before = awaitMetrics(api, m -> m.value("mma_catalog_rows", Map.of("table", "tracks")) != null);
            assertThat(before.value("mma_catalog_rows", Map.of("table", "tracks"))).isEqualTo((double) TestCatalogs.SMALL_TRACKS);
            assertThat(before.value("mma_search_fallback", Map.of())).isEqualTo(1.0);
            assertThat(before.value("mma_search_index_documents", Map.of("kind", "tracks"))).isNull();
            assertThat(before.value("cache_size", Map.of("cache", "albums"))).isGreaterThan(10.0);
            double lookups = before.value("mma_catalog_statements_seconds_count", Map.of("kind", "tracks_by_id"));

            move(Files.createSymbolicLink(tmp.resolve("current.new"), snapB), current);
            new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).start().waitFor();
            awaitLine(server, l -> l.contains("catalog refreshed: serving") && l.contains("with the index at"));

            double tracksOfB = ((Number) Db.value(snapB.resolve(CatalogFiles.MAIN_FILE), "SELECT count(*) FROM tracks"))
                    .doubleValue();
            PrometheusText after = awaitMetrics(api,
                    m -> Double.valueOf(tracksOfB).equals(m.value("mma_catalog_rows", Map.of("table", "tracks"))));
            assertThat(after.value("mma_search_fallback", Map.of())).isEqualTo(0.0);
            assertThat(after.value("mma_search_index_documents", Map.of("kind", "tracks"))).isEqualTo(tracksOfB);
            assertThat(after.value("mma_catalog_file_size_bytes", Map.of("file", CatalogFiles.MAIN_FILE)))
                    .isEqualTo((double) Files.size(snapB.resolve(CatalogFiles.MAIN_FILE)));
            // the new pool, all of it idle (the old one, closed, has none), and the new caches, nearly empty
            assertThat(after.value("mma_catalog_pool_idle", Map.of()))
                    .isEqualTo(after.value("mma_catalog_pool_connections", Map.of())).isPositive();
            assertThat(after.value("cache_size", Map.of("cache", "albums")))
                    .isLessThan(before.value("cache_size", Map.of("cache", "albums")));
            // counters and timers carry on across the refresh
            assertThat(after.value("mma_catalog_statements_seconds_count", Map.of("kind", "tracks_by_id")))
                    .isGreaterThanOrEqualTo(lookups);
        }
    }

    private static PrometheusText awaitMetrics(ApiClient api, Predicate<PrometheusText> ready) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            PrometheusText metrics = PrometheusText.parse(api.get("/metrics").text());
            if (ready.test(metrics)) {
                return metrics;
            }
            assertThat(System.nanoTime()).as("metrics never matched:\n" + api.get("/metrics").text()).isLessThan(end);
            Thread.sleep(50);
        }
    }

    @Test
    void aServerStartedWithSighupIgnoredSaysSoAndKeepsServing() throws Exception {
        try (ServeProcess server = serveUnder(List.of("env", "--ignore-signal=HUP"), a)) {
            assertThat(server.lines()).anyMatch(l -> l.contains("WARN") && l.contains("SIGHUP is ignored by this process")
                    && l.contains("nohup"));
            assertThat(server.lines()).anyMatch(l -> l.contains("catalog refresh: not on SIGHUP (ignored by this process),"
                    + " or when new files have been renamed into place"));
            new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).start().waitFor();
            ApiClient api = new ApiClient(server.base());
            assertThat(api.get("/lookup/track/" + onlyInA.get(0)).status()).isEqualTo(200);
            assertThat(server.isAlive()).isTrue();
            assertThat(server.lines()).noneMatch(l -> l.contains("SIGHUP: opening"));
        }
        try (ServeProcess server = serve(a)) {
            assertThat(server.lines()).anyMatch(l -> l.contains("catalog refresh: on SIGHUP, or when new files"));
            assertThat(server.lines()).noneMatch(l -> l.contains("SIGHUP is ignored"));
        }
    }

    /**
     * {@code serve} with SIGHUP at its default disposition, whatever the test runner's: under
     * {@code nohup} it would be ignored, and a SIGHUP would refresh nothing.
     */
    private static ServeProcess serve(Path catalog, String... more) {
        return serveUnder(List.of("env", "--default-signal=HUP"), catalog, more);
    }

    private static ServeProcess serveUnder(List<String> launcher, Path catalog, String... more) {
        List<String> args = new ArrayList<>(List.of("--db", catalog.toString(), "--rate-limit", "0",
                "--access-log", "off"));
        args.addAll(List.of(more));
        ServeProcess server = ServeProcess.startUnder(launcher, Map.of(), List.of("-Xmx256m"), args.toArray(String[]::new));
        assertThat(server.base()).as(String.join("\n", server.lines())).isNotNull();
        return server;
    }

    private static Path snapshotWithIndex(Path from, Path to) throws Exception {
        copyCatalog(from, to);
        TestIndexes.buildBeside(to.resolve(CatalogFiles.MAIN_FILE));
        return to;
    }

    private static void copyCatalog(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String file : List.of(CatalogFiles.MAIN_FILE, CatalogFiles.TRACK_FILES_FILE)) {
            Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void awaitLine(ServeProcess server, Predicate<String> line) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.lines().stream().noneMatch(line)) {
            assertThat(System.nanoTime()).as(String.join("\n", server.lines())).isLessThan(end);
            Thread.sleep(50);
        }
    }

    /**
     * Client threads looking up tracks of A and of B in turn, as fast as answered. A failure is any
     * answer but 200 or 404 (the other catalog's ids), or no answer.
     */
    private static final class Load implements AutoCloseable {

        final ApiClient api;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger newAnswers = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final List<Thread> clients = new ArrayList<>();

        Load(ServeProcess server) {
            api = new ApiClient(server.base());
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> run(client), "client-" + c);
                t.start();
                clients.add(t);
            }
        }

        private void run(int client) {
            for (int i = client; running.get(); i++) {
                String id = (i % 2 == 0 ? onlyInA : onlyInB).get(i % 20);
                String path = "/lookup/track/" + id;
                try {
                    ApiClient.Response res = i % 5 == 0
                            ? api.postJson("/batch/lookup", "{\"tracks\": [\"" + onlyInA.get(i % 20) + "\", \""
                                    + onlyInB.get(i % 20) + "\"]}")
                            : api.get(path);
                    if (res.status() != 200 && res.status() != 404) {
                        failures.add(path + " answered " + res.status() + ": " + res.text());
                    }
                    if (res.status() == 200 && i % 2 == 1 && i % 5 != 0) {
                        newAnswers.incrementAndGet();
                    }
                    answered.incrementAndGet();
                } catch (RuntimeException | AssertionError e) {
                    failures.add(path + ": " + e);
                }
            }
        }

        void awaitAnswers(int count) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answered.get() < count && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(answered.get()).as("answers within 60 s; failures: " + failures).isGreaterThanOrEqualTo(count);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : clients) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
