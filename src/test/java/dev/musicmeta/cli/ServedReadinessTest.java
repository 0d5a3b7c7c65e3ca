package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.FileHealth;
import dev.musicmeta.catalog.sqlite.FileHealth.State;
import dev.musicmeta.cli.SearchSetup.IndexState;
import dev.musicmeta.http.Readiness;
import dev.musicmeta.http.Readiness.Component;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What /ready reports for a served catalog: the states, and which make the instance not ready. */
class ServedReadinessTest {

    static final FileHealth GOOD = new FileHealth(State.OK, null, State.OK, null);

    /** index state, --require-index, the search_index state reported, whether ready. */
    record Row(IndexState index, boolean requireIndex, String state, boolean ready) {}

    @Test
    void theSearchIndexMakesTheInstanceNotReadyOnlyWithRequireIndexUnlessItIsCurrent() {
        List<Row> table = List.of(
                new Row(IndexState.CURRENT, false, "current", true),
                new Row(IndexState.CURRENT, true, "current", true),
                new Row(IndexState.STALE, false, "stale", true),
                new Row(IndexState.STALE, true, "stale", false),
                new Row(IndexState.OTHER_FORMAT, false, "other-format", true),
                new Row(IndexState.OTHER_FORMAT, true, "other-format", false),
                new Row(IndexState.UNREADABLE, false, "unreadable", true),
                new Row(IndexState.UNREADABLE, true, "unreadable", false),
                new Row(IndexState.ABSENT, false, "absent", true),
                new Row(IndexState.ABSENT, true, "absent", false));
        for (Row row : table) {
            Readiness r = ServedReadiness.of(GOOD, row.index(), null, row.requireIndex(), 10);
            Component index = r.components().get(2);
            assertThat(index.name()).isEqualTo("search_index");
            assertThat(index.state()).as(row.toString()).isEqualTo(row.state());
            assertThat(r.ready()).as(row.toString()).isEqualTo(row.ready());
        }
        assertThat(ServedReadiness.of(GOOD, IndexState.ABSENT, null, false, 7).components().get(2).detail())
                .contains("scan every name in SQLite", "504 past the 7 s search budget", "no prefixes, typos or filters");
    }

    @Test
    void anUnreadableFileOrADamagedIndexIsNotReadyAndItsDetailNamesNoPath() {
        Readiness catalog = ServedReadiness.of(new FileHealth(State.UNREADABLE, "/data/main_database.sqlite3: malformed",
                State.OK, null), IndexState.CURRENT, null, false, 10);
        assertThat(catalog.ready()).isFalse();
        assertThat(catalog.components().get(0).state()).isEqualTo("unreadable");
        assertThat(catalog.components().get(0).detail()).startsWith("main_database.sqlite3 cannot be read")
                .doesNotContain("/data");

        Readiness trackFiles = ServedReadiness.of(new FileHealth(State.OK, null, State.UNREADABLE, "x"),
                IndexState.CURRENT, null, false, 10);
        assertThat(trackFiles.ready()).isFalse();
        assertThat(trackFiles.components().get(1).state()).isEqualTo("unreadable");

        Readiness absent = ServedReadiness.of(new FileHealth(State.OK, null, State.ABSENT, null),
                IndexState.CURRENT, null, false, 10);
        assertThat(absent.ready()).isTrue();
        assertThat(absent.components().get(1).state()).isEqualTo("absent");

        Readiness damagedIndex = ServedReadiness.of(GOOD, IndexState.CURRENT, "read past EOF", false, 10);
        assertThat(damagedIndex.ready()).isFalse();
        assertThat(damagedIndex.components().get(2).state()).isEqualTo("unreadable");
    }
}
