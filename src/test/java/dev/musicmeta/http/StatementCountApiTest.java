package dev.musicmeta.http;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.sqlite.SqliteCatalog;
import dev.musicmeta.catalog.sqlite.SqliteOptions;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end, the number of SQL statements a request runs does not depend on how many artists a
 * track has or how many items a batch holds. Caches are off so every request reaches SQLite.
 */
class StatementCountApiTest {

    private static SqliteCatalog catalog;
    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        catalog = Fixtures.open(Fixtures.edge().files(), SqliteOptions.defaults().withoutCaches());
        server = TestServer.start(catalog);
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
        catalog.close();
    }

    private static long statements(Supplier<ApiClient.Response> request) {
        long before = catalog.statements().total();
        assertThat(request.get().status()).isEqualTo(200);
        return catalog.statements().total() - before;
    }

    @Test
    void aTrackLookupRunsTheSameStatementsWhateverItsArtists() {
        long one = statements(() -> api.get("/lookup/track/" + TRACK_FULL));
        long ten = statements(() -> api.get("/lookup/track/" + TRACK_TEN_ARTISTS));

        assertThat(one).isPositive().isEqualTo(ten);
    }

    @Test
    void aFullBatchRunsAsManyStatementsAsABatchOfOneItemPerKind() {
        String small = body(List.of(bulkTrackIds().get(0)), List.of(bulkArtistIds().get(0)),
                List.of(bulkAlbumIds().get(0)), List.of(bulkIsrcs().get(0)));
        String full = body(bulkTrackIds().subList(0, 100), bulkArtistIds().subList(0, 100),
                bulkAlbumIds().subList(0, 100), bulkIsrcs().subList(0, 100));

        long four = statements(() -> api.postJson("/batch/lookup", small));
        long fourHundred = statements(() -> api.postJson("/batch/lookup", full));

        assertThat(four).isPositive().isEqualTo(fourHundred);
    }

    private static String body(List<String> tracks, List<String> artists, List<String> albums, List<String> isrcs) {
        var o = ApiClient.JSON.createObjectNode();
        tracks.forEach(o.putArray("tracks")::add);
        artists.forEach(o.putArray("artists")::add);
        albums.forEach(o.putArray("albums")::add);
        isrcs.forEach(o.putArray("isrcs")::add);
        return o.toString();
    }
}
