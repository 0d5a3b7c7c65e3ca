package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Progress;
import dev.musicmeta.catalog.sqlite.CatalogFiles;
import dev.musicmeta.sample.SampleGenerator;
import dev.musicmeta.search.IndexBuilder;
import dev.musicmeta.testing.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo catalog a returning user finds: one made by an older version (no example recordings,
 * no format marker) is generated again with its index; a current one, or a catalog that is not the
 * generator's old output, is served as it is.
 */
class DemoCatalogTest {

    @TempDir
    Path dir;

    private static boolean holdsTheExamples(Path main) {
        try (Db db = Db.readOnly(main)) {
            return db.number("SELECT count(*) FROM tracks WHERE id IN ('4uLU6hMCjMI75M1A2tKUQC',"
                    + " '4u7EnebtmKWzUH433cf5Qv')") == 2;
        }
    }

    @Test
    void aNewDemoHoldsTheExampleRecordingsAndItsFormat() throws Exception {
        Path main = DemoCatalog.ensure(dir, 300);

        assertThat(holdsTheExamples(main)).isTrue();
        assertThat(Files.readString(dir.resolve(DemoCatalog.MARKER)).strip()).isEqualTo(DemoCatalog.FORMAT);
    }

    @Test
    void aDemoOfAnOlderVersionIsGeneratedAgainAndItsStaleIndexRemoved() throws Exception {
        // what the version before the example recordings left in the cache: a catalog and its index
        SampleGenerator.generate(dir, 300, DemoCatalog.SEED, Progress.NONE);
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        Path index = IndexBuilder.defaultFolder(main);
        IndexCommand.build(new IndexBuilder(1, 16), main, index, Progress.NONE);
        assertThat(holdsTheExamples(main)).isFalse();

        DemoCatalog.ensure(dir, 300);

        assertThat(holdsTheExamples(main)).isTrue();
        assertThat(index).doesNotExist();
        assertThat(dir.resolve(DemoCatalog.MARKER)).hasContent(DemoCatalog.FORMAT);
    }

    @Test
    void aDemoOfAnotherFormatIsGeneratedAgain() throws Exception {
        Path main = DemoCatalog.ensure(dir, 300);
        Files.writeString(dir.resolve(DemoCatalog.MARKER), "1\n");
        FileTime before = Files.getLastModifiedTime(main);

        DemoCatalog.ensure(dir, 300);

        assertThat(Files.getLastModifiedTime(main)).isNotEqualTo(before);
        assertThat(dir.resolve(DemoCatalog.MARKER)).hasContent(DemoCatalog.FORMAT);
    }

    @Test
    void aCatalogWithoutMarkerThatHoldsTheExamplesIsServedAsItIs() throws Exception {
        // e.g. --demo-dir pointed at a folder of real data, which holds these recordings
        SampleGenerator.generate(dir, 300, 7, Progress.NONE, false, true);
        Path main = dir.resolve(CatalogFiles.MAIN_FILE);
        FileTime before = Files.getLastModifiedTime(main);

        assertThat(DemoCatalog.ensure(dir, 300)).isEqualTo(main);
        assertThat(Files.getLastModifiedTime(main)).isEqualTo(before);
        assertThat(dir.resolve(DemoCatalog.MARKER)).doesNotExist();
    }
}
