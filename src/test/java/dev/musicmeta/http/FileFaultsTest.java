package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.ServeProcess;
import dev.musicmeta.testing.TestCatalogs;
import dev.musicmeta.testing.TestIndexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No file event kills the process: {@code serve} in its own process, on a copy of a generated
 * catalog with its search index, under a few concurrent clients, while the test truncates the
 * files, zeroes pages, and overwrites them in place with the same and with another catalog (what
 * {@code cp} or {@code rsync --inplace} over a served file does). Every answer is a 200, a 404 (an
 * id the other catalog lacks) or a 503 problem document without {@code Retry-After}; never a
 * 500, never a dropped connection. {@code /ready} turns 503 while a file cannot be read and 200
 * again once it reads well, without a restart.
 */
class FileFaultsTest {

    private static final Set<Integer> ALLOWED = Set.of(200, 404, 503);

    @TempDir
    static Path dir;

    private static Path main;
    private static Path trackFiles;
    private static Path goodMain;
    private static Path goodTrackFiles;
    private static Path otherMain;
    private static Path index;
    private static Path goodIndex;
    private static ServeProcess server;
    private static ApiClient api;
    private static List<String> trackIds;
    private static String word;

    @BeforeAll
    static void serveACopy() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served"));
        Path good = Files.createDirectories(dir.resolve("good"));
        goodMain = Files.copy(TestCatalogs.smallMain(), good.resolve(CatalogFiles.MAIN_FILE));
        goodTrackFiles = Files.copy(TestCatalogs.smallTrackFiles(), good.resolve(CatalogFiles.TRACK_FILES_FILE));
        main = Files.copy(goodMain, served.resolve(CatalogFiles.MAIN_FILE));
        trackFiles = Files.copy(goodTrackFiles, served.resolve(CatalogFiles.TRACK_FILES_FILE));
        otherMain = TestCatalogs.catalog(TestCatalogs.SMALL_TRACKS, TestCatalogs.SMALL_SEED + 1).resolve(CatalogFiles.MAIN_FILE);
        index = TestIndexes.buildBeside(main);
        goodIndex = dir.resolve("good-index");
        TestIndexes.copy(index, goodIndex);
        trackIds = Db.column(main, "SELECT id FROM tracks WHERE id IS NOT NULL ORDER BY rowid LIMIT 200").stream()
                .map(Object::toString).toList();
        word = Db.value(main, "SELECT substr(name, 1, instr(name || ' ', ' ') - 1) FROM tracks"
                + " WHERE length(name) > 6 ORDER BY rowid LIMIT 1").toString();
        server = ServeProcess.start(Map.of(), List.of("-Xmx256m"), "--db", main.toString(), "--rate-limit", "0",
                "--shutdown-delay", "0");
        api = new ApiClient(server.base());
        awaitReady(200); // the index's readers open once the server listens: damage only an open index
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void truncatedZeroedAndOverwrittenFilesAnswer503WhileDamagedAnd200Again() throws Exception {
        JsonNode ready = api.get("/ready").json();
        assertThat(ready.at("/components/catalog/state").asText()).isEqualTo("ok");
        assertThat(ready.at("/components/track_files/state").asText()).isEqualTo("ok");
        assertThat(ready.at("/components/search_index/state").asText()).isEqualTo("current");

        try (Load load = new Load(4)) {
            truncateToHalf(main);
            JsonNode notReady = awaitReady(503);
            assertThat(notReady.at("/components/catalog/state").asText()).isEqualTo("unreadable");
            assertThat(notReady.path("type").asText()).isEqualTo("/problems/unavailable");
            load.await(r -> r.status() == 503);
            overwriteInPlace(goodMain, main);
            awaitReady(200);
            load.await(r -> r.status() == 200);

            // Zeroed pages that connections hold in their caches are served from there, correctly;
            // a partial rewrite also moves the header's change counter, and then nothing is.
            zeroPages(main, 2, pages(main) / 2);
            Thread.sleep(1_500);
            bumpChangeCounter(main);
            load.await(r -> r.status() == 503);
            assertThat(awaitReady(503).at("/components/catalog/state").asText()).isEqualTo("unreadable");
            overwriteInPlace(goodMain, main);
            awaitReady(200);

            truncateToHalf(trackFiles);
            assertThat(awaitReady(503).at("/components/track_files/state").asText()).isEqualTo("unreadable");
            overwriteInPlace(goodTrackFiles, trackFiles);
            awaitReady(200);

            for (int i = 0; i < 5; i++) {
                overwriteInPlace(goodMain, main);
                overwriteInPlace(goodTrackFiles, trackFiles);
            }
            overwriteInPlace(otherMain, main);
            Thread.sleep(1_500);
            overwriteInPlace(goodMain, main);
            awaitReady(200);
            load.await(r -> r.status() == 200);
            assertThat(load.failures()).as("server log: " + serverLog()).isEmpty();
            assertThat(load.statuses()).contains(200, 503);
        }
        assertThat(api.get("/lookup/track/" + trackIds.get(0)).status()).isEqualTo(200);
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void aTruncatedSearchIndexAnswers503AndSearchesAgainOnceRestored() throws Exception {
        try (Load load = new Load(3)) {
            try (Stream<Path> files = Files.walk(index.resolve("tracks"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    truncateToHalf(file);
                }
            }
            load.await(r -> r.status() == 503 && r.path().startsWith("/search"));
            JsonNode notReady = awaitReady(503);
            assertThat(notReady.at("/components/search_index/state").asText()).isEqualTo("unreadable");
            assertThat(notReady.at("/components/catalog/state").asText()).isEqualTo("ok");
            try (Stream<Path> files = Files.walk(goodIndex.resolve("tracks"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    overwriteInPlace(file, index.resolve(goodIndex.relativize(file)));
                }
            }
            awaitReady(200);
            load.await(r -> r.status() == 200 && r.path().startsWith("/search"));
            assertThat(load.failures()).as("server log: " + serverLog()).isEmpty();
        }
        assertThat(server.isAlive()).isTrue();
    }

    /** Clients sending lookups, searches and batches until closed; every answer checked. */
    private static final class Load implements AutoCloseable {

        record Seen(String path, int status) {}

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Seen> recent = new ConcurrentLinkedQueue<>();
        private final Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        private final List<Thread> threads = new ArrayList<>();

        Load(int clients) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                Thread t = new Thread(() -> run(client), "load-" + c);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        private void run(int client) {
            for (int i = client; running.get(); i++) {
                String id = trackIds.get(i % trackIds.size());
                String path = switch (i % 4) {
                    case 0 -> "/lookup/track/" + id;
                    case 1 -> "/search/track?q=" + word + "&limit=5";
                    case 2 -> "/lookup/track/" + trackIds.get((i * 7) % trackIds.size());
                    default -> "/batch/lookup";
                };
                try {
                    ApiClient.Response res = path.equals("/batch/lookup")
                            ? api.postJson(path, "{\"tracks\":[\"" + id + "\"]}") : api.get(path);
                    statuses.add(res.status());
                    recent.add(new Seen(path, res.status()));
                    while (recent.size() > 64) {
                        recent.poll();
                    }
                    if (!ALLOWED.contains(res.status())) {
                        failures.add(path + " answered " + res.status() + ": " + res.text());
                    } else if (res.status() == 503) {
                        if (!res.problemType().equals("/problems/unavailable")) {
                            failures.add(path + " answered 503 without the problem type: " + res.text());
                        }
                        if (res.header("Retry-After") != null) {
                            failures.add(path + " answered a damaged file's 503 with Retry-After " + res.header("Retry-After"));
                        }
                    }
                } catch (UncheckedIOException e) {
                    failures.add(path + ": no answer: " + e.getCause());
                } catch (Throwable e) { // the OpenAPI validator's verdict
                    failures.add(path + ": " + e);
                }
            }
        }

        /** Waits until an answer of the last few matches {@code wanted}. */
        void await(Predicate<Seen> wanted) throws InterruptedException {
            recent.clear();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (recent.stream().noneMatch(wanted)) {
                assertThat(System.nanoTime()).as("an answer that matches within 20 s; failures: "
                        + failures.stream().limit(3).toList() + "; server log: " + serverLog()).isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        Set<Integer> statuses() {
            return Set.copyOf(statuses);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    /** What the server logged about its failures, for a failed assertion's message. */
    private static List<String> serverLog() {
        List<String> lines = server.lines();
        return lines.stream().filter(l -> l.contains("ERROR") || l.contains("WARN"))
                .map(l -> l.length() > 400 ? l.substring(0, 400) : l).distinct().limit(40).toList();
    }

    /** Polls /ready until it answers {@code status}; returns its body. */
    private static JsonNode awaitReady(int status) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            ApiClient.Response res = api.get("/ready");
            if (res.status() == status) {
                return res.json();
            }
            assertThat(System.nanoTime()).as("/ready answers " + status + " within 20 s; last: " + res.text())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void truncateToHalf(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
    }

    private static long pages(Path file) throws IOException {
        return Files.size(file) / 4096;
    }

    /** Writes zeros over pages {@code from} to {@code to} (1-based, 4 KiB) in place. */
    private static void zeroPages(Path file, long from, long to) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(4096);
            for (long page = from; page <= to; page++) {
                zeros.clear();
                channel.write(zeros, (page - 1) * 4096);
            }
        }
    }

    /** Adds one to the header's file change counter (and its copy at 92), as a writer does. */
    private static void bumpChangeCounter(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer counter = ByteBuffer.allocate(4);
            channel.read(counter, 24);
            int next = counter.getInt(0) + 1;
            for (long at : new long[] {24, 92}) {
                channel.write(ByteBuffer.allocate(4).putInt(0, next), at);
            }
        }
    }

    /** What {@code cp from to} does to a file that exists: the same inode, truncated and written anew. */
    private static void overwriteInPlace(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                done += out.transferFrom(in, done, size - done);
            }
        }
    }
}
