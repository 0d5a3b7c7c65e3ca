package dev.musicmeta.search;

import java.util.List;
import java.util.Locale;

/**
 * A search query as typed: words, "quoted phrases" and {@code name:value} filters, in the order
 * they were written. Which filters apply depends on what is searched; see {@link QueryBuilder}.
 */
record ParsedQuery(List<Part> parts) {

    ParsedQuery {
        parts = List.copyOf(parts);
    }

    /** One piece of the query. */
    sealed interface Part permits Text, Filter {}

    /** Free text: plain words, or a phrase that was quoted. */
    record Text(String text, boolean quoted) implements Part {}

    /** A {@code key:value} filter; {@code quoted} when the value was written in double quotes. */
    record Filter(FilterKey key, String value, boolean quoted) implements Part {

        /** The filter read as plain words, for where it does not apply. */
        Text asText() {
            return new Text(key.spelling + " " + value, false);
        }
    }

    /** The filter names, as in the Spotify Web API. */
    enum FilterKey {
        ARTIST, ALBUM, TRACK, GENRE, YEAR, ISRC, UPC;

        final String spelling = name().toLowerCase(Locale.ROOT);

        static FilterKey of(String name) {
            for (FilterKey key : values()) {
                if (key.spelling.equalsIgnoreCase(name)) {
                    return key;
                }
            }
            return null;
        }
    }
}
