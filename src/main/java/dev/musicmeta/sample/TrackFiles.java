package dev.musicmeta.sample;

import dev.musicmeta.sample.Artists.ArtistInfo;
import dev.musicmeta.sample.Rows.TrackFileRow;
import java.util.List;

/**
 * track_files rows: about 90% of tracks have one, about 1% of those a second one; NULLs appear in
 * every nullable column, and about 1% of rows hold text that is not JSON where JSON is expected.
 */
final class TrackFiles {

    private static final String[] SESSION_COUNTRIES = {"US", "SE", "DE", "GB", "BR", "JP", "FR", "MX"};
    private static final String[] SECOND_LANGUAGES = {"en", "es", "fr", "pt", "ko", "ja", "de", "it"};
    private static final long FETCHED_FROM = 1_740_787_200L; // 2025-03-01T00:00:00Z

    private final Ids ids;
    private final Names names;
    private final Artists artists;

    TrackFiles(long seed, Ids ids, Names names, Artists artists) {
        this.ids = ids;
        this.names = names;
        this.artists = artists;
    }

    /** Adds the rows of one track (none, one or two) to {@code out}. */
    void add(Rng rng, String trackId, Recording recording, String label, List<TrackFileRow> out) {
        if (rng.chance(0.1)) {
            return;
        }
        out.add(row(rng, trackId, recording, label));
        if (rng.chance(0.01)) {
            out.add(row(rng, trackId, recording, label));
        }
    }

    private TrackFileRow row(Rng rng, String trackId, Recording recording, String label) {
        Integer hasLyrics = rng.chance(0.06) ? null : recording.instrumental() ? 0 : rng.chance(0.85) ? 1 : 0;
        String originalTitle = rng.chance(0.05) ? null : recording.title();
        String versionTitle = rng.chance(0.05) ? null : recording.version() == null ? "" : recording.version();
        String languages = rng.chance(0.05) ? null : languages(rng, recording);
        String roles = rng.chance(0.05) ? null : roles(recording);
        if (rng.chance(0.01)) {
            // Text that is not JSON: truncated, Python-style, or bare. Readers must survive it.
            if (rng.chance(0.5) && languages != null) {
                languages = broken(rng, languages);
            } else if (roles != null) {
                roles = broken(rng, roles);
            } else {
                languages = "en";
            }
        }
        String ratings = rng.chance(0.1) ? null
                : recording.explicit() ? "[{\"country\":\"US\",\"tags\":[\"explicit\"]}]" : "[]";
        Long size = rng.chance(0.03) ? null : recording.durationMs() * 20L + 4096 + rng.nextInt(2048);
        return new TrackFileRow(trackId, rng.chance(0.005) ? null : FETCHED_FROM + rng.nextLong(120L * 86_400),
                rng.chance(0.02) ? null : "OK", rng.chance(0.02) ? null : rng.pick(SESSION_COUNTRIES), size,
                rng.chance(0.03) ? null : rng.chance(0.5) ? label : names.licensor(rng), hasLyrics, originalTitle,
                versionTitle, languages, ratings, roles);
    }

    private static String languages(Rng rng, Recording recording) {
        if (recording.instrumental()) {
            return "[]";
        }
        String first = recording.language().code;
        if (rng.chance(0.06)) {
            String second = rng.pick(SECOND_LANGUAGES);
            if (!second.equals(first)) {
                return "[\"" + first + "\",\"" + second + "\"]";
            }
        }
        return "[\"" + first + "\"]";
    }

    private String roles(Recording recording) {
        StringBuilder out = new StringBuilder(96 * recording.artists().length);
        out.append('[');
        long[] credit = recording.artists();
        for (int i = 0; i < credit.length; i++) {
            ArtistInfo artist = artists.get(credit[i]);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"artist_id\":\"").append(artist.id()).append("\",\"artist_name\":");
            Json.string(out, artist.name());
            out.append(",\"role\":\"")
                    .append(i < recording.main() ? "ARTIST_ROLE_MAIN_ARTIST" : "ARTIST_ROLE_FEATURED_ARTIST")
                    .append("\"}");
        }
        return out.append(']').toString();
    }

    private static String broken(Rng rng, String json) {
        return switch (rng.nextInt(3)) {
            case 0 -> json.substring(0, Math.max(1, json.length() - 1 - rng.nextInt(Math.max(1, json.length() / 2))));
            case 1 -> json.indexOf('"') >= 0 ? json.replace('"', '\'') : "['']";
            default -> json.replace("[", "").replace("]", "").replace("\"", "");
        };
    }
}
