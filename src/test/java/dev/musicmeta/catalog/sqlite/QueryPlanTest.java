package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every lookup statement seeks through an index or the rowid, and every page of the index
 * builder's scan starts by the rowid: none scans a catalog table (the planner decides alike on
 * 300 rows and on 256 million when the file holds no statistics).
 */
class QueryPlanTest {


    static List<String> plan(Session session, String sql) throws Exception {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement explain = session.connection().prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            if (explain.getParameterMetaData().getParameterCount() > 0) {
                explain.setString(1, sql.contains("json_each(?)") ? "[1]" : "1");
            }
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
        }
        return steps;
    }

    /** The fallback searches: they scan their table once by design. */
    static final Set<Sql> SEARCHES = EnumSet.of(Sql.SEARCH_TRACKS, Sql.SEARCH_ARTISTS, Sql.SEARCH_ALBUMS,
            Sql.SEARCH_TRACKS_ESCAPED, Sql.SEARCH_ARTISTS_ESCAPED, Sql.SEARCH_ALBUMS_ESCAPED);

    static EdgeCatalog edge;

    @BeforeAll
    static void build() {
        edge = EdgeCatalog.shared();
    }

    static Session session() throws Exception {
        return Session.open(edge.files(), SqliteOptions.defaults(), new StatementCounter());
    }

    @ParameterizedTest
    @EnumSource(Sql.class)
    void lookupsSeekAndSearchesScanOnce(Sql sql) throws Exception {
        try (Session session = session()) {
            for (boolean singleKey : sql.takesKeySet() ? List.of(false, true) : List.of(false)) {
                String text = sql.text(true, singleKey);
                List<String> steps = plan(session, text);
                // A subquery's own rows, in hand: unnamed, or named by its alias (a co-routine or
                // a materialized subquery).
                Set<String> coroutines = steps.stream()
                        .filter(step -> step.startsWith("CO-ROUTINE ") || step.startsWith("MATERIALIZE "))
                        .map(step -> "SCAN " + step.substring(step.indexOf(' ') + 1)).collect(Collectors.toSet());
                List<String> scans = steps.stream()
                        .filter(step -> step.startsWith("SCAN ") && !step.contains("json_each")
                                && !step.startsWith("SCAN (subquery-") && !coroutines.contains(step))
                        .toList();
                if (SEARCHES.contains(sql)) {
                    assertThat(scans).as(text).hasSize(1);
                } else {
                    assertThat(scans).as(sql + " " + plan(session, text)).isEmpty();
                }
            }
        }
    }

    /** A part of a split fallback scan reads its rowids' range of the table's B-tree, not the table. */
    @ParameterizedTest
    @EnumSource(value = Sql.class, names = {"SEARCH_TRACKS_PART", "SEARCH_ALBUMS_PART", "SEARCH_ARTISTS_PART",
            "SEARCH_TRACKS_PART_ESCAPED", "SEARCH_ALBUMS_PART_ESCAPED", "SEARCH_ARTISTS_PART_ESCAPED"})
    void partsOfAFallbackScanReadARangeOfRowids(Sql sql) throws Exception {
        try (Session session = session()) {
            String table = sql.name().split("_")[1].toLowerCase(java.util.Locale.ROOT);
            assertThat(plan(session, sql.text(true, false)))
                    .containsExactly("SEARCH " + table + " USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)");
        }
    }

    /**
     * The best tracks of ISRCs are read in rowid order: the ISRC index's rowids are sorted before
     * the rows are read (SQLite drops a subquery's ORDER BY it deems useless; this one it keeps).
     * One ISRC's tracks come from the index in rowid order, unsorted.
     */
    @Test
    void bestTracksOfIsrcsAreReadInRowidOrder() throws Exception {
        try (Session session = session()) {
            for (boolean singleKey : List.of(false, true)) {
                List<String> steps = plan(session, Sql.BEST_TRACKS_BY_ISRC.text(true, singleKey));
                assertThat(steps).as(steps.toString())
                        .containsAnyOf("CO-ROUTINE k", "MATERIALIZE k")
                        .contains("SCAN k")
                        .anySatisfy(step -> assertThat(step).startsWith("SEARCH tracks USING COVERING INDEX tracks_isrc"))
                        .anySatisfy(step -> assertThat(step).startsWith("SEARCH t USING INTEGER PRIMARY KEY"));
                assertThat(steps.contains("USE TEMP B-TREE FOR ORDER BY")).isEqualTo(!singleKey);
                assertThat(steps.indexOf("SCAN k")).isLessThan(steps.indexOf(steps.stream()
                        .filter(step -> step.startsWith("SEARCH t USING")).findFirst().orElseThrow()));
            }
        }
    }

    /** So are tracks looked up by a set of ids; one id is looked up as itself. */
    @Test
    void tracksOfIdsAreReadInRowidOrder() throws Exception {
        try (Session session = session()) {
            List<String> steps = plan(session, Sql.TRACKS_BY_ID.text(true, false));
            assertThat(steps).as(steps.toString())
                    .containsAnyOf("CO-ROUTINE k", "MATERIALIZE k")
                    .contains("USE TEMP B-TREE FOR ORDER BY", "SCAN k")
                    .anySatisfy(step -> assertThat(step).startsWith("SEARCH tracks USING COVERING INDEX"))
                    .anySatisfy(step -> assertThat(step).startsWith("SEARCH t USING INTEGER PRIMARY KEY"));
            assertThat(plan(session, Sql.TRACKS_BY_ID.text(true, true)))
                    .noneMatch(step -> step.contains("TEMP B-TREE"))
                    .anySatisfy(step -> assertThat(step).startsWith("SEARCH t USING INDEX"));
        }
    }

    @Test
    void aMissingIndexShowsUpAsAScan(@TempDir Path other) throws Exception {
        EdgeCatalog edge = EdgeCatalog.create(other);
        try (Db db = Db.open(edge.main())) {
            db.execute("DROP INDEX tracks_isrc");
        }
        try (Session session = Session.open(edge.files(), SqliteOptions.defaults(), new StatementCounter())) {
            assertThat(plan(session, Sql.TRACKS_BY_ISRC.text(true, false)))
                    .anySatisfy(step -> assertThat(step).startsWith("SCAN t"));
        }
    }
}
