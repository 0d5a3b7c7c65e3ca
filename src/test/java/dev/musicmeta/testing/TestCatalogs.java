package dev.musicmeta.testing;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.sample.SampleGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generated sample catalogs shared by all test classes: each is generated once into
 * {@code target/test-catalogs/} and reused by later test runs for as long as the generator's
 * code is unchanged (the directory name carries a fingerprint of it).
 *
 * <p>The files are real SQLite files of the snapshot's schema; tests open them read-only.
 */
public final class TestCatalogs {

    /** Size of {@link #small()}. */
    public static final long SMALL_TRACKS = 5_000;
    /** Seed of {@link #small()}. */
    public static final long SMALL_SEED = 42;

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("target/test-catalogs");
    private static String fingerprint;

    private TestCatalogs() {}

    /** The directory of a 5,000-track catalog (seed 42): main_database.sqlite3 and track_files.sqlite3. */
    public static Path small() {
        return catalog(SMALL_TRACKS, SMALL_SEED);
    }

    /** {@link #small()}'s main_database.sqlite3. */
    public static Path smallMain() {
        return small().resolve(CatalogFiles.MAIN_FILE);
    }

    /** {@link #small()}'s track_files.sqlite3. */
    public static Path smallTrackFiles() {
        return small().resolve(CatalogFiles.TRACK_FILES_FILE);
    }

    /** The directory of a catalog of {@code tracks} tracks and {@code seed}, generated on first use. */
    public static synchronized Path catalog(long tracks, long seed) {
        Path dir = ROOT.resolve("tracks-" + tracks + "-seed-" + seed + "-" + fingerprint()).toAbsolutePath();
        // The generator renames the main file into place last, so its presence means complete.
        if (!Files.exists(dir.resolve(CatalogFiles.TRACK_FILES_FILE))
                || !Files.exists(dir.resolve(CatalogFiles.MAIN_FILE))) {
            SampleGenerator.generate(dir, tracks, seed, Progress.NONE, true);
        }
        return dir;
    }

    /** A digest of the generator's classes and resources, so a changed generator means a new catalog. */
    private static String fingerprint() {
        if (fingerprint == null) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                Path classes = Path.of(SampleGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                List<Path> inputs;
                if (Files.isDirectory(classes)) {
                    try (Stream<Path> sample = Files.walk(classes.resolve("dev/musicmeta/sample"));
                            Stream<Path> schema = Files.walk(classes.resolve("schema"))) {
                        inputs = Stream.concat(sample, schema).filter(Files::isRegularFile).sorted().toList();
                    }
                } else {
                    inputs = List.of(classes);
                }
                for (Path input : inputs) {
                    digest.update(classes.relativize(input).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(input)) {
                        digest.update(in.readAllBytes());
                    }
                }
                fingerprint = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException | URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return fingerprint;
    }
}
