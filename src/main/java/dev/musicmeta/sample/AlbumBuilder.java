package dev.musicmeta.sample;

import dev.musicmeta.sample.Artists.ArtistInfo;
import dev.musicmeta.sample.Rows.AlbumBatch;
import dev.musicmeta.sample.Rows.AlbumRow;
import dev.musicmeta.sample.Rows.ArtistAlbum;
import dev.musicmeta.sample.Rows.ImageRow;
import dev.musicmeta.sample.Rows.TrackFileRow;
import dev.musicmeta.sample.Rows.TrackRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds albums one after another, each with its tracks and their track_files rows. Called in
 * album order from one thread: the {@link RecordingPool} it carries from album to album is what
 * makes singles reappear on albums and hits on compilations.
 */
final class AlbumBuilder {

    static final String SINGLE = "single";
    static final String ALBUM = "album";
    static final String COMPILATION = "compilation";

    /** Shares of credited artists per track: 1 for most, up to 10 for a few posse cuts. */
    private static final double[] CREDITS = {0, 0.8, 0.12, 0.04, 0.015, 0.008, 0.005, 0.003, 0.002, 0.001, 0.001};
    private static final long FETCHED_FROM = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final String[] ALBUM_IMAGE_PREFIXES = {"ab67616d0000b273", "ab67616d00001e02", "ab67616d00004851"};
    private static final int LAST_YEAR = 2025;
    private static final int LAST_MONTH = 7;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final Rng rng;
    private final Ids ids;
    private final Names names;
    private final Artists artists;
    private final TrackFiles trackFiles;
    private final RecordingPool pool = new RecordingPool();

    AlbumBuilder(long seed, Ids ids, Names names, Artists artists) {
        this.rng = Rng.of(seed, 0xA1B0L, 0);
        this.ids = ids;
        this.names = names;
        this.artists = artists;
        this.trackFiles = new TrackFiles(seed, ids, names, artists);
    }

    /**
     * The album at {@code albumIndex}, whose tracks take indexes from {@code firstTrack} on; at
     * most {@code maxTracks} of them, so the catalog ends at exactly the requested size.
     */
    AlbumBatch build(long albumIndex, long firstTrack, long maxTracks) {
        double u = rng.nextDouble();
        String type = u < 0.72 ? SINGLE : u < 0.955 ? ALBUM : COMPILATION;
        int count = (int) Math.min(maxTracks, trackCount(type));

        long[] own;
        int[] date;
        List<Recording> recordings = new ArrayList<>(count);
        String name;
        if (type.equals(COMPILATION)) {
            own = new long[] {Artists.VARIOUS_ARTISTS};
            int latest = 0;
            boolean[] fresh = new boolean[count];
            for (int i = 0; i < count; i++) {
                double v = rng.nextDouble();
                Recording reused = v < 0.15 ? pool.hit(rng) : v < 0.65 ? pool.recentRecording(rng) : null;
                recordings.add(reused);
                fresh[i] = reused == null;
                latest = reused == null ? latest : Math.max(latest, reused.year());
            }
            date = releaseDate(latest == 0 ? 0 : Math.min(LAST_YEAR, latest + rng.nextInt(3)));
            for (int i = 0; i < count; i++) {
                if (fresh[i]) {
                    recordings.set(i, freshRecording(new long[] {artists.draw(rng)}, 1, date[0]));
                }
            }
            name = names.compilationName(rng, date[0]);
        } else {
            RecordingPool.Single single = type.equals(ALBUM) && rng.chance(0.35) ? pool.takeSingle(rng) : null;
            if (single != null) {
                own = single.artists();
                date = later(single);
                int reused = Math.min(count, single.recordings().length);
                for (int i = 0; i < count - reused; i++) {
                    recordings.add(freshRecording(own, distinct(own), date[0]));
                }
                for (int i = 0; i < reused; i++) {
                    recordings.add(rng.nextInt(Math.min(4, recordings.size() + 1)), single.recordings()[i]);
                }
            } else {
                own = albumArtists();
                date = releaseDate(0);
                Recording lead = freshRecording(own, distinct(own), date[0]);
                recordings.add(lead);
                for (int i = 1; i < count; i++) {
                    boolean versionOfLead = type.equals(SINGLE) && rng.chance(0.5);
                    recordings.add(versionOfLead
                            ? versionOf(lead, date[0]) : freshRecording(own, distinct(own), date[0]));
                }
            }
            if (type.equals(SINGLE)) {
                Recording lead = recordings.get(0);
                name = lead.nameWithoutVersion();
                Recording[] kept = recordings.subList(0, Math.min(2, count)).toArray(Recording[]::new);
                pool.rememberSingle(new RecordingPool.Single(own, kept, date[0], date[1], date[2]));
            } else {
                name = names.albumName(rng, artists.get(own[0]).language());
            }
        }
        return assemble(albumIndex, firstTrack, type, name, own, date, recordings);
    }

