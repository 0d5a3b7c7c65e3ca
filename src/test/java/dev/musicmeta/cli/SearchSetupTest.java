package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.cli.SearchSetup.IndexState;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.IndexManifest;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.RelevanceCatalog;
import dev.musicmeta.testing.TestIndexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The catalog {@code serve} opens: with the index beside it, searching through the index and
 * answering with items from SQLite; without a usable one, searching by the SQL scan and saying
 * once in the log what to do about it.
 */
class SearchSetupTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static Path main;
    static Path indexFolder;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger setupLogger = (Logger) LoggerFactory.getLogger(SearchSetup.class);

    @BeforeAll
    static void build() throws Exception {
        main = RelevanceCatalog.write(dir.resolve("catalog")).mainFile();
        indexFolder = IndexBuilder.defaultFolder(main);
        index(main, indexFolder);
    }

    static IndexManifest index(Path main, Path folder) throws Exception {
        return IndexCommand.build(new IndexBuilder(1, 16), main, folder, Progress.NONE);
    }

    @BeforeEach
    void captureLog() {
        log.start();
        setupLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        setupLogger.detachAppender(log);
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void searchesThroughTheIndexAndAnswersWithItemsFromSqlite() throws Exception {
        try (OpenCatalog opened = OpenCatalog.open(CatalogFiles.resolve(main, null), null, SqliteOptions.defaults())) {
            assertThat(opened.index()).isEqualTo(IndexState.CURRENT);
            Catalog catalog = opened.catalog();

            Page<Track> tracks = catalog.searchTracks(new SearchRequest("bohemain rhap", 1, 0));
            assertThat(tracks.total()).isEqualTo(2);
            assertThat(tracks.limit()).isEqualTo(1);
            Track first = tracks.items().get(0);
            assertThat(first.name()).isEqualTo("Bohemian Rhapsody");
            assertThat(first.isrc()).isEqualTo("GBUM71029604");
            assertThat(first.album().name()).isEqualTo("A Night at the Opera");
            assertThat(first.artists()).extracting(Artist::name).containsExactly("Queen");
            assertThat(catalog.track(first.id())).contains(first);

            Page<Track> second = catalog.searchTracks(new SearchRequest("bohemain rhap", 1, 1));
            assertThat(second.items()).extracting(Track::isrc).containsExactly("QZAAA9900001");
            assertThat(second.offset()).isEqualTo(1);

            Page<Album> albums = catalog.searchAlbums(new SearchRequest("upc:602547288233", 20, 0));
            assertThat(albums.items()).extracting(Album::name).containsExactly("A Night at the Opera");
            assertThat(albums.items().get(0).artists()).extracting(Artist::name).containsExactly("Queen");

            Page<Artist> artists = catalog.searchArtists(new SearchRequest("beyonce", 20, 0));
            assertThat(artists.items()).extracting(Artist::name).containsExactly("Beyoncé", "Beyonce Tribute Band");
            assertThat(artists.items().get(0).genres()).containsExactly("pop", "r&b");

            Page<Track> none = catalog.searchTracks(new SearchRequest("zzzz qqqq", 20, 0));
            assertThat(none.items()).isEmpty();
            assertThat(none.total()).isZero();
        }
        assertThat(messages(Level.INFO)).singleElement().asString()
                .contains(indexFolder.toString()).contains("52 tracks");
        assertThat(messages(Level.WARN)).isEmpty();
    }

    @Test
    void withoutAnIndexSearchFallsBackToSqlAndSaysOnceHowToBuildIt() throws Exception {
        Path nowhere = dir.resolve("no-index-here");
        SearchSetup setup = SearchSetup.choose(main, nowhere, false, BUDGET);
        assertThat(setup.index()).isNull();
        assertThat(setup.state()).isEqualTo(IndexState.ABSENT);
        setup.log();
        try (SqliteCatalog catalog = SqliteCatalog.open(CatalogFiles.resolve(main, null), SqliteOptions.defaults())) {
            Page<Track> tracks = catalog.searchTracks(new SearchRequest("Bohemian Rhapsody", 20, 0));
            assertThat(tracks.items()).extracting(Track::name).containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody");
            assertThat(tracks.items().get(0).isrc()).isEqualTo("GBUM71029604");
        }
        assertThat(messages(Level.WARN)).singleElement().asString()
                .contains(nowhere.toString())
                .contains("java -jar music-metadata-api.jar index --db " + main);
    }

    @Test
    void anExplicitIndexThatIsMissingIsAnError() {
        Path nowhere = dir.resolve("typo");
        assertThatThrownBy(() -> SearchSetup.choose(main, nowhere, true, BUDGET))
                .isInstanceOf(SearchSetup.IndexUnavailableException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageContaining("index --db");
        assertThatThrownBy(() -> OpenCatalog.open(CatalogFiles.resolve(main, null), nowhere, SqliteOptions.defaults()))
                .isInstanceOf(SearchSetup.IndexUnavailableException.class);
        assertThat(messages(Level.WARN)).isEmpty();
    }

    @Test
    void aBrokenDefaultIndexIsAWarningAndSqlSearchServes() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken-index"));
        Files.writeString(broken.resolve(IndexManifest.FILE), "{not json");
        SearchSetup setup = SearchSetup.choose(main, broken, false, BUDGET);
        assertThat(setup.index()).isNull();
        assertThat(setup.state()).isEqualTo(IndexState.UNREADABLE);
        setup.log();
        assertThat(messages(Level.WARN)).singleElement().asString().contains("cannot be read");
        SearchSetup later = SearchSetup.chooseLater(main, broken, BUDGET, CompletableFuture.completedFuture(null));
        assertThat(later.index()).isNull();
        assertThat(later.state()).isEqualTo(IndexState.UNREADABLE);
        assertThatThrownBy(() -> SearchSetup.choose(main, broken, true, BUDGET))
                .isInstanceOf(SearchSetup.IndexUnavailableException.class);
    }

    @Test
    void anIndexOfAnotherFormatIsNotServedAndTheLogSaysHowToRebuildIt() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old-format"));
        String manifest = Files.readString(indexFolder.resolve(IndexManifest.FILE));
        Files.writeString(old.resolve(IndexManifest.FILE),
                manifest.replaceFirst("\"format\" ?: ?\\d+", "\"format\" : " + (IndexManifest.FORMAT - 1)));
        for (SearchSetup setup : List.of(SearchSetup.choose(main, old, false, BUDGET),
                SearchSetup.chooseLater(main, old, BUDGET, CompletableFuture.completedFuture(null)))) {
            assertThat(setup.index()).isNull();
            assertThat(setup.state()).isEqualTo(IndexState.OTHER_FORMAT);
            setup.log();
        }
        assertThat(messages(Level.WARN)).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .contains("format " + (IndexManifest.FORMAT - 1) + ", this version serves format " + IndexManifest.FORMAT)
                .contains("index --db " + main));
    }

    @Test
    void aCopyOfTheSameCatalogIsCurrentAnotherIsStale() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("changed"));
        Path changedMain = Files.copy(main, copy.resolve(CatalogFiles.MAIN_FILE));
        Path folder = IndexBuilder.defaultFolder(changedMain);
        IndexManifest manifest = index(changedMain, folder);
        Files.setLastModifiedTime(changedMain, FileTime.fromMillis(manifest.catalog().modifiedMillis() - 60_000));
        assertThat(SearchSetup.warnings(manifest, changedMain)).as("same content, another time").isEmpty();

        try (Db db = Db.write(changedMain)) {
            db.execute("UPDATE tracks SET popularity = 1 WHERE rowid = 1");
        }
        assertThat(SearchSetup.warnings(manifest, changedMain)).singleElement().asString()
                .contains("its content differs")
                .contains("rebuild it with: java -jar music-metadata-api.jar index --db " + changedMain);
        try (OpenCatalog opened = OpenCatalog.open(CatalogFiles.resolve(changedMain, null), null,
                SqliteOptions.defaults())) {
            assertThat(opened.index()).isEqualTo(IndexState.STALE); // still served, with a warning
            assertThat(opened.catalog().searchTracks(new SearchRequest("bohemain rhap", 5, 0)).items()).hasSize(2);
        }
        assertThat(messages(Level.WARN)).singleElement().asString().contains("from another catalog than");
        CompletableFuture<Void> never = new CompletableFuture<>();
        try (OpenCatalog opened = OpenCatalog.open(CatalogFiles.resolve(changedMain, null), null,
                SqliteOptions.defaults(), never)) {
            assertThat(opened.index()).as("from the manifest, before the readers open").isEqualTo(IndexState.STALE);
        }
    }

    @Test
    void theReadersOfTheDefaultIndexCanOpenOnceTheServerListensWithReadyHeldAtNotReadyMeanwhile() throws Exception {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        try (OpenCatalog opened = OpenCatalog.open(CatalogFiles.resolve(main, null), null, SqliteOptions.defaults(),
                listening)) {
            ServedReadiness readiness = new ServedReadiness(() -> opened, false);
            assertThat(opened.index()).as("the manifest checked already").isEqualTo(IndexState.CURRENT);
            assertThat(opened.indexOpening()).isTrue();
            assertThat(readiness.get().ready()).isFalse();
            assertThat(readiness.get().components().get(2).state()).isEqualTo("opening");
            assertThat(opened.catalog().track("0000000000000000000000")).isEmpty(); // lookups do not wait

            CompletableFuture<Page<Track>> search = CompletableFuture.supplyAsync(
                    () -> opened.catalog().searchTracks(new SearchRequest("bohemain rhap", 1, 0)));
            Thread.sleep(200);
            assertThat(search).as("waits for the readers").isNotDone();
            listening.complete(null);
            assertThat(search.get(10, TimeUnit.SECONDS).items()).extracting(Track::name)
                    .containsExactly("Bohemian Rhapsody");
            assertThat(opened.indexOpening()).isFalse();
            assertThat(opened.indexFault()).isNull();
            assertThat(readiness.get().ready()).isTrue();
            assertThat(readiness.get().components().get(2).state()).isEqualTo("current");
        }
    }

    @Test
    void readersThatCannotOpenLaterMakeSearchesAnswer503AndTheInstanceNotReadyUntilTheyOpen() throws Exception {
        Path hollow = Files.createDirectories(dir.resolve("hollow-index"));
        Files.copy(indexFolder.resolve(IndexManifest.FILE), hollow.resolve(IndexManifest.FILE));
        SearchSetup setup = SearchSetup.chooseLater(main, hollow, BUDGET, CompletableFuture.completedFuture(null));
        assertThat(setup.state()).isEqualTo(IndexState.CURRENT);
        try (SqliteCatalog catalog = SqliteCatalog.open(CatalogFiles.resolve(main, null), SqliteOptions.defaults(),
                setup.index())) {
            OpenCatalog opened = new OpenCatalog(catalog, setup.state(), setup.index(), BUDGET);
            assertThatThrownBy(() -> catalog.searchTracks(new SearchRequest("queen", 5, 0)))
                    .isInstanceOf(CatalogUnavailableException.class);
            assertThat(opened.indexOpening()).isFalse();
            assertThat(opened.indexFault()).contains("cannot be read");
            assertThat(new ServedReadiness(() -> opened, false).get().components().get(2).state())
                    .isEqualTo("unreadable");

            Files.delete(hollow.resolve(IndexManifest.FILE));
            TestIndexes.copy(indexFolder, hollow); // the files put right: opened again a second later
            Thread.sleep(1_100);
            assertThat(catalog.searchTracks(new SearchRequest("bohemain rhap", 1, 0)).items()).extracting(Track::name)
                    .containsExactly("Bohemian Rhapsody");
            assertThat(opened.indexFault()).isNull();
            assertThat(new ServedReadiness(() -> opened, false).get().ready()).isTrue();
        }
    }

    @Test
    void aLateIndexClosedBeforeTheServerListensNeverOpens() {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        LateIndex late = new LateIndex(indexFolder, BUDGET, listening);
        late.close();
        listening.complete(null);
        assertThat(late.opening()).isFalse();
        assertThatThrownBy(() -> late.search(SearchKind.TRACKS, new SearchRequest("queen", 5, 0)))
                .isInstanceOf(CatalogUnavailableException.class);
    }
}
