package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.sample.ExampleRecordings;
import dev.musicmeta.sample.SampleGenerator;
import dev.musicmeta.search.IndexBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample catalog {@code serve --demo} serves: generated once into a per-user cache directory
 * and kept, so later starts are instant. It holds the {@link ExampleRecordings} beside its generated
 * rows. The generator renames its main file into place last, so a main file there means a complete
 * catalog; an interrupted run is simply generated again.
 *
 * <p>A marker file records the demo's {@link #FORMAT}; a demo of another format, or one made before
 * there was a marker (without the example recordings), is generated again together with its search
 * index, so a returning user gets the demo the README describes. A catalog without a marker that
 * holds the example recordings is not the generator's old output (it is real data someone pointed
 * {@code --demo-dir} at) and is left alone, as is one too large to be a demo.
 */
final class DemoCatalog {

    static final long DEFAULT_TRACKS = 100_000;
    static final long SEED = 2025;
    /** Changes whenever the demo's content does. 2: with the example recordings. */
    static final String FORMAT = "2";
    static final String MARKER = "demo-format";
    /** No demo made by an older version is this large (10 M tracks take 6.6 GB). */
    static final long LARGEST_OLD_DEMO = 16L << 30;

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
     * The main file of the demo catalog in {@code dir}, generating it first if it is not there or
     * is of an older format.
     *
     * @throws UncheckedIOException when it cannot be written
     */
    static Path ensure(Path dir, long tracks) {
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        Path marker = dir.resolve(MARKER);
        if (Files.isRegularFile(main)) {
            String format = format(marker);
            if (FORMAT.equals(format) || (format == null && keep(main))) {
                LOG.info("serving the demo catalog in {}", dir.toAbsolutePath());
                return main;
            }
            LOG.info("the demo catalog in {} was made by an older version, without the recordings of the README's"
                    + " examples; generating it again", dir.toAbsolutePath());
        } else {
            LOG.info("generating a demo catalog of {} tracks into {}; later starts reuse it", tracks,
                    dir.toAbsolutePath());
        }
        try {
            Files.deleteIfExists(marker);
            TerminalProgress progress = new TerminalProgress("demo catalog");
            SampleGenerator.generate(dir, tracks, SEED, progress, true, true);
            progress.finish();
            deleteTree(IndexBuilder.defaultFolder(main)); // built from the files just replaced
            Files.writeString(marker, FORMAT + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("demo catalog ready in {}", dir.toAbsolutePath());
        return main;
    }

    private static String format(Path marker) {
        try {
            return Files.readString(marker, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether a catalog without a marker is to be served as it is rather than generated again. */
    private static boolean keep(Path main) {
        try {
            if (Files.size(main) > LARGEST_OLD_DEMO) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(CatalogFiles.readOnlyJdbcUrl(main, true));
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM tracks WHERE id = ?")) {
            statement.setString(1, ExampleRecordings.TRACK_ID);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            return false; // not a readable catalog: an interrupted demo, generated again
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
