package dev.musicmeta.sample;

import dev.musicmeta.sample.Rows.AlbumBatch;
import dev.musicmeta.sample.Rows.AlbumRow;
import dev.musicmeta.sample.Rows.ArtistAlbum;
import dev.musicmeta.sample.Rows.ArtistRow;
import dev.musicmeta.sample.Rows.MainRow;
import dev.musicmeta.sample.Rows.TrackFileRow;
import dev.musicmeta.sample.Rows.TrackRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A handful of well-known recordings under their real Spotify ids and ISRCs, which the demo
 * catalog holds (and {@code generate --examples} writes) beside its generated rows, so that the
 * README's examples and the docs' "Try it out" answer on the demo as they do on the snapshot.
 *
 * <p>Facts of the snapshot: the track, album and artist ids, ISRCs, names, album types, release
 * dates, track and disc numbers, durations and album sizes. Labels are the releasing labels.
 * Popularity and follower counts change every day and are round illustrative figures; images,
 * genres, UPCs and copyrights are left out rather than guessed.
 */
public final class ExampleRecordings {

    /** Never Gonna Give You Up: the id of the README's first example. */
    public static final String TRACK_ID = "4uLU6hMCjMI75M1A2tKUQC";

    /** A lookup by id, an ISRC and a search that the demo answers: what {@code serve --demo} suggests. */
    public static final String LOOKUP_PATH = "/lookup/track/" + TRACK_ID;
    public static final String ISRC_PATH = "/lookup/isrc/GBUM71029604";
    public static final String SEARCH_PATH = "/search/track?q=bohemian%20rhap";
    public static final List<String> TRY_PATHS = List.of(LOOKUP_PATH, ISRC_PATH, SEARCH_PATH);

    private static final long FETCHED_AT = 1_740_787_200L; // 2025-03-01T00:00:00Z
    private static final String MAIN_ARTIST = "ARTIST_ROLE_MAIN_ARTIST";

    private record Artist(String id, String name, long followers, int popularity) {}

    private record Album(String id, String name, String type, String label, String releaseDate, int totalTracks,
            int popularity, Artist artist) {}

    private record Track(String id, String title, String version, Album album, int disc, int number,
            int durationMs, String isrc, int popularity) {

        String name() {
            return version == null ? title : title + " - " + version;
        }
    }

    private static final Artist RICK_ASTLEY = new Artist("0gxyHStUsqpMadRV0Di1Qt", "Rick Astley", 4_500_000, 72);
    private static final Artist QUEEN = new Artist("1dfeR4HaWDbWqFHLkxsg1d", "Queen", 52_000_000, 86);
    private static final Artist THE_BEATLES = new Artist("3WrFJ7ztbogyGnTHbHJFl2", "The Beatles", 33_000_000, 84);
    private static final Artist BEYONCE = new Artist("6vWDO969PvNqNYHIOW5v0m", "Beyoncé", 39_000_000, 86);
    private static final Artist CARLY_RAE_JEPSEN =
            new Artist("6sFIWsNpZYqfjUpaCgueju", "Carly Rae Jepsen", 3_000_000, 70);

    private static final Album WHENEVER = new Album("6N9PS4QXF1D0OWPk0Sxtb4", "Whenever You Need Somebody",
            "album", "RCA Records", "1987-11-12", 10, 72, RICK_ASTLEY);
    private static final Album WHENEVER_AGAIN = new Album("5Z9iiGl2FcIfa3BMiv6OIw", "Whenever You Need Somebody",
            "album", "RCA Records", "1987-11-12", 10, 55, RICK_ASTLEY);
    private static final Album NIGHT_AT_THE_OPERA = new Album("1GbtB4zTqAsyfZEsm1RZfx",
            "A Night At The Opera (2011 Remaster)", "album", "EMI", "1975-11-21", 12, 78, QUEEN);
    private static final Album JAZZ = new Album("2yuTRGIackbcReLUXOYBqU", "Jazz (2011 Remaster)", "album", "EMI",
            "1978-11-10", 13, 72, QUEEN);
    private static final Album HELP = new Album("0PT5m6hwPRrpBwIHVnvbFX", "Help! (Remastered)", "album",
            "Parlophone", "1965-08-06", 14, 74, THE_BEATLES);
    private static final Album SASHA_FIERCE = new Album("23Y5wdyP5byMFktZf8AcWU", "I AM...SASHA FIERCE", "album",
            "Music World Music/Columbia", "2008-11-14", 11, 76, BEYONCE);
    private static final Album CUT_TO_THE_FEELING = new Album("0tGPJ0bkWOUmH7MEOR77qc", "Cut To The Feeling",
            "single", "Interscope Records", "2017-05-26", 1, 58, CARLY_RAE_JEPSEN);

