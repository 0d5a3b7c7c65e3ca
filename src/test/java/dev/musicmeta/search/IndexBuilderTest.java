package dev.musicmeta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.CatalogScan;
import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.sqlite.CatalogFingerprint;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.HandBuiltCatalog;
import dev.musicmeta.testing.RelevanceCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private HandBuiltCatalog smallCatalog() throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.create(dir.resolve("catalog"));
        long artist = c.artist("Portishead", 1_000_000, "trip hop");
        long album = c.album("Dummy", "1994-08-22", "042282855329", 70, artist);
        c.track("Glory Box", album, "GBAAN9400007", 75, artist);
        c.track("Sour Times", album, "GBAAN9400002", 65, artist);
        c.close();
        return c;
    }

    private static List<String> names(Path parent) throws Exception {
        try (Stream<Path> files = Files.list(parent)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesManifestBesideTheCatalogAndLeavesNoTemporaryFolder() throws Exception {
        HandBuiltCatalog c = smallCatalog();
        Path folder = IndexBuilder.defaultFolder(c.mainFile());
        List<long[]> progress = new ArrayList<>();
        IndexManifest manifest = TestIndexes.build(new IndexBuilder(1, 16), c.mainFile(), folder,
                (done, total) -> progress.add(new long[] {done, total}));

        assertThat(folder).isEqualTo(c.mainFile().getParent().resolve("search-index"));
        assertThat(names(c.mainFile().getParent())).containsExactly("main_database.sqlite3", "search-index");
        assertThat(manifest.format()).isEqualTo(IndexManifest.FORMAT);
        assertThat(manifest.documents(SearchKind.TRACKS)).isEqualTo(2);
        assertThat(manifest.documents(SearchKind.ALBUMS)).isEqualTo(1);
        assertThat(manifest.documents(SearchKind.ARTISTS)).isEqualTo(1);
        assertThat(manifest.catalog().matches(c.mainFile())).isTrue();
        assertThat(manifest.lucene()).startsWith("9.12");
        assertThat(IndexManifest.read(folder)).isEqualTo(manifest);
        assertThat(progress).isNotEmpty();
        long[] last = progress.get(progress.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isEqualTo(4); // 2 tracks + 1 album + 1 artist
    }

    @Test
    void neverWritesTheCatalog() throws Exception {
        HandBuiltCatalog c = smallCatalog();
        FileTime before = Files.getLastModifiedTime(c.mainFile());
        String hash = sha256(c.mainFile());
        TestIndexes.build(new IndexBuilder(1, 16), c.mainFile(), dir.resolve("elsewhere"), Progress.NONE);
        assertThat(Files.getLastModifiedTime(c.mainFile())).isEqualTo(before);
        assertThat(sha256(c.mainFile())).isEqualTo(hash);
        assertThat(names(c.mainFile().getParent())).containsExactly("main_database.sqlite3");
    }

    @Test
    void aFailedBuildLeavesNoIndex() throws Exception {
        HandBuiltCatalog c = smallCatalog();
        Path folder = IndexBuilder.defaultFolder(c.mainFile());
        try (SqliteCatalog catalog = SqliteCatalog.open(new CatalogFiles(c.mainFile(), null), SqliteOptions.defaults())) {
            // The catalog closes once the tracks are indexed: reading the albums fails part-way.
            CatalogScan closingAfterTracks = new CatalogScan() {
                @Override public long maxRowid(SearchKind kind) { return catalog.maxRowid(kind); }
                @Override public List<RankedItem<Track>> tracksInRange(long after, long last) {
                    return catalog.tracksInRange(after, last);
                }
                @Override public List<RankedItem<Album>> albumsInRange(long after, long last) {
                    catalog.close();
                    return catalog.albumsInRange(after, last);
                }
                @Override public List<RankedItem<Artist>> artistsInRange(long after, long last) {
                    return catalog.artistsInRange(after, last);
                }
            };
            assertThatThrownBy(() -> new IndexBuilder(1, 16).build(closingAfterTracks, c.mainFile(), folder,
                    Progress.NONE))
                    .isInstanceOf(IndexBuildException.class)
                    .hasMessageContaining("main_database.sqlite3")
                    .hasMessageContaining("closed")
                    .satisfies(e -> assertThat(((IndexBuildException) e).isCatalogProblem()).isTrue());
        }
        assertThat(names(c.mainFile().getParent())).containsExactly("main_database.sqlite3");
    }

    @Test
    void aMissingCatalogIsNamed() throws Exception {
        HandBuiltCatalog c = smallCatalog();
        Path main = dir.resolve("nope/main_database.sqlite3");
        try (SqliteCatalog catalog = SqliteCatalog.open(new CatalogFiles(c.mainFile(), null), SqliteOptions.defaults())) {
            assertThatThrownBy(() -> new IndexBuilder(1, 16).build(catalog, main, dir.resolve("out"), Progress.NONE))
                    .isInstanceOf(IndexBuildException.class)
                    .hasMessageContaining("nope/main_database.sqlite3");
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void rebuildingReplacesTheOldIndex() throws Exception {
        HandBuiltCatalog c = smallCatalog();
        Path folder = dir.resolve("index");
        IndexManifest first = TestIndexes.build(new IndexBuilder(1, 16), c.mainFile(), folder, Progress.NONE);
        IndexManifest second = TestIndexes.build(new IndexBuilder(2, 16), c.mainFile(), folder, Progress.NONE);
        assertThat(IndexManifest.read(folder)).isEqualTo(second);
        assertThat(second.builtAt()).isGreaterThanOrEqualTo(first.builtAt());
        assertThat(names(dir)).containsExactly("catalog", "index");
        try (SearchIndex index = SearchIndex.open(folder, BUDGET)) {
            assertThat(index.search(SearchKind.TRACKS, new SearchRequest("glory", 10, 0), Duration.ofSeconds(5))
                    .rowids()).hasSize(1);
        }
    }

    @Test
    void eachKindIsMergedIntoOneSegmentWhateverTheFlushes() throws Exception {
        Path main = RelevanceCatalog.write(dir.resolve("relevance")).mainFile();
        Path folder = dir.resolve("index");
        TestIndexes.build(new IndexBuilder(2, 16, 2), main, folder, Progress.NONE);
        for (SearchKind kind : SearchKind.values()) {
            try (FSDirectory directory = FSDirectory.open(folder.resolve(IndexManifest.folder(kind)))) {
                assertThat(SegmentInfos.readLatestCommit(directory).size()).as(IndexManifest.folder(kind)).isEqualTo(1);
            }
        }
        try (SearchIndex index = SearchIndex.open(folder, BUDGET)) {
            SearchHits hits = index.search(SearchKind.TRACKS, new SearchRequest("filler", 50, 0), Duration.ofSeconds(5));
            assertThat(hits.total()).isEqualTo(RelevanceCatalog.FILLERS);
        }
    }

    @Test
    void refusesToReplaceAFolderThatIsNotAnIndex() throws Exception {
        HandBuiltCatalog c = smallCatalog();
        Path precious = Files.createDirectories(dir.resolve("home"));
        Files.writeString(precious.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> TestIndexes.build(new IndexBuilder(1, 16), c.mainFile(), precious, Progress.NONE))
                .isInstanceOf(IndexBuildException.class)
                .hasMessageContaining("not a search index");
        assertThat(names(precious)).containsExactly("notes.txt");
    }

    @Test
    void manifestMatchesACopyOfTheCatalogAnywhereButNotAChangedOne() throws Exception {
        HandBuiltCatalog c = smallCatalog();
        IndexManifest manifest = TestIndexes.build(new IndexBuilder(1, 16), c.mainFile(), dir.resolve("index"), Progress.NONE);
        Path copy = Files.copy(c.mainFile(), Files.createDirectories(dir.resolve("copy")).resolve(CatalogFiles.MAIN_FILE));
        Files.setLastModifiedTime(copy, FileTime.fromMillis(manifest.catalog().modifiedMillis() + 60_000));

        assertThat(manifest.catalog().fingerprint()).matches("sha256:[0-9a-f]{32}");
        assertThat(manifest.catalog().matches(copy, CatalogFingerprint.of(copy))).as("the same content").isTrue();
        try (Db db = Db.write(copy)) {
            db.execute("UPDATE tracks SET name = 'Glory Box (live)' WHERE name = 'Glory Box'");
        }
        assertThat(manifest.catalog().matches(copy, CatalogFingerprint.of(copy))).as("changed content").isFalse();
        assertThat(manifest.catalog().matches(dir.resolve("gone.sqlite3"), null)).isFalse();
    }

    @Test
    void aManifestWithoutAFingerprintMatchesBySizeAndModificationTime() throws Exception {
        HandBuiltCatalog c = smallCatalog();
        IndexManifest.CatalogStamp old = IndexManifest.CatalogStamp.of(c.mainFile(), null);
        assertThat(old.matches(c.mainFile(), CatalogFingerprint.of(c.mainFile()))).isTrue();
        Files.setLastModifiedTime(c.mainFile(), FileTime.fromMillis(old.modifiedMillis() + 5_000));
        assertThat(old.matches(c.mainFile(), CatalogFingerprint.of(c.mainFile()))).isFalse();
    }

    @Test
    void dirtyRowsAreIndexedNotFatal() throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.createLenient(dir.resolve("dirty"));
        long artist = c.artist("Sigur Rós", 2_000_000);
        long album = c.album("Ágætis byrjun", "199x", null, 50, artist);
        c.track("Svefn-g-englar", album, "not an isrc", 60, artist);
        // NULL name, NULL popularity, a text popularity, a missing album, an unknown artist.
        c.execute("INSERT INTO tracks (rowid, id, name, album_rowid, track_number, popularity, disc_number,"
                + " duration_ms, explicit) VALUES (10, 'x0000000000000000000010', NULL, ?, 1, NULL, 1, 1, NULL)", album);
        c.execute("INSERT INTO track_artists (track_rowid, artist_rowid) VALUES (10, ?)", artist);
        c.execute("INSERT INTO tracks (rowid, id, name, album_rowid, track_number, popularity, disc_number,"
                + " duration_ms, explicit) VALUES (11, 'x0000000000000000000011', 'Hoppípolla', 999, 1, 'high', 1, 1, 'yes')");
        c.execute("INSERT INTO track_artists (track_rowid, artist_rowid) VALUES (11, 424242)");
        c.execute("INSERT INTO artists (rowid, id, name, followers_total, popularity) VALUES (50, 'y0000000000000000000050', NULL, NULL, NULL)");
        c.close();
        Path folder = dir.resolve("dirty-index");
        IndexManifest manifest = TestIndexes.build(new IndexBuilder(1, 16), c.mainFile(), folder, Progress.NONE);
        assertThat(manifest.documents(SearchKind.TRACKS)).isEqualTo(3);
        assertThat(manifest.documents(SearchKind.ARTISTS)).isEqualTo(2);
        try (SearchIndex index = SearchIndex.open(folder, BUDGET)) {
            Duration budget = Duration.ofSeconds(5);
            assertThat(index.search(SearchKind.TRACKS, new SearchRequest("sigur ros", 10, 0), budget).rowids())
                    .containsExactly(1, 10); // the NULL-named track is found by its artist; popularity 60 first
            assertThat(index.search(SearchKind.TRACKS, new SearchRequest("hoppipolla", 10, 0), budget).rowids())
                    .containsExactly(11);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
