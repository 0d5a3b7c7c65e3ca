package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.sqlite.Rows.TrackRow;
import java.util.Comparator;

/** The order of an album's tracks: disc, then track number (NULL last for both), then rowid. */
final class AlbumOrder {

    static final Comparator<TrackRow> TRACK_LISTING = Comparator
            .comparing(TrackRow::discNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TrackRow::trackNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(TrackRow::rowid);

    private AlbumOrder() {}
}
