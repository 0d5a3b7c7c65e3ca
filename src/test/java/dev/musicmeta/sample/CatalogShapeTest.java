package dev.musicmeta.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.TestCatalogs;
import java.lang.Character.UnicodeScript;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated data has the shape of the real snapshot, measured on a 20,000-track catalog
 * with tolerances wide enough for any seed.
 */
class CatalogShapeTest {

    private static Db main;
    private static Db files;

    @BeforeAll
    static void open() throws Exception {
        Path dir = TestCatalogs.catalog(20_000, 2024);
        main = Db.readOnly(dir.resolve(CatalogFiles.MAIN_FILE));
        files = Db.readOnly(dir.resolve(CatalogFiles.TRACK_FILES_FILE));
        // track_files lives in its own file, as in the snapshot; attach it to join by track id.
        main.execute("ATTACH DATABASE 'file:" + dir.resolve(CatalogFiles.TRACK_FILES_FILE).toAbsolutePath()
                + "?mode=ro' AS tf");
    }

    @AfterAll
    static void close() throws Exception {
        main.close();
        files.close();
    }

    @Test
    void hasAboutFourToFiveTracksPerAlbumAndFifteenToTwentyPerArtist() throws Exception {
        assertThat(main.number("SELECT count(*) FROM tracks")).isEqualTo(20_000);
        assertThat(main.real("SELECT 20000.0 / count(*) FROM albums")).isBetween(4.0, 5.0);
        assertThat(main.real("SELECT 20000.0 / count(*) FROM artists")).isBetween(15.0, 20.0);
    }

    @Test
    void hasSinglesAlbumsAndVariousArtistsCompilations() throws Exception {
        assertThat(main.strings("SELECT DISTINCT album_type FROM albums ORDER BY 1"))
                .containsExactly("album", "compilation", "single");
        assertThat(main.real("SELECT avg(album_type = 'single') FROM albums")).isBetween(0.5, 0.85);
        assertThat(main.number("SELECT count(*) FROM albums a WHERE total_tracks"
                + " <> (SELECT count(*) FROM tracks t WHERE t.album_rowid = a.rowid)")).isZero();
        // Compilations belong to Various Artists and gather tracks by many different artists.
        assertThat(main.strings("SELECT DISTINCT ar.name FROM albums al JOIN artist_albums aa ON aa.album_rowid = al.rowid"
                + " AND aa.index_in_album IS NOT NULL JOIN artists ar ON ar.rowid = aa.artist_rowid"
                + " WHERE al.album_type = 'compilation'")).containsExactly("Various Artists");
        assertThat(main.real("SELECT avg(n) FROM (SELECT count(DISTINCT ta.artist_rowid) * 1.0 / count(DISTINCT t.rowid) n"
                + " FROM albums al JOIN tracks t ON t.album_rowid = al.rowid JOIN track_artists ta ON ta.track_rowid = t.rowid"
                + " WHERE al.album_type = 'compilation' AND al.total_tracks >= 10 GROUP BY al.rowid)")).isGreaterThan(0.7);
    }

    @Test
    void hasWellFormedLabelsCopyrightsUpcsAndDates() throws Exception {
        assertThat(main.number("SELECT count(*) FROM albums WHERE label = ''")).isZero();
        assertThat(main.number("SELECT count(*) FROM albums WHERE copyright_c IS NOT NULL"
                + " AND copyright_c <> '© ' || substr(release_date, 1, 4) || ' ' || label")).isZero();
        assertThat(main.number("SELECT count(*) FROM albums WHERE copyright_p NOT GLOB '℗ [12][0-9][0-9][0-9] *'")).isZero();
        assertThat(main.number("SELECT count(*) FROM albums WHERE external_id_upc IS NOT NULL AND NOT"
                + " (external_id_upc GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"
                + " OR external_id_upc GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')")).isZero();
        assertThat(main.number("SELECT count(*) FROM albums WHERE external_id_upc IS NULL")).isPositive();
        assertThat(main.number("SELECT count(*) FROM albums WHERE copyright_c IS NULL")).isPositive();

        assertThat(main.strings("SELECT DISTINCT release_date_precision FROM albums ORDER BY 1"))
                .containsExactly("day", "month", "year");
        assertThat(main.number("SELECT count(*) FROM albums WHERE NOT ("
                + " (release_date_precision = 'year' AND release_date GLOB '[12][0-9][0-9][0-9]')"
                + " OR (release_date_precision = 'month' AND release_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]')"
                + " OR (release_date_precision = 'day' AND release_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"
                + "     AND date(release_date) = release_date))")).isZero();
        assertThat(main.number("SELECT min(substr(release_date, 1, 4)) FROM albums")).isBetween(1950L, 1962L);
        assertThat(main.number("SELECT max(substr(release_date, 1, 4)) FROM albums")).isEqualTo(2025);
    }

