package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.TestCatalogs;
import dev.musicmeta.testing.TestIndexes;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an open index keeps between searches (its typo and prefix expansions, Lucene's query cache)
 * changes no answer: each search answers on an index that has served many searches exactly what it
 * answers as the first search of a freshly opened one. And what it keeps does not hide a damaged
 * file.
 */
class SearchCachesTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static Path folder;
    static List<Map.Entry<SearchKind, SearchRequest>> searches = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        Path main = TestCatalogs.smallMain();
        folder = dir.resolve("index");
        TestIndexes.build(new IndexBuilder(1, 16), main, folder, Progress.NONE);
        // Titles whole, their first word, a word and a prefix of the next, a typo, a filter; albums and artists.
        for (Object name : Db.column(main, "SELECT name FROM tracks WHERE rowid % 500 = 7 ORDER BY rowid")) {
            String title = (String) name;
            String[] words = title.split(" ");
            track(title);
            track(words[0]);
            if (words.length > 1 && words[1].length() > 2) {
                track(words[0] + " " + words[1].substring(0, 2));
            }
            if (words[0].length() >= 5) {
                track(words[0].substring(1) + " year:1990-2030");
                track("x" + words[0].substring(1));
            }
        }
        for (Object name : Db.column(main, "SELECT name FROM albums WHERE rowid % 200 = 3 ORDER BY rowid")) {
            searches.add(Map.entry(SearchKind.ALBUMS, new SearchRequest((String) name, 10, 0)));
        }
        for (Object name : Db.column(main, "SELECT name FROM artists WHERE rowid % 100 = 5 ORDER BY rowid")) {
            searches.add(Map.entry(SearchKind.ARTISTS, new SearchRequest((String) name, 10, 0)));
        }
        track("love");
        searches.add(Map.entry(SearchKind.TRACKS, new SearchRequest("love", 20, 20)));
        assertThat(searches).hasSizeGreaterThan(40);
    }

    private static void track(String q) {
        searches.add(Map.entry(SearchKind.TRACKS, new SearchRequest(q, 20, 0)));
    }

    @Test
    void aWarmIndexAnswersWhatAFreshOneAnswers() throws Exception {
        Map<Integer, String> fresh = new LinkedHashMap<>();
        for (int i = 0; i < searches.size(); i++) {
            try (SearchIndex index = SearchIndex.open(folder, BUDGET)) {
                fresh.put(i, page(index, i));
            }
        }
        assertThat(fresh.values().stream().filter(p -> !p.startsWith("[] "))).hasSizeGreaterThan(searches.size() / 2);
        try (SearchIndex index = SearchIndex.open(folder, BUDGET)) {
            for (int round = 0; round < 2; round++) {
                Map<Integer, String> warm = new LinkedHashMap<>();
                for (int i = 0; i < searches.size(); i++) {
                    warm.put(i, page(index, i));
                }
                assertThat(warm).as("round " + round).isEqualTo(fresh);
            }
        }
    }

    @Test
    void filesTruncatedWhileServedFailSearchesOfAWarmIndex() throws Exception {
        Path copy = dir.resolve("damaged");
        TestIndexes.copy(folder, copy);
        try (SearchIndex index = SearchIndex.open(copy, BUDGET)) {
            String before = page(index, 0);
            assertThat(page(index, 0)).isEqualTo(before); // what it keeps now holds this search
            Map<Path, byte[]> good = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(copy.resolve(IndexManifest.folder(SearchKind.TRACKS)))) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                    good.put(file, Files.readAllBytes(file));
                    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                        raf.setLength(raf.length() / 2);
                    }
                }
            }
            assertThatThrownBy(() -> page(index, 0)).isInstanceOf(CatalogUnavailableException.class)
                    .hasMessageContaining("cannot be read");
            assertThat(index.fault()).isNotNull();

            for (Map.Entry<Path, byte[]> file : good.entrySet()) {
                Files.write(file.getKey(), file.getValue()); // in place: the reader's open files see it
            }
            assertThat(page(index, 0)).isEqualTo(before);
            assertThat(index.fault()).isNull();
        }
    }

    private static String page(SearchIndex index, int i) {
        SearchHits hits = index.search(searches.get(i).getKey(), searches.get(i).getValue());
        return java.util.Arrays.toString(hits.rowids()) + " " + hits.total();
    }
}
