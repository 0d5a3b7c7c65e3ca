package dev.musicmeta.sample;

import static dev.musicmeta.sample.SqliteFile.setInt;
import static dev.musicmeta.sample.SqliteFile.setLong;

import dev.musicmeta.sample.Rows.TrackFileRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes track_files.sqlite3 on a thread of its own, so the second core loads this file while
 * the first one generates and loads the main file. The queue is short: memory stays flat.
 */
final class TrackFilesWriter {

    private static final List<TrackFileRow> END = List.of();

    private final Path path;
    private final BlockingQueue<List<TrackFileRow>> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile Throwable failure;

    TrackFilesWriter(Path path) {
        this.path = path;
        this.thread = new Thread(this::run, "track-files-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Hands over a chunk of rows; fails fast if the writer thread has failed. */
    void submit(List<TrackFileRow> rows) throws IOException, InterruptedException {
        checkFailure();
        while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
            checkFailure();
        }
    }

    /** Waits until every row is written and the index is built. */
    void finish() throws IOException, InterruptedException {
        submit(END);
        thread.join();
        checkFailure();
    }

    /** Stops the writer, dropping its work; the caller deletes the file. */
    void abort() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }

    private void checkFailure() throws IOException {
        if (failure != null) {
            throw new IOException("writing " + path.getFileName() + " failed: " + failure.getMessage(), failure);
        }
    }

    private void run() {
        Schema schema = Schema.load(Schema.TRACK_FILES);
        try (SqliteFile file = new SqliteFile(path, schema, 64);
                PreparedStatement insert = file.prepare("INSERT INTO track_files (track_id, fetched_at, status,"
                        + " session_country, filesize_bytes, licensor, has_lyrics, original_title, version_title,"
                        + " language_of_performance, content_ratings, artist_roles)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (List<TrackFileRow> rows = queue.take(); rows != END; rows = queue.take()) {
                for (TrackFileRow row : rows) {
                    insert.setString(1, row.trackId());
                    setLong(insert, 2, row.fetchedAt());
                    insert.setString(3, row.status());
                    insert.setString(4, row.sessionCountry());
                    setLong(insert, 5, row.filesizeBytes());
                    insert.setString(6, row.licensor());
                    setInt(insert, 7, row.hasLyrics());
                    insert.setString(8, row.originalTitle());
                    insert.setString(9, row.versionTitle());
                    insert.setString(10, row.languageOfPerformance());
                    insert.setString(11, row.contentRatings());
                    insert.setString(12, row.artistRoles());
                    insert.executeUpdate();
                }
            }
            file.finish(schema);
        } catch (InterruptedException | SQLException | RuntimeException e) {
            failure = e;
        }
    }
}
