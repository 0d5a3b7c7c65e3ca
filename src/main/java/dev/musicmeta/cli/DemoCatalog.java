package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.sample.Progress;
import dev.musicmeta.sample.SampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample catalog {@code serve --demo} serves: generated once into a per-user cache directory
 * and kept, so later starts are instant. Generation writes into a sibling temporary directory
 * whose files are then renamed into place, the main file last: an interrupted run never leaves
 * a main file behind, so the next start generates again instead of serving half a catalog.
 */
final class DemoCatalog {

    static final long DEFAULT_TRACKS = 100_000;
    static final long SEED = 2025;

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);

    private DemoCatalog() {}

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/music-metadata-api/demo}. */
    static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("music-metadata-api").resolve("demo");
    }

    /** The main file of the demo catalog in {@code dir}, generating it first if it is not there. */
    static Path ensure(Path dir, long tracks) throws IOException {
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        if (Files.isRegularFile(main)) {
            LOG.info("serving the demo catalog in {}", dir);
            return main;
        }
        Files.createDirectories(dir);
        Path partial = Files.createTempDirectory(dir.toAbsolutePath().getParent(), dir.getFileName() + ".partial-");
        LOG.info("generating a demo catalog of {} tracks into {} (once; later starts reuse it)", tracks, dir);
        try {
            SampleGenerator.generate(partial, tracks, SEED, loggingProgress());
            try (Stream<Path> files = Files.list(partial)) {
                for (Path f : files.sorted(Comparator.comparing((Path p) -> p.endsWith(CatalogFiles.MAIN_FILE))).toList()) {
                    Files.move(f, dir.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            deleteTree(partial);
        }
        LOG.info("demo catalog ready in {}", dir);
        return main;
    }

    /** Logs every tenth of the work; the log may be a file, so no terminal tricks here. */
    private static Progress loggingProgress() {
        long[] lastTenth = {-1};
        return (done, total) -> {
            long tenth = total <= 0 ? 0 : done * 10 / total;
            if (tenth != lastTenth[0]) {
                lastTenth[0] = tenth;
                LOG.info("demo catalog: {}%", tenth * 10);
            }
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
