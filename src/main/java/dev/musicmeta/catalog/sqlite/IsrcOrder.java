package dev.musicmeta.catalog.sqlite;

import java.util.Comparator;

/**
 * The order of the tracks of one ISRC, best first, as a tagger should pick: highest popularity
 * (NULL lowest), then earliest album release date compared as text (NULL last), then lowest
 * rowid. Done in Java on the typed values, so a dirty popularity (text in an INTEGER column,
 * which SQLite sorts above every number) ranks as the NULL it is served as.
 */
final class IsrcOrder {

    /** A track of an ISRC with the release date of its album ({@code null} when unknown or missing). */
    record Candidate(Rows.TrackRow row, String releaseDate) {}

    static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparing((Candidate c) -> c.row().popularity(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Candidate::releaseDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(c -> c.row().rowid());

    private IsrcOrder() {}
}
