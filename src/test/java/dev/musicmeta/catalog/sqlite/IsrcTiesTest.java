package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The best track of an ISRC when tracks tie on popularity at the top: the album release date
 * decides, then the rowid, as {@code /lookup/isrc} promises; only the tied tracks' dates are
 * read, in one more statement for all the ISRCs of a request. The edge catalog's nine tracks of
 * {@code ISRC_MANY} are split over ISRCs of their own for it.
 */
class IsrcTiesTest {

    /** R1 (70, 2005), R9 (70, 1999): the date decides. */
    static final String TIED_ON_70 = "QZTIE0000001";
    /** R4 (NULL, 1990), R8 (text, served as NULL, 1980): a tie of NULLs, the date decides. */
    static final String TIED_ON_NULL = "QZTIE0000002";
    /** R2 (70, 1999-05-01), R6 (70, 1999-05-01), R3 (70, no date): the rowid decides, a NULL date last. */
    static final String TIED_ON_DATE = "QZTIE0000003";
    /** ISRC_MANY keeps R7 (90, album missing) and R5 (0, 2010): no tie at the top. */
    static final Map<String, String> BEST = Map.of(TIED_ON_70, ISRC_R9_POP70_1999, TIED_ON_NULL,
            ISRC_R8_POP_TEXT_1980, TIED_ON_DATE, ISRC_R2_POP70_1999_05_01, ISRC_MANY, ISRC_R7_POP90_ALBUM_MISSING);

    static SqliteCatalog catalog;

    @BeforeAll
    static void open(@TempDir Path dir) throws Exception {
        EdgeCatalog edge = EdgeCatalog.create(dir);
        try (Db db = Db.open(edge.main())) {
            move(db, TIED_ON_70, ISRC_R1_POP70_2005, ISRC_R9_POP70_1999);
            move(db, TIED_ON_NULL, ISRC_R4_POP_NULL_1990, ISRC_R8_POP_TEXT_1980);
            move(db, TIED_ON_DATE, ISRC_R2_POP70_1999_05_01, ISRC_R6_POP70_1999_05_01, ISRC_R3_POP70_DATE_NULL);
        }
        catalog = SqliteCatalog.open(edge.files(), SqliteOptions.defaults().withConnections(1).withoutCaches());
    }

    static void move(Db db, String isrc, String... trackIds) {
        for (String id : trackIds) {
            db.execute("UPDATE tracks SET external_id_isrc = ? WHERE id = ?", isrc, id);
        }
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    @Test
    void theBestOfTracksTiedAtTheTopIsDecidedByReleaseDateThenRowid() {
        BEST.forEach((isrc, best) -> {
            assertThat(catalog.bestTrackByIsrc(isrc).orElseThrow().id()).as(isrc).isEqualTo(best);
            assertThat(catalog.tracksByIsrc(isrc).get(0).id()).as(isrc).isEqualTo(best);
        });
        List<String> isrcs = List.of(TIED_ON_70, ISRC_MANY, TIED_ON_NULL, TRACK_FULL_ISRC, TIED_ON_DATE);
        Map<String, Track> batch = catalog.bestTrackByIsrc(isrcs);
        assertThat(batch.keySet()).containsExactlyElementsOf(isrcs);
        BEST.forEach((isrc, best) -> assertThat(batch.get(isrc).id()).as(isrc).isEqualTo(best));
        assertThat(batch.get(TIED_ON_70))
                .isEqualTo(catalog.track(ISRC_R9_POP70_1999).orElseThrow());
    }

    @Test
    void releaseDatesAreReadOnlyForTiesInOneStatementForAllOfThem() {
        long noTie = StatementCountTest.statements(catalog, () -> catalog.bestTrackByIsrc(ISRC_MANY));
        long tie = StatementCountTest.statements(catalog, () -> catalog.bestTrackByIsrc(TIED_ON_70));
        long all = StatementCountTest.statements(catalog,
                () -> catalog.bestTrackByIsrc(List.of(TIED_ON_70, ISRC_MANY, TIED_ON_NULL, TIED_ON_DATE)));
        assertThat(noTie).isEqualTo(StatementCountTest.TRACK_LOOKUP + 1);
        assertThat(tie).isEqualTo(StatementCountTest.TRACK_LOOKUP + 2);
        assertThat(all).isEqualTo(tie);
    }
}
