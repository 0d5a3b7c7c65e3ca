package dev.musicmeta.http.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spotify's paging links, and search totals where the catalog does not count. */
class PagingTest {

    private static final Paging.Address ADDRESS = (offset, limit) -> "o=" + offset + ",l=" + limit;

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        // offset, limit, total, maxOffset, next, previous
        "0,   20, 45, 999, o=20;l=20, -",
        "20,  20, 45, 999, o=40;l=20, o=0;l=20",
        "40,  20, 45, 999, -,         o=20;l=20",
        "10,  20, 45, 999, o=30;l=20, o=0;l=20",
        "45,  20, 45, 999, -,         o=25;l=20",
        "0,   20, 0,  999, -,         -",
        "980, 20, 5000, 1000, o=1000;l=20, o=960;l=20",
        "990, 20, 5000, 1000, -,      o=970;l=20"})
    void nextWhileItemsRemainWithinTheOffsetBoundAndPreviousUnlessFirst(int offset, int limit, long total,
            int maxOffset, String next, String previous) {
        Paging<String> page = Paging.of(List.of(), offset, limit, total, maxOffset, ADDRESS);

        assertThat(page.href()).isEqualTo("o=" + offset + ",l=" + limit);
        assertThat(page.next()).isEqualTo(next == null ? null : next.replace(';', ','));
        assertThat(page.previous()).isEqualTo(previous == null ? null : previous.replace(';', ','));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        // catalog total, items on the page, limit, offset, Spotify total
        "1234, 20, 20, 0,  1234",
        "-,    20, 20, 0,  21",
        "-,    20, 20, 40, 61",
        "-,    7,  20, 40, 47",
        "-,    0,  20, 40, 40"})
    void aSearchTotalIsTheCountOrWhereUncountedALowerBoundThatKeepsNextGoing(Long catalogTotal, int items,
            int limit, int offset, long expected) {
        Page<String> page = new Page<>(Collections.nCopies(items, "x"), limit, offset, catalogTotal);

        assertThat(SearchRoute.total(page, new SearchRequest("love", limit, offset))).isEqualTo(expected);
    }
}