    @Test
    void popularityIsSkewedAndFollowersGoWithIt() throws Exception {
        for (String table : List.of("tracks", "albums", "artists")) {
            assertThat(main.real("SELECT avg(popularity < 10) FROM " + table)).as(table).isGreaterThan(0.5);
            assertThat(main.number("SELECT max(popularity) FROM " + table)).as(table).isGreaterThanOrEqualTo(85);
            assertThat(main.number("SELECT count(*) FROM " + table + " WHERE popularity NOT BETWEEN 0 AND 100")).isZero();
        }
        assertThat(main.number("SELECT max(followers_total) FROM artists")).isBetween(10_000_000L, 200_000_000L);
        assertThat(main.number("SELECT min(followers_total) FROM artists")).isZero();
        double popular = main.real("SELECT avg(followers_total) FROM artists WHERE popularity >= 50");
        double obscure = main.real("SELECT avg(followers_total) FROM artists WHERE popularity < 10");
        assertThat(popular).isGreaterThan(100 * obscure);
    }

    @Test
    void creditsOneToTenArtistsPerTrackWithFeaturesInTheTitle() throws Exception {
        assertThat(main.real("SELECT avg(n = 1) FROM (SELECT count(*) n FROM track_artists GROUP BY track_rowid)"))
                .isBetween(0.65, 0.9);
        assertThat(main.number("SELECT max(n) FROM (SELECT count(*) n FROM track_artists GROUP BY track_rowid)"))
                .isEqualTo(10);
        assertThat(main.number("SELECT count(*) FROM tracks WHERE rowid NOT IN (SELECT track_rowid FROM track_artists)"))
                .isZero();
        // "Song (feat. X)": X is credited last, after the main artists, in credit (rowid) order.
        List<String> mismatches = main.strings("SELECT t.name FROM tracks t WHERE t.name LIKE '% (feat. %'"
                + " AND instr(t.name, (SELECT a.name FROM track_artists ta JOIN artists a ON a.rowid = ta.artist_rowid"
                + "   WHERE ta.track_rowid = t.rowid ORDER BY ta.rowid DESC LIMIT 1)) = 0");
        assertThat(mismatches).isEmpty();
        assertThat(main.number("SELECT count(*) FROM tracks WHERE name LIKE '% (feat. %'")).isGreaterThan(500);
    }

    @Test
    void artistAlbumsHoldOwnArtistsInOrderAndAppearsOnRows() throws Exception {
        assertThat(main.number("SELECT count(*) FROM albums WHERE rowid NOT IN"
                + " (SELECT album_rowid FROM artist_albums WHERE index_in_album = 0)")).isZero();
        assertThat(main.number("SELECT count(*) FROM artist_albums WHERE (index_in_album IS NULL) <> (is_appears_on = 1)"))
                .isZero();
        assertThat(main.number("SELECT count(*) FROM artist_albums WHERE index_in_album IS NULL")).isGreaterThan(1_000);
        assertThat(main.number("SELECT count(*) FROM (SELECT 1 FROM artist_albums WHERE index_in_album IS NOT NULL"
                + " GROUP BY album_rowid, artist_rowid HAVING count(*) > 1)")).isPositive();
        assertThat(main.number("SELECT count(*) FROM (SELECT album_rowid, count(*) n, max(index_in_album) m"
                + " FROM artist_albums WHERE index_in_album IS NOT NULL GROUP BY album_rowid) WHERE m <> n - 1")).isZero();
    }