    /** In album order; the two tracks of GBARL9300135 are the same recording on two releases. */
    private static final List<Track> TRACKS = List.of(
            new Track(TRACK_ID, "Never Gonna Give You Up", null, WHENEVER, 1, 1, 213_573,
                    "GBARL9300135", 78),
            new Track("4cOdK2wGLETKBW3PvgPWqT", "Never Gonna Give You Up", null, WHENEVER_AGAIN, 1, 1, 213_573,
                    "GBARL9300135", 62),
            new Track("4u7EnebtmKWzUH433cf5Qv", "Bohemian Rhapsody", "Remastered 2011", NIGHT_AT_THE_OPERA, 1, 11,
                    354_320, "GBUM71029604", 80),
            new Track("5T8EDUDqKcs6OSOwEsfqG7", "Don't Stop Me Now", "Remastered 2011", JAZZ, 1, 12, 209_413,
                    "GBUM71029610", 79),
            new Track("3BQHpFgAp4l80e1XslIjNI", "Yesterday", "Remastered 2009", HELP, 1, 13, 125_666,
                    "GBAYE0601477", 72),
            new Track("3ERa3mEeOnrh2Mc47qM6T1", "Halo", null, SASHA_FIERCE, 1, 2, 261_640, "USSM10804556", 80),
            new Track("11dFghVXANMlKmJXsNCbNl", "Cut To The Feeling", null, CUT_TO_THE_FEELING, 1, 1, 207_959,
                    "USUM71703861", 60));

    /** Number of tracks {@link #rows} adds. */
    public static final int TRACK_COUNT = TRACKS.size();

    private ExampleRecordings() {}

    /**
     * The rows of the recordings, numbered on from a catalog whose generated artists, albums and
     * tracks end at the given rowids: artist rows first, then each album with its tracks.
     */
    static List<MainRow> rows(long lastArtist, long lastAlbum, long lastTrack) {
        Map<Artist, Long> artistRowids = new LinkedHashMap<>();
        List<MainRow> rows = new ArrayList<>();
        for (Track track : TRACKS) {
            Artist artist = track.album().artist();
            if (!artistRowids.containsKey(artist)) {
                long rowid = lastArtist + 1 + artistRowids.size();
                artistRowids.put(artist, rowid);
                rows.add(new ArtistRow(rowid, artist.id(), FETCHED_AT, artist.name(), artist.followers(),
                        artist.popularity(), List.of(), List.of()));
            }
        }
        Map<Album, List<Track>> byAlbum = new LinkedHashMap<>();
        for (Track track : TRACKS) {
            byAlbum.computeIfAbsent(track.album(), a -> new ArrayList<>()).add(track);
        }
        long albumRowid = lastAlbum;
        long trackRowid = lastTrack;
        for (Map.Entry<Album, List<Track>> e : byAlbum.entrySet()) {
            Album album = e.getKey();
            long artistRowid = artistRowids.get(album.artist());
            albumRowid++;
            AlbumRow albumRow = new AlbumRow(albumRowid, album.id(), FETCHED_AT, album.name(), album.type(), null,
                    null, null, null, album.label(), album.popularity(), album.releaseDate(), "day",
                    album.totalTracks(), List.of(), List.of(new ArtistAlbum(artistRowid, false, false, 0)));
            List<TrackRow> tracks = new ArrayList<>();
            List<TrackFileRow> files = new ArrayList<>();
            for (Track track : e.getValue()) {
                trackRowid++;
                tracks.add(new TrackRow(trackRowid, track.id(), FETCHED_AT, track.name(), null, albumRowid,
                        track.number(), track.isrc(), track.popularity(), track.disc(), track.durationMs(), false,
                        new long[] {artistRowid}));
                files.add(new TrackFileRow(track.id(), FETCHED_AT, "OK", "US", null, album.label(), 1, track.title(),
                        track.version() == null ? "" : track.version(), "[\"en\"]", "[]", roles(album.artist())));
            }
            rows.add(new AlbumBatch(albumRow, tracks, files));
        }
        return rows;
    }

    private static String roles(Artist artist) {
        StringBuilder out = new StringBuilder("[{\"artist_id\":\"").append(artist.id()).append("\",\"artist_name\":");
        Json.string(out, artist.name());
        return out.append(",\"role\":\"").append(MAIN_ARTIST).append("\"}]").toString();
    }
}
