package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.CatalogScan.RankedItem;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.Db;
import dev.musicmeta.testing.EdgeCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of the scan reads its tracks' credits in one range of track_artists, apart from the
 * tracks: every track still gets the credits a lookup serves, in the same order, each artist
 * once, and a credit stored against no track (a fraction, text, a BLOB, a rowid without a track)
 * belongs to none, whatever page it falls in.
 */
class ScanCreditsTest {

    private static final String CREDIT = "INSERT INTO track_artists (track_rowid, artist_rowid) VALUES (?, ?)";

    @Test
    void aPageGivesEachTrackTheCreditsALookupServes(@TempDir Path dir) throws Exception {
        EdgeCatalog edge = EdgeCatalog.create(dir);
        long first = ((Number) Db.value(edge.main(), "SELECT min(rowid) FROM tracks")).longValue();
        long last = ((Number) Db.value(edge.main(), "SELECT max(rowid) FROM tracks")).longValue();
        long artist = ((Number) Db.value(edge.main(), "SELECT min(rowid) FROM artists")).longValue();
        try (Db db = Db.open(edge.main())) {
            db.execute(CREDIT, first + 0.5, artist);
            db.execute(CREDIT, "one", artist);
            db.execute(CREDIT, new byte[] {1}, artist);
            db.execute(CREDIT, last + 1, artist);
            // a second credit of one artist on the last track, after a credit of another: kept once, in first place
            long other = ((Number) Db.value(edge.main(), "SELECT max(rowid) FROM artists")).longValue();
            db.execute(CREDIT, last, other);
            db.execute(CREDIT, last, artist);
            db.execute(CREDIT, last, other);
        }
        assertThat(Db.column(edge.main(), "SELECT typeof(track_rowid) FROM track_artists WHERE artist_rowid = ?"
                + " AND track_rowid NOT IN (SELECT rowid FROM tracks)", artist))
                .as("the dirt is stored as written").containsExactlyInAnyOrder("real", "text", "blob", "integer");

        try (SqliteCatalog catalog = SqliteCatalog.open(edge.files(),
                SqliteOptions.defaults().withConnections(1).withoutCaches())) {
            List<RankedItem<Track>> scanned = new ArrayList<>();
            for (long after = 0; after < last; after += 7) { // pages small enough for the dirt to fall inside one
                scanned.addAll(catalog.tracksInRange(after, Math.min(after + 7, last)));
            }
            assertThat(scanned).hasSize(((Number) Db.value(edge.main(), "SELECT count(*) FROM tracks")).intValue());
            int compared = 0;
            for (RankedItem<Track> item : scanned) {
                String id = item.item().id();
                if (id != null && catalog.track(id).isPresent()) {
                    assertThat(ids(item.item().artists())).as("track rowid %d", item.rowid())
                            .isEqualTo(ids(catalog.track(id).orElseThrow().artists()));
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(scanned.size() / 2);
            Track lastTrack = scanned.get(scanned.size() - 1).item();
            assertThat(catalog.track(lastTrack.id())).as("the last track is served").isPresent();
            assertThat(ids(lastTrack.artists())).doesNotHaveDuplicates().contains(artistId(edge, "max"), artistId(edge, "min"));
        }
    }

    private static String artistId(EdgeCatalog edge, String which) {
        return (String) Db.value(edge.main(), "SELECT CAST(id AS TEXT) FROM artists WHERE rowid = (SELECT " + which
                + "(rowid) FROM artists)");
    }

    private static List<String> ids(List<Artist> artists) {
        return artists.stream().map(Artist::id).toList();
    }
}
