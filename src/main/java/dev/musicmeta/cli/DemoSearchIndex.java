package dev.musicmeta.cli;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.search.IndexBuildException;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.search.SearchIndex;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index of the demo catalog, built once beside it (seconds for 100 k tracks) so that
 * {@code serve --demo} shows the real search, not the SQL fallback.
 */
final class DemoSearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSearchIndex.class);

    private DemoSearchIndex() {}

    static void ensure(Path main) throws IOException {
        Path folder = IndexBuilder.defaultFolder(main);
        if (SearchIndex.exists(folder)) {
            return;
        }
        LOG.info("building the demo catalog's search index into {} (once)", folder);
        try {
            IndexCommand.build(IndexBuilder.defaults(), main, folder, Progress.NONE);
        } catch (CatalogFileException | IndexBuildException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
