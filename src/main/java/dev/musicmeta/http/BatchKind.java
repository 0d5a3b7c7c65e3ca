package dev.musicmeta.http;

import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.catalog.SpotifyIds;

/** The four lists of a batch lookup, in the order the answer writes them. */
enum BatchKind {
    TRACKS("tracks", IdKind.TRACK),
    ARTISTS("artists", IdKind.ARTIST),
    ALBUMS("albums", IdKind.ALBUM),
    ISRCS("isrcs", null);

    private final String key;
    private final IdKind idKind;

    BatchKind(String key, IdKind idKind) {
        this.key = key;
        this.idKind = idKind;
    }

    String key() {
        return key;
    }

    /**
     * The catalog key of a requested string: the bare id (a URI and its id are one item) or the
     * normalized ISRC (all spellings are one item); null when malformed.
     */
    String normalize(String requested) {
        if (idKind == null) {
            return Isrcs.tryNormalize(requested);
        }
        return SpotifyIds.isValid(requested, idKind) ? SpotifyIds.bare(requested) : null;
    }

    static BatchKind byKey(String key) {
        for (BatchKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
