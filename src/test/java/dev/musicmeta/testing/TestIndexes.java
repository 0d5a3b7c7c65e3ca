package dev.musicmeta.testing;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.IndexManifest;
import java.nio.file.Path;

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
}