    @Test
    void sharesAboutFifteenPercentOfIsrcsAndLeavesAFewTracksWithout() throws Exception {
        assertThat(main.real("SELECT avg(n > 1) FROM (SELECT count(*) n FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc)")).isBetween(0.10, 0.20);
        assertThat(main.real("SELECT avg(external_id_isrc IS NULL) FROM tracks")).isBetween(0.02, 0.04);
        assertThat(main.number("SELECT max(n) FROM (SELECT count(*) n FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc)")).isGreaterThanOrEqualTo(5);
        for (String isrc : main.strings("SELECT DISTINCT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL")) {
            assertThat(Isrcs.tryNormalize(isrc)).isEqualTo(isrc);
        }
        // The same recording on several albums, with other popularity and release dates.
        assertThat(main.number("SELECT count(*) FROM (SELECT t.external_id_isrc FROM tracks t JOIN albums a"
                + " ON a.rowid = t.album_rowid WHERE t.external_id_isrc IS NOT NULL GROUP BY t.external_id_isrc"
                + " HAVING count(DISTINCT a.album_type) = 3 AND count(DISTINCT a.release_date) > 1"
                + " AND count(DISTINCT t.popularity) > 1)")).isPositive();
    }

    @Test
    void namesUseEveryScriptAndSomeNamesRepeat() throws Exception {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        boolean diacritics = false;
        boolean emoji = false;
        for (String name : main.strings("SELECT name FROM tracks UNION ALL SELECT name FROM albums"
                + " UNION ALL SELECT name FROM artists")) {
            for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
                int c = name.codePointAt(i);
                scripts.add(UnicodeScript.of(c));
                diacritics |= c >= 0xC0 && c <= 0x17F;
                emoji |= c >= 0x1F300;
            }
        }
        assertThat(scripts).contains(UnicodeScript.LATIN, UnicodeScript.CYRILLIC, UnicodeScript.GREEK,
                UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA, UnicodeScript.HANGUL,
                UnicodeScript.ARABIC);
        assertThat(diacritics).as("Latin letters with diacritics").isTrue();
        assertThat(emoji).as("emoji").isTrue();
        // Namesakes: one name for a popular and an obscure artist.
        assertThat(main.number("SELECT count(*) FROM (SELECT name FROM artists GROUP BY name"
                + " HAVING max(popularity) >= 40 AND min(popularity) < 10)")).isPositive();
        assertThat(main.number("SELECT count(*) FROM tracks WHERE name LIKE '% - Remastered 19%'"
                + " OR name LIKE '% - Remastered 20%'")).isPositive();
        assertThat(main.number("SELECT count(*) FROM tracks WHERE name LIKE '% - Radio Edit'")).isPositive();
        assertThat(main.number("SELECT count(*) FROM tracks WHERE name LIKE '% - Live'")).isPositive();
    }

    @Test
    void wordFrequenciesGiveSearchesWithManyAndWithFewMatches() throws Exception {
        long common = main.number("SELECT count(*) FROM tracks WHERE name LIKE '%love%'");
        assertThat(common).isBetween(200L, 4_000L);
        long rare = main.number("SELECT count(*) FROM tracks WHERE name LIKE '%Tennessee%'");
        assertThat(rare).isBetween(1L, 60L);
    }

    @Test
    void imagesHaveSpotifySizesAndUrlsWithSomeDuplicates() throws Exception {
        for (String table : List.of("album_images", "artist_images")) {
            String owner = table.equals("album_images") ? "album_rowid" : "artist_rowid";
            assertThat(main.strings("SELECT DISTINCT width FROM " + table + " ORDER BY width"))
                    .containsExactly("64", "300", "640");
            assertThat(main.number("SELECT count(*) FROM " + table + " WHERE url NOT GLOB 'https://i.scdn.co/image/"
                    + "[0-9a-f]".repeat(40) + "'")).isZero();
            assertThat(main.number("SELECT max(n) FROM (SELECT count(*) n FROM " + table + " GROUP BY " + owner + ")"))
                    .isEqualTo(3);
            assertThat(main.number("SELECT count(*) FROM (SELECT 1 FROM " + table + " GROUP BY " + owner
                    + ", url HAVING count(*) > 1)")).as(table + " duplicate urls").isPositive();
        }
        assertThat(main.number("SELECT count(*) FROM albums WHERE rowid NOT IN (SELECT album_rowid FROM album_images)"))
                .isPositive();
    }

    @Test
    void artistsHaveZeroToFiveGenresFromARealisticVocabulary() throws Exception {
        assertThat(main.number("SELECT max(n) FROM (SELECT count(*) n FROM artist_genres GROUP BY artist_rowid)"))
                .isEqualTo(5);
        assertThat(main.number("SELECT count(*) FROM artists WHERE rowid NOT IN (SELECT artist_rowid FROM artist_genres)"))
                .isPositive();
        assertThat(main.strings("SELECT DISTINCT genre FROM artist_genres"))
                .contains("pop", "indie pop", "k-pop", "latin");
    }

    @Test
    void tracksHaveIdsPreviewsDurationsAndFetchTimes() throws Exception {
        assertThat(main.number("SELECT count(DISTINCT id) FROM tracks")).isEqualTo(20_000);
        for (String table : List.of("tracks", "albums", "artists")) {
            assertThat(main.number("SELECT count(*) FROM " + table + " WHERE length(id) <> 22 OR id GLOB '*[^0-9A-Za-z]*'"))
                    .as(table).isZero();
        }
        assertThat(main.real("SELECT avg(preview_url IS NULL) FROM tracks")).isBetween(0.1, 0.6);
        assertThat(main.number("SELECT count(*) FROM tracks WHERE preview_url NOT GLOB 'https://p.scdn.co/mp3-preview/"
                + "[0-9a-f]".repeat(40) + "'")).isZero();
        assertThat(main.strings("SELECT DISTINCT explicit FROM tracks ORDER BY 1")).containsExactly("0", "1");
        assertThat(main.number("SELECT count(*) FROM tracks WHERE duration_ms NOT BETWEEN 30000 AND 600000")).isZero();
        assertThat(main.real("SELECT avg(duration_ms) FROM tracks")).isBetween(180_000.0, 260_000.0);
        assertThat(main.number("SELECT min(fetched_at) FROM tracks")).isGreaterThan(1_700_000_000L);
        assertThat(main.number("SELECT count(*) FROM tracks WHERE fetched_at IS NULL")).isPositive();
    }

    @Test
    void trackFilesCoverMostTracksWithNullsAndSomeTextThatIsNotJson() throws Exception {
        assertThat(main.real("SELECT avg(id IN (SELECT track_id FROM tf.track_files)) FROM tracks")).isBetween(0.87, 0.93);
        assertThat(files.number("SELECT count(*) FROM (SELECT 1 FROM track_files GROUP BY track_id HAVING count(*) > 1)"))
                .isPositive();
        for (String column : List.of("has_lyrics", "original_title", "version_title", "language_of_performance",
                "artist_roles")) {
            assertThat(files.number("SELECT count(*) FROM track_files WHERE " + column + " IS NULL")).as(column).isPositive();
        }
        assertThat(files.real("SELECT avg(NOT json_valid(language_of_performance) OR NOT json_valid(artist_roles))"
                + " FROM track_files")).isBetween(0.003, 0.03);
        assertThat(files.number("SELECT count(*) FROM track_files WHERE json_valid(language_of_performance)"
                + " AND json_type(language_of_performance) <> 'array'")).isZero();
        assertThat(files.number("SELECT count(*) FROM track_files WHERE language_of_performance = '[\"en\"]'"))
                .isPositive();
        // artist_roles credits the track's own artists, by id, in credit order.
        assertThat(main.number("SELECT count(*) FROM tf.track_files f JOIN tracks t ON t.id = f.track_id"
                + " WHERE json_valid(f.artist_roles) AND json_extract(f.artist_roles, '$[0].artist_id') <>"
                + " (SELECT a.id FROM track_artists ta JOIN artists a ON a.rowid = ta.artist_rowid"
                + "  WHERE ta.track_rowid = t.rowid ORDER BY ta.rowid LIMIT 1)")).isZero();
        assertThat(files.number("SELECT count(*) FROM track_files WHERE artist_roles LIKE '%ARTIST_ROLE_FEATURED_ARTIST%'"))
                .isPositive();
        // version_title is the suffix of the track's name where there is one.
        assertThat(main.number("SELECT count(*) FROM tf.track_files f JOIN tracks t ON t.id = f.track_id"
                + " WHERE f.version_title <> '' AND t.name NOT LIKE '% - ' || f.version_title")).isZero();
        assertThat(main.number("SELECT count(*) FROM tf.track_files WHERE version_title <> ''")).isPositive();
    }
}
