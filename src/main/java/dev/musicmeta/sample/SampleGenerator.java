package dev.musicmeta.sample;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.sample.Rows.AlbumBatch;
import dev.musicmeta.sample.Rows.MainRow;
import dev.musicmeta.sample.Rows.TrackFileRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a deterministic sample catalog of the real snapshot's schema.
 *
 * <p>The data imitates the snapshot where it matters to lookups and search: about 4.5 tracks per
 * album and 17 per artist, singles, albums and various-artists compilations, skewed popularity,
 * featured artists, ISRCs shared by a single, its album and compilations, names in many scripts,
 * NULLs and JSON that does not parse. Every row is a function of the seed and of what came
 * before it, so the same seed gives the same files, row for row.
 *
 * <p>Rows are streamed in rowid order and memory stays flat at any size. Both files are written
 * under temporary names and renamed into place at the end, the main file last: a catalog whose
 * main file exists is complete.
 */
public final class SampleGenerator {

    /** Tracks per artist, on average. */
    static final double TRACKS_PER_ARTIST = 17.0;
    /** Rows handed to a writer thread at once: large enough to make the hand-over cheap. */
    private static final int CHUNK = 256;

    private SampleGenerator() {}

    /**
     * Writes main_database.sqlite3 and track_files.sqlite3 into {@code dir}, which is created if
     * needed; refuses to replace existing catalog files.
     *
     * @param tracks   number of tracks, at least 1
     * @param seed     same seed, same data
     * @param progress told of progress; may print to a terminal
     * @throws UncheckedIOException wrapping a {@link FileAlreadyExistsException} when a catalog
     *     file is already there, or the I/O or SQLite error that stopped the writing
     */
    public static void generate(Path dir, long tracks, long seed, Progress progress) {
        generate(dir, tracks, seed, progress, false);
    }

    /**
     * As {@link #generate(Path, long, long, Progress)}; with {@code replace}, existing catalog
     * files in {@code dir} are replaced once the new ones are complete.
     */
    public static void generate(Path dir, long tracks, long seed, Progress progress, boolean replace) {
        generate(dir, tracks, seed, progress, replace, false);
    }

    /**
     * As {@link #generate(Path, long, long, Progress, boolean)}; with {@code examples}, the
     * {@link ExampleRecordings} follow the {@code tracks} generated ones (the same for every seed).
     */
    public static void generate(Path dir, long tracks, long seed, Progress progress, boolean replace,
            boolean examples) {
        if (tracks < 1) {
            throw new IllegalArgumentException("tracks must be at least 1, not " + tracks);
        }
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        Path trackFiles = dir.resolve(CatalogFiles.TRACK_FILES_FILE);
        Path mainPartial = null;
        Path trackFilesPartial = null;
        try {
            Files.createDirectories(dir);
            if (!replace) {
                for (Path existing : List.of(main, trackFiles)) {
                    if (Files.exists(existing)) {
                        throw new FileAlreadyExistsException(existing.toString(), null, "catalog file already exists");
                    }
                }
            }
            // Hidden, unique names; SQLite creates the files with the usual permissions.
            String unique = "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".partial";
            mainPartial = dir.resolve("." + CatalogFiles.MAIN_FILE + unique);
            trackFilesPartial = dir.resolve("." + CatalogFiles.TRACK_FILES_FILE + unique);
            write(mainPartial, trackFilesPartial, tracks, seed, progress, examples);
            // Remove the old main file first: between the two renames the directory must not hold
            // a complete-looking pair of files that do not belong together.
            Files.deleteIfExists(main);
            Files.move(trackFilesPartial, trackFiles, StandardCopyOption.ATOMIC_MOVE);
            Files.move(mainPartial, main, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while writing the sample catalog", e));
        } finally {
            deleteQuietly(mainPartial);
            deleteQuietly(trackFilesPartial);
        }
    }

    /** Number of artists of a catalog of {@code tracks} tracks, "Various Artists" included. */
    static long artistCount(long tracks) {
        return Math.max(2, 1 + Math.round(tracks / TRACKS_PER_ARTIST));
    }

    private static void write(Path mainPath, Path trackFilesPath, long tracks, long seed, Progress progress,
            boolean examples) throws IOException, InterruptedException {
        long allTracks = tracks + (examples ? ExampleRecordings.TRACK_COUNT : 0);
        Ids ids = new Ids(seed);
        Names names = new Names();
        Artists artists = new Artists(seed, artistCount(tracks), names, ids);
        AlbumBuilder albums = new AlbumBuilder(seed, ids, names, artists);
        // This thread generates; each file is loaded on a thread of its own.
        BackgroundWriter<MainRow> main = new BackgroundWriter<>(CatalogFiles.MAIN_FILE,
                () -> new MainDatabaseWriter(mainPath, progress, allTracks));
        BackgroundWriter<TrackFileRow> trackFiles = new BackgroundWriter<>(CatalogFiles.TRACK_FILES_FILE,
                () -> new TrackFilesWriter(trackFilesPath));
        boolean done = false;
        try {
            progress.update(0, allTracks);
            List<MainRow> mainChunk = new ArrayList<>(CHUNK);
            for (long artist = 0; artist < artists.count(); artist++) {
                mainChunk.add(artists.row(artist));
                if (mainChunk.size() == CHUNK) {
                    main.submit(mainChunk);
                    mainChunk = new ArrayList<>(CHUNK);
                }
            }
            List<TrackFileRow> filesChunk = new ArrayList<>(CHUNK * 4);
            long written = 0;
            long album = 0;
            for (; written < tracks; album++) {
                AlbumBatch batch = albums.build(album, written, tracks - written);
                mainChunk.add(batch);
                if (mainChunk.size() == CHUNK) {
                    main.submit(mainChunk);
                    mainChunk = new ArrayList<>(CHUNK);
                }
                filesChunk.addAll(batch.files());
                if (filesChunk.size() >= CHUNK * 4) {
                    trackFiles.submit(filesChunk);
                    filesChunk = new ArrayList<>(CHUNK * 4 + 64);
                }
                written += batch.tracks().size();
            }
            if (examples) {
                for (MainRow row : ExampleRecordings.rows(artists.count(), album, written)) {
                    mainChunk.add(row);
                    if (row instanceof AlbumBatch batch) {
                        filesChunk.addAll(batch.files());
                    }
                }
            }
            main.submit(mainChunk);
            trackFiles.submit(filesChunk);
            main.finish();
            trackFiles.finish();
            done = true;
        } finally {
            if (!done) {
                main.abort();
                trackFiles.abort();
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Best effort: a leftover hidden .partial file is harmless and named for what it is.
            }
        }
    }
}
