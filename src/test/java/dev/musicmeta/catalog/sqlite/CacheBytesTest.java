package dev.musicmeta.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Image;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The caches bounded by bytes of heap: what an entry is estimated to hold, and the bound kept. */
class CacheBytesTest {

    static final Artist ARTIST = new Artist("0TnOYISbd1XYRBk9myaseg", "Pitbull", 1_000L, 80, List.of("pop"),
            List.of(new Image("https://i.scdn.co/image/ab6761610000e5eb4051627b19277613e0e62a34", 640, 640)));

    /** Every part counted: the entry, the record, two strings, a boxed Long, a list of one genre, one image. */
    static final int ARTIST_BYTES = 112 + 40 + 64 + 48 + 24 + 0 + 72 + 184;

    static final Album ALBUM = new Album("4aawyAB9vmqN3uQ7FjRGTy", "Global Warming", "album", "Mr.305/Polo Grounds",
            "2012-11-16", "day", "886443671584", 18, "(C) 2012 RCA Records", "(P) 2012 RCA Records", 74,
            List.of(), List.of(ARTIST));

    @Test
    void anArtistIsEstimatedPartByPart() {
        assertThat(RetainedSize.artist(ARTIST)).isEqualTo(ARTIST_BYTES);
    }

    @Test
    void anAlbumCountsItsArtistsAsReferencesOnly() {
        // the entry and 13 fields; nine strings; two lists (no images: the shared empty list)
        int strings = 64 + 56 + 48 + 64 + 56 + 48 + 56 + 64 + 64;
        assertThat(RetainedSize.album(ALBUM)).isEqualTo(112 + 64 + strings + 24);
    }

    @Test
    void aStringBeyondLatin1CountsTwoBytesAChar() {
        assertThat(RetainedSize.string("Motörhead")).isEqualTo(24 + 32); // 9 Latin-1 bytes
        assertThat(RetainedSize.string("坂本龍一")).isEqualTo(24 + 24); // 8 bytes
        assertThat(RetainedSize.string(null)).isZero();
    }

    @Test
    void artistsGetAThirdOfTheBytesAndNeverMore() {
        long budget = 3L * 10 * ARTIST_BYTES; // room for 10 artists of this size
        Caches caches = new Caches(SqliteOptions.defaults().withCacheBytes(budget));
        Set<Long> rowids = new LinkedHashSet<>();
        LongStream.rangeClosed(1, 100).forEach(rowids::add);

        Map<Long, Artist> first = caches.artists(rowids, CacheBytesTest::load);

        assertThat(first).hasSize(100);
        assertThat(caches.estimatedBytes()).isLessThanOrEqualTo(budget / 3).isGreaterThan(0);
        assertThat(caches.stats().artistEntries()).isBetween(1L, 10L);
    }

    @Test
    void zeroBytesTurnTheCachesOff() {
        Caches caches = new Caches(SqliteOptions.defaults().withCacheBytes(0));
        caches.artists(Set.of(1L, 2L), CacheBytesTest::load);
        caches.artists(Set.of(1L, 2L), CacheBytesTest::load);

        assertThat(caches.stats()).isEqualTo(new CatalogCacheStats(0, 0, 0, 0, 0, 0));
    }

    @Test
    void theDefaultsBoundByBytes() {
        assertThat(SqliteOptions.defaults().cacheBytes()).isEqualTo(16L << 20);
        assertThat(SqliteOptions.defaults().withCacheSizes(10, 10).cacheBytes()).isZero();
    }

    private static Map<Long, Artist> load(Set<Long> rowids) {
        Map<Long, Artist> out = new HashMap<>();
        rowids.forEach(rowid -> out.put(rowid, ARTIST));
        return out;
    }
}
