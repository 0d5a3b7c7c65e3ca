package dev.musicmeta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

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
        try (Db db = Db.readOnly(TestCatalogs.smallMain())) {
            assertThat(db.number("SELECT count(*) FROM tracks")).isEqualTo(TestCatalogs.SMALL_TRACKS);
        }
        assertThat(TestCatalogs.smallTrackFiles()).isRegularFile();
    }
}
