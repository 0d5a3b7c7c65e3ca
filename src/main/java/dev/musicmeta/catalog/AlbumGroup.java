package dev.musicmeta.catalog;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How an album belongs to an artist's discography, as the Spotify Web API groups it: the artist's
 * own albums by their {@code album_type}, and the albums the artist only appears on.
 */
public enum AlbumGroup {
    ALBUM,
    SINGLE,
    COMPILATION,
    APPEARS_ON;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** {@code album}, {@code single}, {@code compilation} or {@code appears_on}. */
    public String key() {
        return key;
    }

    /** The group of {@code key}, or {@code null}. */
    public static AlbumGroup of(String key) {
        for (AlbumGroup group : values()) {
            if (group.key.equals(key)) {
                return group;
            }
        }
        return null;
    }

    /**
     * The group of one of the artist's own albums: its {@code album_type} (in any case); an album
     * of no known type counts as an album.
     */
    public static AlbumGroup ofOwn(String albumType) {
        AlbumGroup group = albumType == null ? null : of(albumType.strip().toLowerCase(Locale.ROOT));
        return group == null || group == APPEARS_ON ? ALBUM : group;
    }

    /** What {@link #parseList} accepts. */
    public static final String LIST_RULE = "a comma-separated list of album, single, compilation and appears_on";

    /**
     * The groups of a list such as Spotify's {@code include_groups}: every group when
     * {@code raw} is {@code null}, else those listed (comma-separated, any case, spaces around
     * them ignored).
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static Set<AlbumGroup> parseList(String raw) {
        if (raw == null) {
            return EnumSet.allOf(AlbumGroup.class);
        }
        Set<AlbumGroup> groups = EnumSet.noneOf(AlbumGroup.class);
        for (String part : raw.split(",", -1)) {
            AlbumGroup group = of(part.strip().toLowerCase(Locale.ROOT));
            if (group == null) {
                String shown = part.strip().length() > 20 ? part.strip().substring(0, 20) + "…" : part.strip();
                throw new IllegalArgumentException("include_groups is " + LIST_RULE + "; "
                        + (shown.isEmpty() ? "an empty entry" : "'" + shown + "'") + " is not one");
            }
            groups.add(group);
        }
        return groups;
    }
}