    private AlbumBatch assemble(long albumIndex, long firstTrack, String type, String name, long[] own, int[] date,
            List<Recording> recordings) {
        int count = recordings.size();
        int popularity = albumPopularity(type, own[0], date[0]);
        long albumRowid = albumIndex + 1;
        int discs = count >= 16 && rng.chance(type.equals(COMPILATION) ? 0.6 : 0.2) ? 2 : 1;
        int perDisc = (count + discs - 1) / discs;
        String label = names.label(rng);

        List<TrackRow> tracks = new ArrayList<>(count);
        List<TrackFileRow> files = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            Recording recording = recordings.get(i);
            long trackIndex = firstTrack + i;
            int trackPopularity = clamp(popularity + (int) Math.round(rng.gaussian() * 6) - Math.min(12, i));
            long[] rowids = new long[recording.artists().length];
            for (int a = 0; a < rowids.length; a++) {
                rowids[a] = recording.artists()[a] + 1;
            }
            String id = ids.id(Ids.TRACK, trackIndex);
            tracks.add(new TrackRow(trackIndex + 1, id, fetchedAt(), recording.name(),
                    rng.chance(0.35) ? null : "https://p.scdn.co/mp3-preview/" + ids.hex40(Ids.PREVIEW, trackIndex, 0),
                    albumRowid, i % perDisc + 1, recording.isrc(), trackPopularity, i / perDisc + 1,
                    recording.durationMs(), recording.explicit(), rowids));
            trackFiles.add(rng, id, recording, label, files);
        }

