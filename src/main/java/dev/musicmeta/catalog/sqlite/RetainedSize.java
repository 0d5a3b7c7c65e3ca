package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Image;
import java.util.List;

/**
 * Estimates of the heap an assembled artist or album holds, in bytes, for caches bounded by
 * memory rather than by entries: an album's size varies tenfold with its copyrights, images and
 * artists, so a count says little about the heap it takes. The layout is HotSpot's on 64 bits
 * with compressed references (12-byte object headers, 4-byte references, 8-byte alignment) and
 * compact strings; a string with any character beyond Latin-1 counts two bytes a character.
 * An album's artists count as references only: they are the artist cache's own objects (the
 * loader assembles albums from the artists it looked up there). Checked against heap
 * histograms of the same load with the caches on and off: full caches held about a tenth more
 * than estimated, mostly artists an album keeps after the artist cache evicted them.
 */
final class RetainedSize {

    /** A cache entry's own cost: Caffeine's node (links, weight, counters), the map's node, the boxed key. */
    static final int ENTRY = 64 + 32 + 16;

    private static final int HEADER = 12;
    private static final int REFERENCE = 4;

    private RetainedSize() {
    }

    static int artist(Artist artist) {
        return ENTRY + object(6 * REFERENCE)
                + string(artist.id()) + string(artist.name())
                + (artist.followers() == null ? 0 : 24) + boxedInt(artist.popularity())
                + strings(artist.genres()) + images(artist.images());
    }

    static int album(Album album) {
        return ENTRY + object(13 * REFERENCE)
                + string(album.id()) + string(album.name()) + string(album.albumType()) + string(album.label())
                + string(album.releaseDate()) + string(album.releaseDatePrecision()) + string(album.upc())
                + boxedInt(album.totalTracks()) + string(album.copyrightC()) + string(album.copyrightP())
                + boxedInt(album.popularity())
                + images(album.images()) + list(album.artists().size());
    }

    private static int images(List<Image> images) {
        int size = list(images.size());
        for (Image image : images) {
            size += object(3 * REFERENCE) + string(image.url()) + boxedInt(image.width()) + boxedInt(image.height());
        }
        return size;
    }

    private static int strings(List<String> strings) {
        int size = list(strings.size());
        for (String s : strings) {
            size += string(s);
        }
        return size;
    }

    /** An immutable list of {@code n} (List.copyOf): the list object and, past two, its array. */
    private static int list(int n) {
        if (n == 0) {
            return 0; // the shared empty list
        }
        return n <= 2 ? object(2 * REFERENCE) : object(REFERENCE) + align(16 + n * REFERENCE);
    }

    /** The String object (hash, coder, value) and its byte array. */
    static int string(String s) {
        if (s == null) {
            return 0;
        }
        int bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                bytes = 2 * s.length();
                break;
            }
        }
        return object(4 + 1 + 1 + REFERENCE) + align(16 + bytes);
    }

    /** Integers of -128 to 127 are shared; others are objects of their own. */
    private static int boxedInt(Integer value) {
        return value == null || (value >= -128 && value <= 127) ? 0 : 16;
    }

    private static int object(int fields) {
        return align(HEADER + fields);
    }

    private static int align(int bytes) {
        return (bytes + 7) & ~7;
    }
}
