package dev.musicmeta.cli;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.catalog.sqlite.CatalogFingerprint;
import dev.musicmeta.http.BuildInfo;
import dev.musicmeta.http.ServiceInfo;
import dev.musicmeta.search.IndexManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts {@code /info} reports, gathered once when the catalog has opened: the files and their
 * sizes, the row counts as the largest rowid of each table (a lookup in the table's b-tree, where
 * {@code count(*)} would read all 256 M rows of the snapshot; it deletes no rows), and the served
 * index's manifest.
 */
final class ServiceFacts {

    private ServiceFacts() {}

    /**
     * @param index the folder of the index being served, or null when search scans SQLite
     */
    static ServiceInfo describe(CatalogFiles files, Path index) {
        List<ServiceInfo.File> described = new ArrayList<>();
        for (Path file : files.trackFiles() == null ? List.of(files.main()) : List.of(files.main(), files.trackFiles())) {
            described.add(new ServiceInfo.File(file.getFileName().toString(), file.toAbsolutePath().toString(),
                    size(file)));
        }
        long[] counts = maxRowids(files.main());
        ServiceInfo.CatalogFacts catalog = new ServiceInfo.CatalogFacts(described, counts[0], counts[1], counts[2]);
        return new ServiceInfo(BuildInfo.current(), catalog, index == null ? null : index(index, files.main()));
    }

    private static ServiceInfo.Index index(Path folder, Path main) {
        try {
            IndexManifest m = IndexManifest.read(folder);
            return new ServiceInfo.Index(folder.toAbsolutePath().toString(), m.format(), m.builtAt(),
                    m.catalog().matches(main, CatalogFingerprint.of(main)), Map.copyOf(m.documents()));
        } catch (IOException e) {
            return null;
        }
    }

    /** The largest rowid of tracks, albums and artists; -1 for one that cannot be read. */
    private static long[] maxRowids(Path main) {
        long[] counts = {-1, -1, -1};
        String[] tables = {"tracks", "albums", "artists"};
        try (Connection c = DriverManager.getConnection(CatalogFiles.readOnlyJdbcUrl(main, true));
             Statement s = c.createStatement()) {
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet r = s.executeQuery("SELECT max(rowid) FROM " + tables[i])) {
                    counts[i] = r.next() ? r.getLong(1) : 0;
                }
            }
        } catch (SQLException e) {
            // a file the catalog could open but not read now: /info leaves the counts unknown
        }
        return counts;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