        String year = Integer.toString(date[0]);
        String precision = date[1] == 0 ? "year" : date[2] == 0 ? "month" : "day";
        String releaseDate = switch (precision) {
            case "year" -> year;
            case "month" -> year + "-" + twoDigits(date[1]);
            default -> year + "-" + twoDigits(date[1]) + "-" + twoDigits(date[2]);
        };
        int pYear = rng.chance(0.1) ? Math.max(1950, date[0] - rng.nextInt(30)) : date[0];
        String copyrightC = rng.chance(0.04) ? null : "© " + year + " " + label;
        String copyrightP = rng.chance(0.04) ? null : "℗ " + pYear + " " + label;
        AlbumRow album = new AlbumRow(albumRowid, ids.id(Ids.ALBUM, albumIndex), fetchedAt(), name, type, upc(),
                rng.chance(0.02) ? "R " + (100_000 + rng.nextInt(900_000)) : null, copyrightC, copyrightP, label,
                popularity, releaseDate, precision, count, albumImages(albumIndex), artistAlbums(own, recordings));
        return new AlbumBatch(album, tracks, files);
    }

    private int trackCount(String type) {
        return switch (type) {
            case SINGLE -> {
                double u = rng.nextDouble();
                yield u < 0.55 ? 1 : u < 0.75 ? 2 : u < 0.85 ? 3 : rng.between(4, 6);
            }
            case ALBUM -> Math.max(5, Math.min(30, (int) Math.round(Math.exp(Math.log(9) + 0.35 * rng.gaussian()))));
            default -> rng.chance(0.03) ? rng.between(35, 50) : rng.between(10, 28);
        };
    }

    /** The album's own artists: usually one, sometimes a duo or trio, rarely one listed twice. */
    private long[] albumArtists() {
        double u = rng.nextDouble();
        int count = u < 0.9 ? 1 : u < 0.98 ? 2 : 3;
        long[] own = new long[count];
        for (int i = 0; i < count; i++) {
            own[i] = otherThan(own, i);
        }
        if (rng.chance(0.01)) {
            own = Arrays.copyOf(own, count + 1);
            own[count] = own[0];
        }
        return own;
    }

    /** Number of distinct leading entries of an album's own artists (a repeated one counts once). */
    private static int distinct(long[] own) {
        return own.length > 1 && own[own.length - 1] == own[0] ? own.length - 1 : own.length;
    }

    /** A new song by {@code main[0..mainCount)}, now and then with featured artists. */
    private Recording freshRecording(long[] main, int mainCount, int year) {
        ArtistInfo primary = artists.get(main[0]);
        int credited = Math.max(mainCount, Math.min(10, credits() + mainCount - 1));
        long[] credit = Arrays.copyOf(main, credited);
        for (int i = mainCount; i < credited; i++) {
            credit[i] = otherThan(credit, i);
        }
        String title = names.title(rng, primary.language());
        StringBuilder name = new StringBuilder(title);
        if (credited > mainCount && rng.chance(0.75)) {
            name.append(" (feat. ");
            for (int i = mainCount; i < credited; i++) {
                if (i > mainCount) {
                    name.append(i == credited - 1 ? " & " : ", ");
                }
                name.append(artists.get(credit[i]).name());
            }
            name.append(')');
        }
        String version = rng.chance(0.09) ? names.version(rng, year) : null;
        return record(title, version, name, credit, mainCount, year, primary);
    }

    /** Another version of {@code original} ("Radio Edit", "Instrumental"): same song and artists, own ISRC. */
    private Recording versionOf(Recording original, int year) {
        String version = names.version(rng, year);
        StringBuilder name = new StringBuilder(original.nameWithoutVersion());
        return record(original.title(), version, name, original.artists(), original.main(), year,
                artists.get(original.artists()[0]));
    }

    private Recording record(String title, String version, StringBuilder name, long[] credit, int mainCount, int year,
            ArtistInfo primary) {
        if (version != null) {
            name.append(" - ").append(version);
        }
        int duration = (int) Math.max(30_000, Math.min(600_000, Math.exp(Math.log(205_000) + 0.33 * rng.gaussian())));
        boolean instrumental = rng.chance(0.04) || "Instrumental".equals(version);
        int popularity = clamp((int) Math.round(primary.popularity() * (0.5 + 0.5 * rng.nextDouble())));
        Recording recording = new Recording(rng.chance(0.03) ? null : isrc(primary.language(), year), title, version,
                name.toString(), credit, mainCount, duration, rng.chance(0.14), instrumental, year, primary.language(),
                popularity);
        pool.remember(rng, recording);
        return recording;
    }

    private int credits() {
        double u = rng.nextDouble();
        for (int k = 1; k < CREDITS.length; k++) {
            u -= CREDITS[k];
            if (u < 0) {
                return k;
            }
        }
        return 1;
    }

    /** An artist drawn afresh, not among the first {@code filled} of {@code chosen} (a few tries suffice). */
    private long otherThan(long[] chosen, int filled) {
        long candidate = artists.draw(rng);
        for (int attempt = 0; attempt < 8 && contains(chosen, filled, candidate); attempt++) {
            candidate = artists.draw(rng);
        }
        return candidate;
    }

    private static boolean contains(long[] values, int length, long value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** CC + registrant (3 letters or digits) + two-digit year + five digits, like USRC17607839. */
    private String isrc(Language language, int year) {
        char[] out = new char[12];
        String country = rng.pick(language.countries);
        out[0] = country.charAt(0);
        out[1] = country.charAt(1);
        for (int i = 2; i < 5; i++) {
            int c = rng.nextInt(36);
            out[i] = (char) (c < 10 ? '0' + c : 'A' + c - 10);
        }
        out[5] = (char) ('0' + (year / 10) % 10);
        out[6] = (char) ('0' + year % 10);
        for (int i = 7; i < 12; i++) {
            out[i] = (char) ('0' + rng.nextInt(10));
        }
        return new String(out);
    }

    /** {year, month or 0, day or 0}; at or after {@code notBefore} when that is not 0. */
    private int[] releaseDate(int notBefore) {
        int year = LAST_YEAR - (int) (76 * Math.pow(rng.nextDouble(), 2.6));
        if (notBefore > 0) {
            year = Math.max(year, notBefore);
        }
        double u = rng.nextDouble();
        double yearOnly = year < 1980 ? 0.4 : 0.05;
        if (u < yearOnly) {
            return new int[] {year, 0, 0};
        }
        // The snapshot was taken in mid-2025: nothing is released after July 2025.
        int month = 1 + rng.nextInt(year == LAST_YEAR ? LAST_MONTH : 12);
        if (u < yearOnly + 0.04) {
            return new int[] {year, month, 0};
        }
        return new int[] {year, month, 1 + rng.nextInt(DAYS_IN_MONTH[month - 1])};
    }

    /** A few months after a single, with day precision: albums follow their singles. */
    private int[] later(RecordingPool.Single single) {
        int months = Math.max(1, single.month()) + 1 + rng.nextInt(8);
        int year = single.year() + (months - 1) / 12;
        if (year > LAST_YEAR || (year == LAST_YEAR && (months - 1) % 12 + 1 > LAST_MONTH)) {
            // No release dates in the future: the album came out the same day.
            return new int[] {single.year(), Math.max(1, single.month()), Math.max(1, single.day())};
        }
        int month = (months - 1) % 12 + 1;
        return new int[] {year, month, 1 + rng.nextInt(DAYS_IN_MONTH[month - 1])};
    }

    private int albumPopularity(String type, long owner, int year) {
        if (type.equals(COMPILATION)) {
            return clamp((int) Math.round(85 * Math.pow(rng.nextDouble(), 4)));
        }
        double base = artists.get(owner).popularity() * (0.45 + 0.55 * rng.nextDouble());
        double age = year < 2000 ? 0.8 : 1.0;
        return clamp((int) Math.round(base * age + rng.gaussian() * 3));
    }

    /** Own artists with their index, then everyone else credited on a track, as appears-on rows. */
    private static List<ArtistAlbum> artistAlbums(long[] own, List<Recording> recordings) {
        List<ArtistAlbum> rows = new ArrayList<>(own.length + 2);
        for (int i = 0; i < own.length; i++) {
            rows.add(new ArtistAlbum(own[i] + 1, false, false, i));
        }
        for (Recording recording : recordings) {
            long[] credit = recording.artists();
            for (int a = 0; a < credit.length; a++) {
                long rowid = credit[a] + 1;
                if (!contains(own, own.length, credit[a]) && !listed(rows, rowid)) {
                    rows.add(new ArtistAlbum(rowid, true, a >= recording.main(), null));
                }
            }
        }
        return rows;
    }

    private static boolean listed(List<ArtistAlbum> rows, long rowid) {
        for (ArtistAlbum row : rows) {
            if (row.artistRowid() == rowid) {
                return true;
            }
        }
        return false;
    }

    /** Usually the three sizes Spotify serves; sometimes none or fewer, sometimes a url twice. */
    private List<ImageRow> albumImages(long albumIndex) {
        double u = rng.nextDouble();
        int count = u < 0.03 ? 0 : u < 0.06 ? 1 : u < 0.1 ? 2 : 3;
        return Images.of(ids, rng, count, ALBUM_IMAGE_PREFIXES, Ids.ALBUM, albumIndex);
    }

    private String upc() {
        if (rng.chance(0.02)) {
            return null;
        }
        int digits = rng.chance(0.6) ? 12 : 13;
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = (char) ('0' + rng.nextInt(10));
        }
        return new String(out);
    }

    private Long fetchedAt() {
        return rng.chance(0.005) ? null : FETCHED_FROM + rng.nextLong(200L * 86_400);
    }

    private static int clamp(int popularity) {
        return Math.max(0, Math.min(100, popularity));
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
