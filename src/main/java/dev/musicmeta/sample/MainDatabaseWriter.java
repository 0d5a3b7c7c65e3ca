package dev.musicmeta.sample;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.sample.Rows.AlbumBatch;
import dev.musicmeta.sample.Rows.AlbumRow;
import dev.musicmeta.sample.Rows.ArtistAlbum;
import dev.musicmeta.sample.Rows.ArtistRow;
import dev.musicmeta.sample.Rows.ImageRow;
import dev.musicmeta.sample.Rows.TrackRow;
import java.nio.file.Path;
import java.sql.SQLException;

/** Writes main_database.sqlite3, one bulk insert per table. */
final class MainDatabaseWriter implements BackgroundWriter.Sink<Rows.MainRow> {

    private final SqliteFile file;
    private final Schema schema = Schema.load(Schema.MAIN);
    private final BulkInsert artists;
    private final BulkInsert artistGenres;
    private final BulkInsert artistImages;
    private final BulkInsert albums;
    private final BulkInsert albumImages;
    private final BulkInsert artistAlbums;
    private final BulkInsert tracks;
    private final BulkInsert trackArtists;

    private final Progress progress;
    private final long totalTracks;
    private long tracksWritten;

    MainDatabaseWriter(Path path, Progress progress, long totalTracks) throws SQLException {
        this.progress = progress;
        this.totalTracks = totalTracks;
        file = new SqliteFile(path, schema, 256);
        artists = file.bulkInsert("artists", "rowid", "id", "fetched_at", "name", "followers_total", "popularity");
        artistGenres = file.bulkInsert("artist_genres", "artist_rowid", "genre");
        artistImages = file.bulkInsert("artist_images", "artist_rowid", "width", "height", "url");
        albums = file.bulkInsert("albums", "rowid", "id", "fetched_at", "name", "album_type", "external_id_upc",
                "external_id_amgid", "copyright_c", "copyright_p", "label", "popularity", "release_date",
                "release_date_precision", "total_tracks");
        albumImages = file.bulkInsert("album_images", "album_rowid", "width", "height", "url");
        artistAlbums = file.bulkInsert("artist_albums", "artist_rowid", "album_rowid", "is_appears_on",
                "is_implicit_appears_on", "index_in_album");
        tracks = file.bulkInsert("tracks", "rowid", "id", "fetched_at", "name", "preview_url", "album_rowid",
                "track_number", "external_id_isrc", "popularity", "disc_number", "duration_ms", "explicit");
        trackArtists = file.bulkInsert("track_artists", "track_rowid", "artist_rowid");
    }

    @Override
    public void write(Rows.MainRow row) throws SQLException {
        if (row instanceof AlbumBatch batch) {
            write(batch);
        } else {
            write((ArtistRow) row);
        }
    }

    private void write(ArtistRow artist) throws SQLException {
        artists.set(1, artist.rowid()).set(2, artist.id()).set(3, artist.fetchedAt()).set(4, artist.name())
                .set(5, artist.followers()).set(6, artist.popularity()).endRow();
        for (String genre : artist.genres()) {
            artistGenres.set(1, artist.rowid()).set(2, genre).endRow();
        }
        for (ImageRow image : artist.images()) {
            image(artistImages, artist.rowid(), image);
        }
    }

    private void write(AlbumBatch batch) throws SQLException {
        AlbumRow album = batch.album();
        albums.set(1, album.rowid()).set(2, album.id()).set(3, album.fetchedAt()).set(4, album.name())
                .set(5, album.albumType()).set(6, album.upc()).set(7, album.amgid()).set(8, album.copyrightC())
                .set(9, album.copyrightP()).set(10, album.label()).set(11, album.popularity())
                .set(12, album.releaseDate()).set(13, album.releaseDatePrecision()).set(14, album.totalTracks())
                .endRow();
        for (ImageRow image : album.images()) {
            image(albumImages, album.rowid(), image);
        }
        for (ArtistAlbum row : album.artists()) {
            artistAlbums.set(1, row.artistRowid()).set(2, album.rowid()).set(3, row.appearsOn() ? 1 : 0)
                    .set(4, row.implicit() ? 1 : 0).set(5, row.indexInAlbum()).endRow();
        }
        for (TrackRow track : batch.tracks()) {
            tracks.set(1, track.rowid()).set(2, track.id()).set(3, track.fetchedAt()).set(4, track.name())
                    .set(5, track.previewUrl()).set(6, track.albumRowid()).set(7, track.trackNumber())
                    .set(8, track.isrc()).set(9, track.popularity()).set(10, track.discNumber())
                    .set(11, track.durationMs()).set(12, track.explicit() ? 1 : 0).endRow();
            for (long artist : track.artistRowids()) {
                trackArtists.set(1, track.rowid()).set(2, artist).endRow();
            }
        }
        tracksWritten += batch.tracks().size();
        progress.update(tracksWritten, totalTracks);
    }

    private static void image(BulkInsert insert, long owner, ImageRow image) throws SQLException {
        insert.set(1, owner).set(2, image.width()).set(3, image.height()).set(4, image.url()).endRow();
    }

    /** Writes what is buffered, commits and builds the indexes. */
    @Override
    public void finish() throws SQLException {
        for (BulkInsert insert : inserts()) {
            insert.flush();
        }
        progress.step("building indexes");
        file.finish(schema);
    }

    @Override
    public void close() throws SQLException {
        for (BulkInsert insert : inserts()) {
            insert.close();
        }
        file.close();
    }

    private BulkInsert[] inserts() {
        return new BulkInsert[] {artists, artistGenres, artistImages, albums, albumImages, artistAlbums, tracks,
            trackArtists};
    }
}
