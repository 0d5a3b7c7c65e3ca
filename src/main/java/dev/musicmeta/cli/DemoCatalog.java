package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.sample.SampleGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample catalog {@code serve --demo} serves: generated once into a per-user cache directory
 * and kept, so later starts are instant. The generator renames its main file into place last, so
 * a main file there means a complete catalog; an interrupted run is simply generated again.
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

    /**
     * The main file of the demo catalog in {@code dir}, generating it first if it is not there.
     *
     * @throws java.io.UncheckedIOException when it cannot be written
     */
    static Path ensure(Path dir, long tracks) {
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        if (Files.isRegularFile(main)) {
            LOG.info("serving the demo catalog in {}", dir.toAbsolutePath());
            return main;
        }
        LOG.info("generating a demo catalog of {} tracks into {}; later starts reuse it", tracks, dir.toAbsolutePath());
        TerminalProgress progress = new TerminalProgress("demo catalog");
        SampleGenerator.generate(dir, tracks, SEED, progress, true);
        progress.finish();
        LOG.info("demo catalog ready in {}", dir.toAbsolutePath());
        return main;
    }
}
