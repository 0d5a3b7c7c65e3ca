package dev.musicmeta.sample;

import static dev.musicmeta.sample.SqliteFile.setInt;
import static dev.musicmeta.sample.SqliteFile.setLong;

import dev.musicmeta.sample.Rows.AlbumBatch;
import dev.musicmeta.sample.Rows.AlbumRow;
import dev.musicmeta.sample.Rows.ArtistAlbum;
import dev.musicmeta.sample.Rows.ArtistRow;
import dev.musicmeta.sample.Rows.Image;
import dev.musicmeta.sample.Rows.TrackRow;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes main_database.sqlite3 through one prepared statement per table. */
final class MainDatabaseWriter implements AutoCloseable {

    private final SqliteFile file;
    private final Schema schema = Schema.load(Schema.MAIN);
    private final PreparedStatement artists;
    private final PreparedStatement artistGenres;
    private final PreparedStatement artistImages;
    private final PreparedStatement albums;
    private final PreparedStatement albumImages;
    private final PreparedStatement artistAlbums;
    private final PreparedStatement tracks;
    private final PreparedStatement trackArtists;

    MainDatabaseWriter(Path path) throws SQLException {
        file = new SqliteFile(path, schema, 256);
        artists = file.prepare("INSERT INTO artists (rowid, id, fetched_at, name, followers_total, popularity)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        artistGenres = file.prepare("INSERT INTO artist_genres (artist_rowid, genre) VALUES (?, ?)");
        artistImages = file.prepare("INSERT INTO artist_images (artist_rowid, width, height, url) VALUES (?, ?, ?, ?)");
        albums = file.prepare("INSERT INTO albums (rowid, id, fetched_at, name, album_type, external_id_upc,"
                + " external_id_amgid, copyright_c, copyright_p, label, popularity, release_date,"
                + " release_date_precision, total_tracks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        albumImages = file.prepare("INSERT INTO album_images (album_rowid, width, height, url) VALUES (?, ?, ?, ?)");
        artistAlbums = file.prepare("INSERT INTO artist_albums (artist_rowid, album_rowid, is_appears_on,"
                + " is_implicit_appears_on, index_in_album) VALUES (?, ?, ?, ?, ?)");
        tracks = file.prepare("INSERT INTO tracks (rowid, id, fetched_at, name, preview_url, album_rowid, track_number,"
                + " external_id_isrc, popularity, disc_number, duration_ms, explicit)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        trackArtists = file.prepare("INSERT INTO track_artists (track_rowid, artist_rowid) VALUES (?, ?)");
    }

    void write(ArtistRow artist) throws SQLException {
        artists.setLong(1, artist.rowid());
        artists.setString(2, artist.id());
        setLong(artists, 3, artist.fetchedAt());
        artists.setString(4, artist.name());
        artists.setLong(5, artist.followers());
        artists.setInt(6, artist.popularity());
        artists.executeUpdate();
        for (String genre : artist.genres()) {
            artistGenres.setLong(1, artist.rowid());
            artistGenres.setString(2, genre);
            artistGenres.executeUpdate();
        }
        for (Image image : artist.images()) {
            image(artistImages, artist.rowid(), image);
        }
    }

    void write(AlbumBatch batch) throws SQLException {
        AlbumRow album = batch.album();
        albums.setLong(1, album.rowid());
        albums.setString(2, album.id());
        setLong(albums, 3, album.fetchedAt());
        albums.setString(4, album.name());
        albums.setString(5, album.albumType());
        albums.setString(6, album.upc());
        albums.setString(7, album.amgid());
        albums.setString(8, album.copyrightC());
        albums.setString(9, album.copyrightP());
        albums.setString(10, album.label());
        albums.setInt(11, album.popularity());
        albums.setString(12, album.releaseDate());
        albums.setString(13, album.releaseDatePrecision());
        albums.setInt(14, album.totalTracks());
        albums.executeUpdate();
        for (Image image : album.images()) {
            image(albumImages, album.rowid(), image);
        }
        for (ArtistAlbum row : album.artists()) {
            artistAlbums.setLong(1, row.artistRowid());
            artistAlbums.setLong(2, album.rowid());
            artistAlbums.setInt(3, row.appearsOn() ? 1 : 0);
            artistAlbums.setInt(4, row.implicit() ? 1 : 0);
            setInt(artistAlbums, 5, row.indexInAlbum());
            artistAlbums.executeUpdate();
        }
        for (TrackRow track : batch.tracks()) {
            tracks.setLong(1, track.rowid());
            tracks.setString(2, track.id());
            setLong(tracks, 3, track.fetchedAt());
            tracks.setString(4, track.name());
            tracks.setString(5, track.previewUrl());
            tracks.setLong(6, track.albumRowid());
            tracks.setInt(7, track.trackNumber());
            tracks.setString(8, track.isrc());
            tracks.setInt(9, track.popularity());
            tracks.setInt(10, track.discNumber());
            tracks.setInt(11, track.durationMs());
            tracks.setInt(12, track.explicit() ? 1 : 0);
            tracks.executeUpdate();
            for (long artist : track.artistRowids()) {
                trackArtists.setLong(1, track.rowid());
                trackArtists.setLong(2, artist);
                trackArtists.executeUpdate();
            }
        }
    }

    private static void image(PreparedStatement statement, long owner, Image image) throws SQLException {
        statement.setLong(1, owner);
        statement.setInt(2, image.width());
        statement.setInt(3, image.height());
        statement.setString(4, image.url());
        statement.executeUpdate();
    }

    /** Commits and builds the indexes. */
    void finish() throws SQLException {
        file.finish(schema);
    }

    @Override
    public void close() throws SQLException {
        file.close();
    }
}
