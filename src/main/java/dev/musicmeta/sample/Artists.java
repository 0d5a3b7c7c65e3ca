package dev.musicmeta.sample;

import dev.musicmeta.sample.Rows.ArtistRow;
import dev.musicmeta.sample.Rows.ImageRow;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's artists as pure functions of their index, so any artist can be named or credited
 * at any moment without keeping a table of them. Index 0 is "Various Artists", the owner of
 * compilations. The others are ranked by a fixed permutation: rank 0 is the most popular, and
 * popular artists are drawn more often as album owners and featured artists.
 */
final class Artists {

    static final long VARIOUS_ARTISTS = 0;
    private static final long STREAM = 0xA27157L;
    private static final int CACHE_SIZE = 1 << 17;
    private static final long FETCHED_FROM = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final String[] IMAGE_PREFIXES = {"ab6761610000e5eb", "ab67616100005174", "ab6761610000f178"};

    private final long seed;
    private final long count;
    private final long regular;
    private final long multiplier;
    private final long offset;
    private final long inverse;
    private final Names names;
    private final Ids ids;
    private final ArtistInfo[] cache = new ArtistInfo[CACHE_SIZE];

    Artists(long seed, long count, Names names, Ids ids) {
        if (count < 2) {
            throw new IllegalArgumentException("at least two artists: Various Artists and one more");
        }
        this.seed = seed;
        this.count = count;
        this.regular = count - 1;
        this.names = names;
        this.ids = ids;
        Rng rng = Rng.of(seed, STREAM, -1);
        long m = 1 + rng.nextLong(Math.max(1, regular - 1));
        while (gcd(m, regular) != 1) {
            m++;
        }
        this.multiplier = regular == 1 ? 1 : m;
        this.offset = rng.nextLong(regular);
        this.inverse = regular == 1
                ? 0 : BigInteger.valueOf(multiplier).modInverse(BigInteger.valueOf(regular)).longValueExact();
    }

    long count() {
        return count;
    }

    /** The index of the artist with popularity rank {@code rank} (0 = most popular). */
    long indexOfRank(long rank) {
        // An affine map modulo the number of regular artists is a permutation and needs no memory.
        return 1 + (mulMod(rank, multiplier, regular) + offset) % regular;
    }

    /** An artist drawn with a preference for popular ones, the way credits are spread in reality. */
    long draw(Rng rng) {
        long rank = (long) (regular * Math.pow(rng.nextDouble(), 1.5));
        return indexOfRank(Math.min(rank, regular - 1));
    }

    /** The artist at {@code index}; recently used ones come from a small cache. */
    ArtistInfo get(long index) {
        int slot = (int) (index & (CACHE_SIZE - 1));
        ArtistInfo cached = cache[slot];
        if (cached != null && cached.index() == index) {
            return cached;
        }
        ArtistInfo info = compute(index);
        cache[slot] = info;
        return info;
    }

    private ArtistInfo compute(long index) {
        String id = ids.id(Ids.ARTIST, index);
        if (index == VARIOUS_ARTISTS) {
            return new ArtistInfo(index, id, "Various Artists", Language.EN, 0, 0);
        }
        long rank = rankOf(index);
        Rng rng = Rng.of(seed, STREAM, index);
        Language language = Language.draw(rng);
        double x = (double) rank / regular;
        int popularity = (int) Math.round(100 * Math.pow(1 - x, 9) + (x < 0.001 ? 0 : rng.gaussian() * 2.5));
        popularity = Math.max(0, Math.min(100, popularity));
        String name = names.artistName(rng, language);
        if (rank > regular / 50 && rng.chance(0.01)) {
            // Namesakes: an obscure artist called like a popular one, as happens in every real catalog.
            long famous = indexOfRank(rng.nextLong(Math.max(1, regular / 200)));
            name = get(famous).name();
        }
        // Followers grow exponentially with popularity, from a handful to about 100 million, with
        // less spread at the top so the most followed artists stay near the real maximum.
        double log10 = 0.4 + 7.2 * popularity / 100.0 + rng.gaussian() * 0.35 * (1 - popularity / 140.0);
        long followers = Math.max(0, Math.round(Math.pow(10, log10)) - 3);
        return new ArtistInfo(index, id, name, language, popularity, followers);
    }

    long rankOf(long index) {
        // Inverse of indexOfRank: rank = (index - 1 - offset) * multiplier^-1 mod regular.
        long shifted = Math.floorMod(index - 1 - offset, regular);
        return mulMod(shifted, inverse, regular);
    }

    /** The artists row of {@code index} with its genres and images. */
    ArtistRow row(long index) {
        ArtistInfo info = get(index);
        Rng rng = Rng.of(seed, STREAM + 1, index);
        Long fetchedAt = rng.chance(0.005) ? null : FETCHED_FROM + rng.nextLong(200L * 86_400);
        if (index == VARIOUS_ARTISTS) {
            return new ArtistRow(info.rowid(), info.id(), fetchedAt, info.name(), 0, 0, List.of(), List.of());
        }
        int popularity = info.popularity();
        int genreCount;
        if (popularity < 5) {
            genreCount = rng.chance(0.65) ? 0 : rng.between(1, 2);
        } else if (popularity < 40) {
            genreCount = rng.between(1, 3);
        } else {
            genreCount = rng.between(2, 5);
        }
        List<String> genres = new ArrayList<>(genreCount);
        for (int attempt = 0; genres.size() < genreCount && attempt < 20; attempt++) {
            String genre = names.genre(rng, rng.chance(0.65) ? info.language() : Language.EN);
            if (!genres.contains(genre)) {
                genres.add(genre);
            }
        }
        double u = rng.nextDouble();
        int imageCount = popularity < 5 && u < 0.5 ? 0 : u < 0.55 ? 1 : u < 0.6 ? 2 : 3;
        List<ImageRow> images = Images.of(ids, rng, imageCount, IMAGE_PREFIXES, Ids.ARTIST, index);
        return new ArtistRow(info.rowid(), info.id(), fetchedAt, info.name(), info.followers(), popularity, genres,
                images);
    }

    private static long mulMod(long a, long b, long m) {
        if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
            return (a * b) % m;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(BigInteger.valueOf(m)).longValueExact();
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** What the rest of the generator needs to know of an artist. */
    record ArtistInfo(long index, String id, String name, Language language, int popularity, long followers) {

        long rowid() {
            return index + 1;
        }
    }
}
