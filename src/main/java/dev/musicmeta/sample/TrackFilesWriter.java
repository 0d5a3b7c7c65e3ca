package dev.musicmeta.sample;

import dev.musicmeta.sample.Rows.TrackFileRow;
import java.nio.file.Path;
import java.sql.SQLException;

/** Writes track_files.sqlite3. */
final class TrackFilesWriter implements BackgroundWriter.Sink<TrackFileRow> {

    private final Schema schema = Schema.load(Schema.TRACK_FILES);
    private final SqliteFile file;
    private final BulkInsert insert;

    TrackFilesWriter(Path path) throws SQLException {
        file = new SqliteFile(path, schema, 64);
        insert = file.bulkInsert("track_files", "track_id", "fetched_at", "status", "session_country",
                "filesize_bytes", "licensor", "has_lyrics", "original_title", "version_title",
                "language_of_performance", "content_ratings", "artist_roles");
    }

    @Override
    public void write(TrackFileRow row) throws SQLException {
        insert.set(1, row.trackId()).set(2, row.fetchedAt()).set(3, row.status()).set(4, row.sessionCountry())
                .set(5, row.filesizeBytes()).set(6, row.licensor()).set(7, row.hasLyrics())
                .set(8, row.originalTitle()).set(9, row.versionTitle()).set(10, row.languageOfPerformance())
                .set(11, row.contentRatings()).set(12, row.artistRoles()).endRow();
    }

    @Override
    public void finish() throws SQLException {
        insert.flush();
        file.finish(schema);
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        file.close();
    }
}
