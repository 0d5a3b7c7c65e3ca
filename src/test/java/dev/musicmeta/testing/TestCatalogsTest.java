package dev.musicmeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

class TestCatalogsTest {

    @Test
    void generatesTheSmallCatalogOnceAndSharesItAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Path>> dirs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            dirs.add(pool.submit(TestCatalogs::small));
        }
        Path dir = dirs.get(0).get();
        for (Future<Path> other : dirs) {
            assertThat(other.get()).isEqualTo(dir);
        }
        pool.shutdown();

        FileTime written = Files.getLastModifiedTime(TestCatalogs.smallMain());
        assertThat(TestCatalogs.small()).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(TestCatalogs.smallMain())).isEqualTo(written);
        assertThat(dir.toString()).contains("target" + dir.getFileSystem().getSeparator() + "test-catalogs");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + TestCatalogs.smallMain(),
                        readOnly());
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM tracks")) {
            assertThat(rows.getLong(1)).isEqualTo(TestCatalogs.SMALL_TRACKS);
        }
        assertThat(TestCatalogs.smallTrackFiles()).isRegularFile();
    }

    private static Properties readOnly() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.toProperties();
    }
}
