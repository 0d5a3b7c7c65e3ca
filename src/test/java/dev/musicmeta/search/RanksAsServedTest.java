package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.testing.HandBuiltCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search ranks by the values the API serves: a popularity or follower count the API serves as
 * {@code null} (out of range, text, a fraction) ranks as {@code null}, below every real value,
 * with the search index as without it. Names are equal within each kind, so the rank alone
 * orders them (then the rowid).
 */
class RanksAsServedTest {

    @TempDir
    static Path dir;

    static SqliteCatalog indexed;
    static SqliteCatalog scanning;

    @BeforeAll
    static void build() throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.createLenient(dir.resolve("catalog"));
        long artist = c.artist("Lyra Vance", 1_000);
        long album = c.album("Lyra Vance Live", "2001-01-01", null, 10, artist);
        // popularity as stored: 150, 85, 40, 'high', -5; as served: null, 85, 40, null, null
        for (Object popularity : List.of(150, 85, 40, "high", -5)) {
            c.trackStoring("Zephyr Lullaby", album, null, popularity, artist);
        }
        // followers as stored: 'many', 1000, 2.5, 7000, -1; as served: null, 1000, null, 7000, null
        long rowid = 10;
        for (Object followers : List.of("many", 1_000, 2.5, 7_000, -1)) {
            c.execute("INSERT INTO artists (rowid, id, name, followers_total, popularity) VALUES (?, ?, ?, ?, 0)",
                    rowid, HandBuiltCatalog.id("ar", rowid), "Nimbus Quartet", followers);
            rowid++;
        }
        // album popularity (not served, ranked by the rule that serves a track's): 250, 'hot', 60, 10
        rowid = 10;
        for (Object popularity : List.of(250, "hot", 60, 10)) {
            c.execute("INSERT INTO albums (rowid, id, name, album_type, popularity, release_date,"
                    + " release_date_precision, total_tracks) VALUES (?, ?, 'Aurora Tapes', 'album', ?, '1999',"
                    + " 'year', 1)", rowid, HandBuiltCatalog.id("al", rowid), popularity);
            rowid++;
        }
        c.close();
        Path folder = TestIndexes.buildBeside(c.mainFile());
        CatalogFiles files = CatalogFiles.resolve(c.mainFile(), null);
        indexed = SqliteCatalog.open(files, SqliteOptions.defaults(), SearchIndex.open(folder, Duration.ofSeconds(10)));
        scanning = SqliteCatalog.open(files, SqliteOptions.defaults());
    }

    @AfterAll
    static void close() {
        indexed.close();
        scanning.close();
    }

    static SqliteCatalog catalog(String searcher) {
        return searcher.equals("index") ? indexed : scanning;
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "scan"})
    void tracksRankByThePopularityTheApiServes(String searcher) {
        List<Track> tracks = catalog(searcher).searchTracks(new SearchRequest("zephyr lullaby", 10, 0)).items();
        assertThat(tracks).extracting(Track::popularity).containsExactly(85, 40, null, null, null);
        // the three nulls by rowid: 150, then 'high', then -5 as stored
        assertThat(tracks).extracting(Track::id).containsExactly(id("tr", 2), id("tr", 3), id("tr", 1), id("tr", 4),
                id("tr", 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "scan"})
    void artistsRankByTheFollowersTheApiServes(String searcher) {
        List<Artist> artists = catalog(searcher).searchArtists(new SearchRequest("nimbus quartet", 10, 0)).items();
        assertThat(artists).extracting(Artist::followers).containsExactly(7_000L, 1_000L, null, null, null);
        assertThat(artists).extracting(Artist::id).containsExactly(id("ar", 13), id("ar", 11), id("ar", 10),
                id("ar", 12), id("ar", 14));
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "scan"})
    void albumsRankByTheirPopularityReadAsATracksIsServed(String searcher) {
        List<Album> albums = catalog(searcher).searchAlbums(new SearchRequest("aurora tapes", 10, 0)).items();
        assertThat(albums).extracting(Album::id).containsExactly(id("al", 12), id("al", 13), id("al", 10),
                id("al", 11));
    }

    private static String id(String prefix, long rowid) {
        return HandBuiltCatalog.id(prefix, rowid);
    }
}
