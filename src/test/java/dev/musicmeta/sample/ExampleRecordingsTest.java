package dev.musicmeta.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.Db;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --examples}: the well-known recordings follow the generated rows, numbered on
 * from them, and leave the generated rows exactly as they are without the option.
 */
class ExampleRecordingsTest {

    private static final List<String> TABLES = List.of("artists", "artist_genres", "artist_images", "albums",
            "album_images", "artist_albums", "tracks", "track_artists");

    @TempDir
    Path temp;

    @Test
    void theGeneratedRowsAreTheSameWithAndWithoutTheExamples() throws Exception {
        SampleGenerator.generate(temp.resolve("plain"), 800, 11, Progress.NONE);
        SampleGenerator.generate(temp.resolve("examples"), 800, 11, Progress.NONE, false, true);

        try (Db plain = Db.readOnly(temp.resolve("plain").resolve(CatalogFiles.MAIN_FILE));
                Db examples = Db.readOnly(temp.resolve("examples").resolve(CatalogFiles.MAIN_FILE))) {
            for (String table : TABLES) {
                List<String> generated = plain.textRows("SELECT rowid, * FROM " + table + " ORDER BY rowid");
                List<String> withExamples = examples.textRows("SELECT rowid, * FROM " + table + " ORDER BY rowid");
                assertThat(withExamples.subList(0, generated.size())).as(table).isEqualTo(generated);
            }
            assertThat(examples.number("SELECT count(*) FROM tracks")).isEqualTo(800 + ExampleRecordings.TRACK_COUNT);
            assertThat(examples.number("SELECT max(rowid) FROM tracks")).isEqualTo(800 + ExampleRecordings.TRACK_COUNT);
        }
    }

    @Test
    void theRecordingsAreStoredUnderTheirSpotifyIdsAndIsrcsWithTheirAlbumsAndArtists() throws Exception {
        SampleGenerator.generate(temp, 500, 3, Progress.NONE, false, true);

        try (Db db = Db.readOnly(temp.resolve(CatalogFiles.MAIN_FILE))) {
            assertThat(db.textRows("SELECT t.id, t.name, t.external_id_isrc, t.track_number, t.disc_number, t.duration_ms,"
                    + " al.id, al.name, al.album_type, al.release_date, al.total_tracks, ar.id, ar.name"
                    + " FROM tracks t JOIN albums al ON al.rowid = t.album_rowid"
                    + " JOIN track_artists ta ON ta.track_rowid = t.rowid JOIN artists ar ON ar.rowid = ta.artist_rowid"
                    + " WHERE t.rowid > 500 ORDER BY t.rowid")).containsExactly(
                    row("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "GBARL9300135", 1, 1, 213573,
                            "6N9PS4QXF1D0OWPk0Sxtb4", "Whenever You Need Somebody", "album", "1987-11-12", 10,
                            "0gxyHStUsqpMadRV0Di1Qt", "Rick Astley"),
                    row("4cOdK2wGLETKBW3PvgPWqT", "Never Gonna Give You Up", "GBARL9300135", 1, 1, 213573,
                            "5Z9iiGl2FcIfa3BMiv6OIw", "Whenever You Need Somebody", "album", "1987-11-12", 10,
                            "0gxyHStUsqpMadRV0Di1Qt", "Rick Astley"),
                    row("4u7EnebtmKWzUH433cf5Qv", "Bohemian Rhapsody - Remastered 2011", "GBUM71029604", 11, 1,
                            354320, "1GbtB4zTqAsyfZEsm1RZfx", "A Night At The Opera (2011 Remaster)", "album",
                            "1975-11-21", 12, "1dfeR4HaWDbWqFHLkxsg1d", "Queen"),
                    row("5T8EDUDqKcs6OSOwEsfqG7", "Don't Stop Me Now - Remastered 2011", "GBUM71029610", 12, 1,
                            209413, "2yuTRGIackbcReLUXOYBqU", "Jazz (2011 Remaster)", "album", "1978-11-10", 13,
                            "1dfeR4HaWDbWqFHLkxsg1d", "Queen"),
                    row("3BQHpFgAp4l80e1XslIjNI", "Yesterday - Remastered 2009", "GBAYE0601477", 13, 1, 125666,
                            "0PT5m6hwPRrpBwIHVnvbFX", "Help! (Remastered)", "album", "1965-08-06", 14,
                            "3WrFJ7ztbogyGnTHbHJFl2", "The Beatles"),
                    row("3ERa3mEeOnrh2Mc47qM6T1", "Halo", "USSM10804556", 2, 1, 261640, "23Y5wdyP5byMFktZf8AcWU",
                            "I AM...SASHA FIERCE", "album", "2008-11-14", 11, "6vWDO969PvNqNYHIOW5v0m", "Beyoncé"),
                    row("11dFghVXANMlKmJXsNCbNl", "Cut To The Feeling", "USUM71703861", 1, 1, 207959,
                            "0tGPJ0bkWOUmH7MEOR77qc", "Cut To The Feeling", "single", "2017-05-26", 1,
                            "6sFIWsNpZYqfjUpaCgueju", "Carly Rae Jepsen"));
            // each album's own artist, and each artist once
            assertThat(db.number("SELECT count(*) FROM artist_albums WHERE album_rowid > (SELECT max(album_rowid)"
                    + " FROM tracks WHERE rowid <= 500) AND index_in_album = 0")).isEqualTo(7);
            assertThat(db.strings("SELECT name FROM artists WHERE rowid > " + SampleGenerator.artistCount(500)
                    + " ORDER BY rowid")).containsExactly("Rick Astley", "Queen", "The Beatles", "Beyoncé",
                    "Carly Rae Jepsen");
        }
        try (Db files = Db.readOnly(temp.resolve(CatalogFiles.TRACK_FILES_FILE))) {
            assertThat(files.textRows("SELECT original_title, version_title, language_of_performance, artist_roles"
                    + " FROM track_files WHERE track_id = '4u7EnebtmKWzUH433cf5Qv'")).containsExactly(
                    "Bohemian Rhapsody\tRemastered 2011\t[\"en\"]\t[{\"artist_id\":\"1dfeR4HaWDbWqFHLkxsg1d\","
                            + "\"artist_name\":\"Queen\",\"role\":\"ARTIST_ROLE_MAIN_ARTIST\"}]");
        }
    }

    private static String row(Object... values) {
        StringBuilder out = new StringBuilder();
        for (Object v : values) {
            out.append(out.isEmpty() ? "" : "\t").append(v);
        }
        return out.toString();
    }
}
