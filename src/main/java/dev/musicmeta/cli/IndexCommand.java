package dev.musicmeta.cli;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.search.IndexBuildException;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.IndexManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code index}: builds the search index of a catalog. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Builds the search index that serve searches with.",
            "An Apache Lucene index of tracks, albums and artists: accent- and case-insensitive words,"
                    + " prefixes, typos, CJK and filters such as artist: or year:.",
            "It reads main_database.sqlite3 read-only, writes into a temporary folder beside the target and"
                    + " renames it into place when complete, replacing an older index. serve uses it when it"
                    + " finds it beside the main file (or with --index DIR)."},
        footer = {"", "Exit codes: 0 built, 1 writing failed, 2 bad arguments or an unusable catalog file.",
            "Example: index --db /data/main_database.sqlite3"})
final class IndexCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"--db", "-db"}, required = true, paramLabel = "PATH", defaultValue = "${env:MMA_DB}",
            description = "main_database.sqlite3 of the catalog, or the folder holding it (env MMA_DB).")
    private Path db;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Index folder; default: " + IndexBuilder.DEFAULT_FOLDER + " beside the main file.")
    private Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that read the catalog and index it; default: all cores.")
    private Integer threads;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        Path main = CatalogFiles.resolve(db, null).main();
        Path target = out != null ? out : IndexBuilder.defaultFolder(main);
        TerminalProgress progress = new TerminalProgress("index");
        IndexManifest manifest;
        try {
            manifest = build(new IndexBuilder(workers, 128), main, target, progress);
        } catch (CatalogFileException e) {
            StderrAppender.flushAll();
            err.println("index: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        } catch (IndexBuildException e) {
            StderrAppender.flushAll(); // the build's log lines come before its error
            err.println("index: " + e.getMessage());
            return e.isCatalogProblem() ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
        }
        progress.finish();
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "wrote %s: %,d tracks, %,d albums, %,d artists; %.1f MiB; %.1f s", target.toAbsolutePath().normalize(),
                manifest.documents(SearchKind.TRACKS), manifest.documents(SearchKind.ALBUMS),
                manifest.documents(SearchKind.ARTISTS), size(target) / (1024.0 * 1024.0), manifest.buildSeconds()));
        return CommandLine.ExitCode.OK;
    }

    /**
     * The catalog as the builder reads it: a connection for each thread that reads, no track_files
     * (the index holds nothing of it), and caches sized for a scan in rowid order: popular artists
     * recur across albums, while an album's tracks come together on one page, so an album cache
     * would only cost its upkeep. SQLite's page cache is {@value #PAGE_CACHE_KIB} KiB a connection,
     * not serve's 512: a page of tracks reads its artists by rowid, scattered over the artists and
     * artist_genres tables, and with a small cache each is a {@code pread} (at 10 M tracks 1.3
     * million a million tracks, against 0.07 million with this cache, which holds those tables'
     * pages, about 50 MiB at 10 M; bench/RESULTS.md, "the index build at 10 M").
     */
    static SqliteOptions reading(IndexBuilder builder) {
        return SqliteOptions.defaults().withConnections(builder.readers()).withCacheSizes(50_000, 0)
                .withPageCacheKib(PAGE_CACHE_KIB);
    }

    /** SQLite's page cache of each reading connection, in KiB: outside the Java heap. */
    static final int PAGE_CACHE_KIB = 64 * 1024;

    /**
     * Builds the index of the catalog whose main file is {@code main} into {@code target}. The
     * file is opened as serve opens it, so a file serve would refuse is refused here too, in the
     * same words, before any work starts; its items are read by the code that answers lookups.
     *
     * @throws CatalogFileException when serve would refuse the file
     * @throws IndexBuildException  when reading the catalog or writing the index fails
     */
    static IndexManifest build(IndexBuilder builder, Path main, Path target, Progress progress)
            throws CatalogFileException, IndexBuildException {
        try (SqliteCatalog catalog = SqliteCatalog.open(new CatalogFiles(main, null), reading(builder))) {
            return builder.build(catalog, main, target, progress);
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
