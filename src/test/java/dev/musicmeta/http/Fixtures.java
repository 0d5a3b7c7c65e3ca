package dev.musicmeta.http;

import dev.musicmeta.catalog.sqlite.CatalogFileException;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import dev.musicmeta.testing.EdgeCatalog;
import dev.musicmeta.testing.TestCatalogs;
import java.nio.file.Path;

/**
 * Catalogs and servers shared by the HTTP tests of one JVM: the generated sample catalog and the
 * edge catalog, each opened once, each behind one server with rate limiting off. Tests that need
 * other settings start their own {@link TestServer}.
 */
final class Fixtures {

    private static SqliteCatalog sample;
    private static TestServer sampleServer;
    private static EdgeCatalog edge;
    private static SqliteCatalog edgeCatalog;
    private static TestServer edgeServer;

    private Fixtures() {}

    /** The generated sample catalog's main file. */
    static Path sampleMain() {
        return TestCatalogs.smallMain();
    }

    static synchronized SqliteCatalog sample() {
        if (sample == null) {
            sample = open(CatalogFiles.resolve(TestCatalogs.smallMain(), null), SqliteOptions.defaults());
        }
        return sample;
    }

    static synchronized ApiClient sampleApi() {
        if (sampleServer == null) {
            sampleServer = TestServer.start(sample());
        }
        return sampleServer.client();
    }

    static synchronized EdgeCatalog edge() {
        if (edge == null) {
            edge = EdgeCatalog.shared();
        }
        return edge;
    }

    static synchronized SqliteCatalog edgeCatalog() {
        if (edgeCatalog == null) {
            edgeCatalog = open(edge().files(), SqliteOptions.defaults());
        }
        return edgeCatalog;
    }

    static synchronized ApiClient edgeApi() {
        if (edgeServer == null) {
            edgeServer = TestServer.start(edgeCatalog());
        }
        return edgeServer.client();
    }

    static SqliteCatalog open(CatalogFiles files, SqliteOptions options) {
        try {
            return SqliteCatalog.open(files, options);
        } catch (CatalogFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
