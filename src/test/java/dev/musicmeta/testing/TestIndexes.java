package dev.musicmeta.testing;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.IndexManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Search indexes of test catalogs, built as the {@code index} command builds them. */
public final class TestIndexes {

    private TestIndexes() {}

    /** Builds the index of the catalog whose main file is {@code main}, read through the SQLite catalog. */
    public static IndexManifest build(IndexBuilder builder, Path main, Path folder, Progress progress) throws Exception {
        try (SqliteCatalog catalog = SqliteCatalog.open(new CatalogFiles(main, null),
                SqliteOptions.defaults().withConnections(builder.readers()))) {
            return builder.build(catalog, main, folder, progress);
        }
    }

    /** The index of {@code main} in its default folder, built with one thread. */
    public static Path buildBeside(Path main) throws Exception {
        Path folder = IndexBuilder.defaultFolder(main);
        build(new IndexBuilder(1, 16), main, folder, Progress.NONE);
        return folder;
    }

    /** Copies the index folder {@code from} (its subfolders included) to {@code to}, to damage the copy. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path));
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
