package dev.musicmeta.testing;

import dev.musicmeta.catalog.sqlite.CatalogFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A tiny catalog holding every edge of the real data, written as real SQLite files into a
 * directory of the test's choice: main_database.sqlite3 and track_files.sqlite3 with the shared
 * schema (schema/main.sql, schema/track_files.sql) plus columns and a table the service must
 * ignore, and without the schema's NOT NULL constraints, since the real data holds NULL
 * everywhere.
 *
 * <p>The constants name each edge (ids, ISRCs, names) and state what a correct catalog serves
 * for it; they are the data written below, not observations of any implementation. Ids are 22
 * characters of base62, readable in failure messages ({@code TrkFull000000000000000}).
 */
public final class EdgeCatalog {

    /** A 22-character base62 id: {@code stem} padded with zeros. */
    public static String id(String stem) {
        return pad(stem, "");
    }

    /** A 22-character base62 id ending in {@code n}: {@code BulkTrk000000000000042}. */
    public static String id(String stem, int n) {
        return pad(stem, Integer.toString(n));
    }

    private static String pad(String stem, String suffix) {
        int zeros = 22 - stem.length() - suffix.length();
        if (zeros < 0) {
            throw new IllegalArgumentException("stem too long: " + stem);
        }
        return stem + "0".repeat(zeros) + suffix;
    }

    // ---- artists -------------------------------------------------------------------------

    /** Every field set; genres, images with a NULL width and a duplicate url. */
    public static final String ARTIST_FULL = id("ArtFull");
    public static final String ARTIST_FULL_NAME = "Beyoncé";
    public static final long ARTIST_FULL_FOLLOWERS = 35_000_000L;
    public static final int ARTIST_FULL_POPULARITY = 90;
    /**
     * Rows zouk, afrobeat, NULL, pop, pop, Pop, zouk, "", "  ": served in order of first
     * appearance, each once by exact (case-sensitive) text, NULL and blank genres left out.
     */
    public static final List<String> ARTIST_FULL_GENRES = List.of("zouk", "afrobeat", "pop", "Pop");
    /**
     * Widest first, NULL width last; the url stored at width 64 and again at width 1000 is kept
     * once, at 1000 (the first in width order).
     */
    public static final List<String> ARTIST_FULL_IMAGE_URLS = List.of(
            img("a-64-and-1000"), img("a-640"), img("a-300"), img("a-null-width"));
    public static final List<Integer> ARTIST_FULL_IMAGE_WIDTHS =
            Collections.unmodifiableList(Arrays.asList(1000, 640, 300, null));

    public static final String ARTIST_CYRILLIC = id("ArtCyrillic");
    public static final String ARTIST_CYRILLIC_NAME = "Кино";
    public static final String ARTIST_GREEK = id("ArtGreek");
    public static final String ARTIST_GREEK_NAME = "Μίκης Θεοδωράκης";
    public static final String ARTIST_CJK = id("ArtCjk");
    public static final String ARTIST_CJK_NAME = "坂本龍一";
    public static final String ARTIST_ARABIC = id("ArtArabic");
    public static final String ARTIST_ARABIC_NAME = "فيروز";
    public static final String ARTIST_HEBREW = id("ArtHebrew");
    public static final String ARTIST_HEBREW_NAME = "עידן רייכל";
    public static final String ARTIST_EMOJI = id("ArtEmoji");
    public static final String ARTIST_EMOJI_NAME = "🎸 Guitar Hero 🔥";
    public static final String ARTIST_DIACRITICS = id("ArtDiacritics");
    public static final String ARTIST_DIACRITICS_NAME = "Łukasz Żółć & Ørjan Ñúñez";

    /** Id set, every other column NULL, no genres, no images. */
    public static final String ARTIST_NULLS = id("ArtNulls");
    /**
     * Text in followers_total, 150 as popularity (both served as null), a genre stored as the
     * integer 42 (served as "42"), an image with text width and real height (both null), and
     * images with a NULL, an empty and a blank url (left out).
     */
    public static final String ARTIST_DIRTY = id("ArtDirty");
    public static final String ARTIST_DIRTY_NAME = "Dirty Types";
    public static final List<String> ARTIST_DIRTY_GENRES = List.of("42");
    public static final String ARTIST_DIRTY_IMAGE_URL = img("dirty");
    /**
     * Empty name (served as ""), followers stored as the real +Infinity and popularity -1 (both
     * null), only an empty genre and an image with an empty url (both left out).
     */
    public static final String ARTIST_EMPTY = id("ArtEmpty");
    /** A row whose id is NULL: reachable only as a credit of {@link #TRACK_NULL_ID_ARTIST}. */
    public static final String ARTIST_NULL_ID_NAME = "Nameless Id";

    /** Followers order for the artist search {@code "echo"}: see {@link #SEARCH_ECHO_ARTISTS}. */
    public static final String ARTIST_ECHO_SMALL = id("ArtEchoSmall");
    public static final String ARTIST_ECHO_BIG = id("ArtEchoBig");
    public static final String ARTIST_ECHOES = id("ArtEchoes");
    public static final String ARTIST_THE_ECHO = id("ArtTheEcho");

    public static final String UNKNOWN_ARTIST = id("ArtUnknown");

    // ---- albums --------------------------------------------------------------------------

    /** Every field set; images with a NULL width and a duplicate url; album artists edge rows. */
    public static final String ALBUM_FULL = id("AlbFull");
    public static final String ALBUM_FULL_NAME = "Lemonade";
    public static final String ALBUM_FULL_TYPE = "album";
    public static final String ALBUM_FULL_LABEL = "Parkwood Entertainment";
    public static final String ALBUM_FULL_RELEASE_DATE = "2016-04-23";
    public static final String ALBUM_FULL_PRECISION = "day";
    public static final String ALBUM_FULL_UPC = "888751067429";
    public static final int ALBUM_FULL_TOTAL_TRACKS = 12;
    public static final String ALBUM_FULL_COPYRIGHT_C = "© 2016 Parkwood Entertainment";
    public static final String ALBUM_FULL_COPYRIGHT_P = "℗ 2016 Parkwood Entertainment";
    /** 640, 300, 64, NULL; the url stored again at width 64 is kept once, at 300. */
    public static final List<String> ALBUM_FULL_IMAGE_URLS = List.of(
            img("l-640"), img("l-300"), img("l-64"), img("l-null-width"));
    /**
     * The album's own artists (rows with a non-NULL index_in_album), each once at its best row:
     * integer indexes, smallest first, then non-integer indexes; ties in rowid order. Rows, in
     * rowid order: 1 Greek index 1, 2 Full 0, 3 Greek 2, 4 CJK NULL (not an own artist), 5 Arabic
     * is_appears_on with NULL, 6 Cyrillic text 'first', 7 a missing artist 3, 8 a NULL
     * artist_rowid 4, 9 Hebrew 1 (ties Greek, stored later), 10 Emoji the real 2.5, 11 Diacritics
     * a BLOB, 12 Cyrillic again with '', 13 Dirty text 'second', 14 Nulls 9, 15 Dirty 5 (its
     * integer row wins over its text one), 16 Nulls 5 (ties Dirty at 5, stored later, though
     * Nulls' first row is stored before Dirty's integer one), 17 Full 0 again (an exact duplicate).
     */
    public static final List<String> ALBUM_FULL_ARTISTS = List.of(ARTIST_FULL, ARTIST_GREEK, ARTIST_HEBREW,
            ARTIST_DIRTY, ARTIST_NULLS, ARTIST_CYRILLIC, ARTIST_EMOJI, ARTIST_DIACRITICS);

    /** No images; one artist. Name in Cyrillic. */
    public static final String ALBUM_NO_IMAGES = id("AlbNoImages");
    public static final String ALBUM_NO_IMAGES_NAME = "Группа крови";
    /** Id set, every other column NULL, no images, no artists. */
    public static final String ALBUM_NULLS = id("AlbNulls");
    /**
     * total_tracks is text (null), release_date stored as the integer 2001 (served as "2001"),
     * label stored as a UTF-8 BLOB (served as its text), copyright_p is invalid UTF-8 text
     * (served with U+FFFD in place of the bad byte).
     */
    public static final String ALBUM_DIRTY = id("AlbDirty");
    public static final String ALBUM_DIRTY_LABEL = "Étiquette";
    public static final String ALBUM_DIRTY_COPYRIGHT_P = "\uFFFDA";
    /**
     * Empty name, label and upc (served as ""), release_date 'sometime' with precision 'decade'
     * (served as stored: the catalog mirrors the text, it does not judge dates), total_tracks -1
     * (null), popularity 250 (not served), images {@link #ALBUM_ODD_IMAGE_URLS}; artist
     * {@link #ARTIST_EMPTY}.
     */
    public static final String ALBUM_ODD = id("AlbOdd");
    public static final String ALBUM_ODD_RELEASE_DATE = "sometime";
    public static final String ALBUM_ODD_PRECISION = "decade";
    /**
     * Width 300 with NULL height, then NULL width and height, then NULL width with height 640 (its
     * size unknown, so stored order among the NULL widths); rows with a NULL url or a url of
     * spaces left out.
     */
    public static final List<String> ALBUM_ODD_IMAGE_URLS = List.of(img("odd-300"), img("odd-no-size"),
            img("odd-null-width"));
    /** The album of the ordering tracks: see {@link #ALBUM_ORDER_TRACKS}. */
    public static final String ALBUM_ORDER = id("AlbOrder");
    public static final String UNKNOWN_ALBUM = id("AlbUnknown");

    // ---- tracks --------------------------------------------------------------------------

    /** Every field set, one artist, album {@link #ALBUM_FULL}, a complete track_files row. */
    public static final String TRACK_FULL = id("TrkFull");
    public static final String TRACK_FULL_NAME = "Formation";
    public static final String TRACK_FULL_ISRC = "QZEDG1600001";
    public static final int TRACK_FULL_DURATION_MS = 206_000;
    public static final int TRACK_FULL_TRACK_NUMBER = 12;
    public static final int TRACK_FULL_DISC_NUMBER = 1;
    public static final int TRACK_FULL_POPULARITY = 80;
    public static final String TRACK_FULL_PREVIEW_URL = "https://p.scdn.co/mp3-preview/edge-full";
    public static final String TRACK_FULL_ORIGINAL_TITLE = "Formation (Original)";
    public static final String TRACK_FULL_VERSION_TITLE = "Remastered 2011";
    public static final List<String> TRACK_FULL_LANGUAGES = List.of("en", "es");
    public static final String TRACK_FULL_ARTIST_ROLES = "[{\"artist_id\":\"" + ARTIST_FULL
            + "\",\"artist_name\":\"Beyoncé\",\"role\":\"ARTIST_ROLE_MAIN_ARTIST\"}]";

    /** Ten artists, credited in an order unlike their rowids: {@link #TRACK_TEN_ARTISTS_CREDITS}. */
    public static final String TRACK_TEN_ARTISTS = id("TrkTenArtists");
    public static final List<String> TRACK_TEN_ARTISTS_CREDITS = List.of(ARTIST_EMOJI, ARTIST_CYRILLIC, ARTIST_FULL,
            ARTIST_GREEK, ARTIST_CJK, ARTIST_ARABIC, ARTIST_HEBREW, ARTIST_DIACRITICS, ARTIST_NULLS, ARTIST_DIRTY);

    /** Id set, every other column NULL (album_rowid too), no artists, no track_files row. */
    public static final String TRACK_NULLS = id("TrkNulls");
    /** album_rowid points to no album: served with album null. One artist: {@link #ARTIST_CJK}. */
    public static final String TRACK_MISSING_ALBUM = id("TrkMissingAlbum");
    /** Credits: Full, a missing artist, a text and a NULL artist_rowid, Greek; served: Full, Greek. */
    public static final String TRACK_MISSING_ARTIST = id("TrkMissingArtist");
    public static final List<String> TRACK_MISSING_ARTIST_CREDITS = List.of(ARTIST_FULL, ARTIST_GREEK);
    /** Credits Greek, Full, Greek again: served Greek, Full (each artist once). */
    public static final String TRACK_REPEATED_ARTIST = id("TrkRepeatedArtist");
    public static final List<String> TRACK_REPEATED_ARTIST_CREDITS = List.of(ARTIST_GREEK, ARTIST_FULL);
    /** Credited to the artist whose id is NULL: served with that artist, id null. */
    public static final String TRACK_NULL_ID_ARTIST = id("TrkNullIdArtist");
    /**
     * Text in popularity, a non-integral real in duration_ms, text in track_number, 'yes' in
     * explicit (all served null), a real 2.0 in disc_number (stored as 2 by SQLite), and the
     * integer 12345 as name (served as "12345").
     */
    public static final String TRACK_DIRTY_TYPES = id("TrkDirtyTypes");
    public static final String TRACK_DIRTY_TYPES_NAME = "12345";
    public static final int TRACK_DIRTY_TYPES_DISC_NUMBER = 2;
    /**
     * On {@link #ALBUM_ODD} by {@link #ARTIST_EMPTY}: empty name and preview_url (served as ""),
     * popularity 101, duration_ms the real -Infinity, track_number -3, explicit 2 (all null),
     * disc_number 0 (served: 0 is a count). Its ISRC {@link #TRACK_OUT_OF_RANGE_ISRC} is shared
     * with {@link #TRACK_POPULARITY_OVERFLOW}, whose popularity is 2^63 - 1 (null) and whose album
     * {@link #ALBUM_FULL} is dated '2016-04-23', before 'sometime' as text: that one ranks first.
     */
    public static final String TRACK_OUT_OF_RANGE = id("TrkOutOfRange");
    public static final String TRACK_OUT_OF_RANGE_ISRC = "QZEDG1600012";
    public static final String TRACK_POPULARITY_OVERFLOW = id("TrkPopOverflow");
    /** NULL ISRC, otherwise plain. */
    public static final String TRACK_NULL_ISRC = id("TrkNullIsrc");
    /** Its album row has a NULL id: served as an album with id null. */
    public static final String TRACK_ON_NULL_ID_ALBUM = id("TrkNullIdAlbum");
    public static final String ALBUM_NULL_ID_NAME = "Album Without Id";

    // track_files edges (all on album ALBUM_NO_IMAGES, artist ARTIST_CYRILLIC)
    /** No track_files row: has_lyrics, titles and artist_roles null, languages []. */
    public static final String TRACK_TF_MISSING = id("TrkTfMissing");
    /** Two rows; the first (lowest rowid) counts: has_lyrics false, version "First", ["fr"]. */
    public static final String TRACK_TF_TWO_ROWS = id("TrkTfTwoRows");
    public static final String TRACK_TF_TWO_ROWS_VERSION = "First";
    public static final List<String> TRACK_TF_TWO_ROWS_LANGUAGES = List.of("fr");
    /** Broken JSON in both columns, has_lyrics 'yes': served null, [], null. */
    public static final String TRACK_TF_BROKEN_JSON = id("TrkTfBrokenJson");
    /** languages is a JSON string, not an array: []. artist_roles {@code []} passes through. */
    public static final String TRACK_TF_LANGUAGES_NOT_ARRAY = id("TrkTfLangNotArray");
    public static final String TRACK_TF_LANGUAGES_NOT_ARRAY_ROLES = "[]";
    /** languages {@code ["en", 42, null]}: []. */
    public static final String TRACK_TF_LANGUAGES_NOT_STRINGS = id("TrkTfLangNotStrings");
    /** artist_roles is plain text, not JSON: null; languages {@code ["sv"]}. */
    public static final String TRACK_TF_ROLES_NOT_JSON = id("TrkTfRolesNotJson");
    public static final List<String> TRACK_TF_ROLES_NOT_JSON_LANGUAGES = List.of("sv");
    /** A row with every column NULL but track_id. */
    public static final String TRACK_TF_NULLS = id("TrkTfNulls");
    /** JSON with spaces and nesting passes through exactly as stored. */
    public static final String TRACK_TF_ROLES_NESTED = id("TrkTfRolesNested");
    public static final String TRACK_TF_ROLES_NESTED_JSON = " { \"roles\" : [ {\"a\": [1, 2.5, true, null]} ] } ";

    public static final String UNKNOWN_TRACK = id("TrkUnknown");

    // ---- ISRC ordering -------------------------------------------------------------------

    /** Nine tracks on nine albums, stored in an order unlike the served one. */
    public static final String ISRC_MANY = "QZEDG2500001";
    public static final String ISRC_R1_POP70_2005 = id("TrkIsrcR1");
    public static final String ISRC_R2_POP70_1999_05_01 = id("TrkIsrcR2");
    public static final String ISRC_R3_POP70_DATE_NULL = id("TrkIsrcR3");
    public static final String ISRC_R4_POP_NULL_1990 = id("TrkIsrcR4");
    public static final String ISRC_R5_POP0_2010 = id("TrkIsrcR5");
    /** Equal to R2 in everything but rowid (stored after it). */
    public static final String ISRC_R6_POP70_1999_05_01 = id("TrkIsrcR6");
    /** The best: highest popularity, though its album row is missing (date NULL). */
    public static final String ISRC_R7_POP90_ALBUM_MISSING = id("TrkIsrcR7");
    /** Popularity is text: served (and ranked) as NULL. */
    public static final String ISRC_R8_POP_TEXT_1980 = id("TrkIsrcR8");
    public static final String ISRC_R9_POP70_1999 = id("TrkIsrcR9");
    /** Popularity desc (NULL lowest, 0 above NULL), release date as text asc (NULL last), rowid. */
    public static final List<String> ISRC_MANY_ORDER = List.of(ISRC_R7_POP90_ALBUM_MISSING, ISRC_R9_POP70_1999,
            ISRC_R2_POP70_1999_05_01, ISRC_R6_POP70_1999_05_01, ISRC_R1_POP70_2005, ISRC_R3_POP70_DATE_NULL,
            ISRC_R5_POP0_2010, ISRC_R8_POP_TEXT_1980, ISRC_R4_POP_NULL_1990);
    /** The ISRC of one track whose id is NULL: served with id null. */
    public static final String ISRC_NULL_ID_TRACK = "QZEDG2500003";
    public static final String ISRC_UNKNOWN = "QZEDG2599999";

    // ---- album track order ---------------------------------------------------------------

    public static final String ORDER_D1_T2 = id("TrkOrdD1T2");
    public static final String ORDER_D1_T1 = id("TrkOrdD1T1");
    public static final String ORDER_DNULL_T1 = id("TrkOrdDnullT1");
    public static final String ORDER_D2_T1 = id("TrkOrdD2T1");
    public static final String ORDER_D1_TNULL = id("TrkOrdD1Tnull");
    /** Same disc and number as {@link #ORDER_D1_T1}, stored after it. */
    public static final String ORDER_D1_T1_AGAIN = id("TrkOrdD1T1Again");
    public static final String ORDER_D2_TNULL = id("TrkOrdD2Tnull");
    /** disc_number is text: ranks with the NULL discs. */
    public static final String ORDER_DTEXT_T3 = id("TrkOrdDtextT3");
    /** Disc, then track number, NULL last for both, then rowid. */
    public static final List<String> ALBUM_ORDER_TRACKS = List.of(ORDER_D1_T1, ORDER_D1_T1_AGAIN, ORDER_D1_T2,
            ORDER_D1_TNULL, ORDER_D2_T1, ORDER_D2_TNULL, ORDER_DNULL_T1, ORDER_DTEXT_T3);

    // ---- search (fallback) ---------------------------------------------------------------

    public static final String SEARCH_LOVE = "love";
    public static final String LOVE_EXACT_POP10 = id("TrkLoveExact10");
    public static final String LOVE_EXACT_POP50 = id("TrkLoveExact50");
    public static final String LOVE_PREFIX_A = id("TrkLovePrefixA");
    public static final String LOVE_PREFIX_B = id("TrkLovePrefixB");
    public static final String LOVE_CONTAINS_POP90 = id("TrkLoveContains90");
    public static final String LOVE_CONTAINS_POP_NULL = id("TrkLoveContainsNull");
    /** Exact (folded) first, then prefix, then contains; popularity desc (NULL last), rowid. */
    public static final List<String> SEARCH_LOVE_TRACKS = List.of(LOVE_EXACT_POP50, LOVE_EXACT_POP10, LOVE_PREFIX_A,
            LOVE_PREFIX_B, LOVE_CONTAINS_POP90, LOVE_CONTAINS_POP_NULL);

    public static final String TRACK_ETE = id("TrkEte");
    public static final String TRACK_ETE_NAME = "ÉTÉ INDIEN";
    public static final String TRACK_STRASSE = id("TrkStrasse");
    public static final String TRACK_STRASSE_NAME = "Straße der Lieder";
    public static final String TRACK_GREEK_SIGMA = id("TrkGreekSigma");
    public static final String TRACK_GREEK_SIGMA_NAME = "ΟΔΟΣ ΟΝΕΙΡΩΝ";
    public static final String TRACK_PERCENT = id("TrkPercent");
    public static final String TRACK_PERCENT_NAME = "100% Pure";
    public static final String TRACK_NO_PERCENT = id("TrkNoPercent");
    public static final String TRACK_NO_PERCENT_NAME = "1000 Pure";
    public static final String TRACK_UNDERSCORE = id("TrkUnderscore");
    public static final String TRACK_UNDERSCORE_NAME = "a_b side";
    public static final String TRACK_NO_UNDERSCORE = id("TrkNoUnderscore");
    public static final String TRACK_NO_UNDERSCORE_NAME = "axb side";

    public static final String SEARCH_ECHO = "echo";
    /** Exact first by followers desc, then prefix, then contains with NULL followers last. */
    public static final List<String> SEARCH_ECHO_ARTISTS = List.of(ARTIST_ECHO_BIG, ARTIST_ECHO_SMALL, ARTIST_ECHOES,
            ARTIST_THE_ECHO);

    // ---- bulk ----------------------------------------------------------------------------

    /** Number of bulk tracks, artists, albums and ISRCs: enough for a full 400-item batch. */
    public static final int BULK = 400;

    /** Each bulk track has its own album and ISRC and two artists; each album one artist. */
    public static List<String> bulkTrackIds() {
        return bulk("BulkTrk");
    }

    public static List<String> bulkArtistIds() {
        return bulk("BulkArt");
    }

    public static List<String> bulkAlbumIds() {
        return bulk("BulkAlb");
    }

    public static List<String> bulkIsrcs() {
        List<String> out = new ArrayList<>(BULK);
        for (int i = 1; i <= BULK; i++) {
            out.add(bulkIsrc(i));
        }
        return out;
    }

    private static List<String> bulk(String stem) {
        List<String> out = new ArrayList<>(BULK);
        for (int i = 1; i <= BULK; i++) {
            out.add(id(stem, i));
        }
        return out;
    }

    private static String bulkIsrc(int i) {
        return String.format("QZBLK%07d", i);
    }

    private static String img(String name) {
        return "https://i.scdn.co/image/edge-" + name;
    }

    // ---- files ---------------------------------------------------------------------------

    private final Path dir;
    private final Path main;
    private final Path trackFiles;

    private EdgeCatalog(Path dir, Path main, Path trackFiles) {
        this.dir = dir;
        this.main = main;
        this.trackFiles = trackFiles;
    }

    private static EdgeCatalog shared;

    /**
     * The edge catalog of this test run, written once into {@code target/edge-catalog} and shared
     * by every test that only reads it. A test that changes files writes its own with
     * {@link #create}.
     */
    public static synchronized EdgeCatalog shared() {
        if (shared == null) {
            shared = create(Path.of(System.getProperty("basedir", "."), "target", "edge-catalog").toAbsolutePath());
        }
        return shared;
    }

    /** Writes both files into {@code dir} (created if needed; existing files replaced). */
    public static EdgeCatalog create(Path dir) {
        return write(dir, true);
    }

    /** Writes main_database.sqlite3 only: a catalog without track_files. */
    public static EdgeCatalog createWithoutTrackFiles(Path dir) {
        return write(dir, false);
    }

    public Path dir() {
        return dir;
    }

    public Path main() {
        return main;
    }

    /** The track_files file, or {@code null} when created without it. */
    public Path trackFiles() {
        return trackFiles;
    }

    public CatalogFiles files() {
        return new CatalogFiles(main, trackFiles);
    }

    private static EdgeCatalog write(Path dir, boolean withTrackFiles) {
        try {
            Files.createDirectories(dir);
            Path main = dir.resolve(CatalogFiles.MAIN_FILE);
            Path trackFiles = dir.resolve(CatalogFiles.TRACK_FILES_FILE);
            Files.deleteIfExists(main);
            Files.deleteIfExists(trackFiles);
            try (Db w = Db.write(main)) {
                w.script(Db.schema("/schema/main.sql", true));
                writeMain(w);
            }
            if (withTrackFiles) {
                try (Db w = Db.write(trackFiles)) {
                    w.script(Db.schema("/schema/track_files.sql", true));
                    writeTrackFiles(w);
                }
            }
            return new EdgeCatalog(dir, main, withTrackFiles ? trackFiles : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Rowids are explicit so that stored order differs from served order where that matters.
    private static final long A_FULL = 1, A_CYRILLIC = 2, A_GREEK = 3, A_CJK = 4, A_ARABIC = 5, A_HEBREW = 6,
            A_EMOJI = 7, A_DIACRITICS = 8, A_NULLS = 9, A_DIRTY = 10, A_NULL_ID = 11, A_ECHO_SMALL = 12,
            A_ECHO_BIG = 13, A_ECHOES = 14, A_THE_ECHO = 15, A_EMPTY = 16, A_MISSING = 9999;
    private static final long L_FULL = 1, L_NO_IMAGES = 2, L_NULLS = 3, L_DIRTY = 4, L_ORDER = 5, L_NULL_ID = 6,
            L_ODD = 7, L_MISSING = 9999;
    private static final long BULK_BASE = 100_000;

    private static void writeMain(Db w) {
        w.execute("ALTER TABLE tracks ADD COLUMN available_markets_rowid INTEGER");
        w.execute("ALTER TABLE artists ADD COLUMN extra_blob BLOB");
        w.execute("ALTER TABLE albums ADD COLUMN extra_note TEXT");
        w.execute("ALTER TABLE artist_albums ADD COLUMN extra_weight REAL");
        w.execute("CREATE TABLE available_markets (rowid INTEGER PRIMARY KEY, markets TEXT)");
        w.execute("INSERT INTO available_markets VALUES (?, ?)", 1, "[\"SE\",\"DE\"]");

        String artist = "INSERT INTO artists (rowid, id, name, followers_total, popularity, fetched_at, extra_blob)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        w.execute(artist, A_FULL, ARTIST_FULL, ARTIST_FULL_NAME, ARTIST_FULL_FOLLOWERS, ARTIST_FULL_POPULARITY,
                1_700_000_000, new byte[] {1, 2, 3});
        w.execute(artist, A_CYRILLIC, ARTIST_CYRILLIC, ARTIST_CYRILLIC_NAME, 5000, 60, null, null);
        w.execute(artist, A_GREEK, ARTIST_GREEK, ARTIST_GREEK_NAME, 4000, 55, null, null);
        w.execute(artist, A_CJK, ARTIST_CJK, ARTIST_CJK_NAME, 3000, 70, null, null);
        w.execute(artist, A_ARABIC, ARTIST_ARABIC, ARTIST_ARABIC_NAME, 2000, 65, null, null);
        w.execute(artist, A_HEBREW, ARTIST_HEBREW, ARTIST_HEBREW_NAME, 1000, 50, null, null);
        w.execute(artist, A_EMOJI, ARTIST_EMOJI, ARTIST_EMOJI_NAME, 10, 1, null, null);
        w.execute(artist, A_DIACRITICS, ARTIST_DIACRITICS, ARTIST_DIACRITICS_NAME, 20, 2, null, null);
        w.execute(artist, A_NULLS, ARTIST_NULLS, null, null, null, null, null);
        w.execute(artist, A_DIRTY, ARTIST_DIRTY, ARTIST_DIRTY_NAME, "many", 150, "yesterday", "not a blob");
        w.execute(artist, A_NULL_ID, null, ARTIST_NULL_ID_NAME, 7, 7, null, null);
        w.execute(artist, A_ECHO_SMALL, ARTIST_ECHO_SMALL, "Echo", 10, 10, null, null);
        w.execute(artist, A_ECHO_BIG, ARTIST_ECHO_BIG, "ECHO", 500, 5, null, null);
        w.execute(artist, A_ECHOES, ARTIST_ECHOES, "Echoes", 1_000_000, 99, null, null);
        w.execute(artist, A_THE_ECHO, ARTIST_THE_ECHO, "The Echo", null, null, null, null);
        w.execute(artist, A_EMPTY, ARTIST_EMPTY, "", Double.POSITIVE_INFINITY, -1, null, null);

        String genre = "INSERT INTO artist_genres (artist_rowid, genre) VALUES (?, ?)";
        w.execute(genre, A_FULL, "zouk");
        w.execute(genre, A_CYRILLIC, "russian rock");
        w.execute(genre, A_FULL, "afrobeat");
        w.execute(genre, A_FULL, null);
        w.execute(genre, A_FULL, "pop");
        w.execute(genre, A_FULL, "pop");
        w.execute(genre, A_FULL, "Pop");
        w.execute(genre, A_FULL, "zouk");
        w.execute(genre, A_FULL, "");
        w.execute(genre, A_FULL, "  ");
        w.execute(genre, A_DIRTY, 42);
        w.execute(genre, A_EMPTY, "");
        w.execute(genre, A_MISSING, "orphan");
        w.execute(genre, null, "no artist");

        String artistImage = "INSERT INTO artist_images (artist_rowid, width, height, url) VALUES (?, ?, ?, ?)";
        w.execute(artistImage, A_FULL, 300, 300, img("a-300"));
        w.execute(artistImage, A_FULL, 640, 640, img("a-640"));
        w.execute(artistImage, A_FULL, null, null, img("a-null-width"));
        w.execute(artistImage, A_FULL, 64, 64, img("a-64-and-1000"));
        w.execute(artistImage, A_FULL, 1000, 1000, img("a-64-and-1000"));
        w.execute(artistImage, A_DIRTY, "wide", 12.5, ARTIST_DIRTY_IMAGE_URL);
        w.execute(artistImage, A_DIRTY, 64, 64, null);
        w.execute(artistImage, A_DIRTY, 640, 640, "");
        w.execute(artistImage, A_DIRTY, 300, 300, " ");
        w.execute(artistImage, null, 64, 64, img("no-artist"));
        w.execute(artistImage, A_EMPTY, 64, 64, "");

        String album = "INSERT INTO albums (rowid, id, name, album_type, label, release_date, release_date_precision,"
                + " external_id_upc, total_tracks, copyright_c, copyright_p, popularity, external_id_amgid, extra_note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        w.execute(album, L_FULL, ALBUM_FULL, ALBUM_FULL_NAME, ALBUM_FULL_TYPE, ALBUM_FULL_LABEL, ALBUM_FULL_RELEASE_DATE,
                ALBUM_FULL_PRECISION, ALBUM_FULL_UPC, ALBUM_FULL_TOTAL_TRACKS, ALBUM_FULL_COPYRIGHT_C,
                ALBUM_FULL_COPYRIGHT_P, 77, "P 12345", "ignore me");
        w.execute(album, L_NO_IMAGES, ALBUM_NO_IMAGES, ALBUM_NO_IMAGES_NAME, "single", "Мелодия", "1988", "year", null, 1,
                null, null, 40, null, null);
        w.execute(album, L_NULLS, ALBUM_NULLS, null, null, null, null, null, null, null, null, null, null, null, null);
        w.execute(album, L_DIRTY, ALBUM_DIRTY, "Dirty Album", "compilation", "Label", 2001, "year", "0000", "twelve",
                null, null, "hot", null, null);
        w.execute(album, L_ORDER, ALBUM_ORDER, "Ordering", "album", "Label", "2020-01", "month", null, 8, null, null, 10,
                null, null);
        w.execute(album, L_NULL_ID, null, ALBUM_NULL_ID_NAME, "single", null, null, null, null, 1, null, null, 0, null,
                null);
        w.execute(album, L_ODD, ALBUM_ODD, "", "album", "", ALBUM_ODD_RELEASE_DATE, ALBUM_ODD_PRECISION, "", -1, null,
                null, 250, null, null);
        w.execute("UPDATE albums SET label = ?, copyright_p = CAST(X'FF41' AS TEXT) WHERE rowid = ?",
                ALBUM_DIRTY_LABEL.getBytes(StandardCharsets.UTF_8), L_DIRTY);

        String albumImage = "INSERT INTO album_images (album_rowid, width, height, url) VALUES (?, ?, ?, ?)";
        w.execute(albumImage, L_FULL, 300, 300, img("l-300"));
        w.execute(albumImage, L_FULL, 64, 64, img("l-64"));
        w.execute(albumImage, L_FULL, 640, 640, img("l-640"));
        w.execute(albumImage, L_FULL, null, null, img("l-null-width"));
        w.execute(albumImage, L_FULL, 64, 64, img("l-300"));
        w.execute(albumImage, L_MISSING, 64, 64, img("orphan"));
        w.execute(albumImage, L_FULL, 32, 32, null);
        w.execute(albumImage, L_FULL, 1000, 1000, "");
        w.execute(albumImage, L_ODD, null, null, img("odd-no-size"));
        w.execute(albumImage, L_ODD, null, 640, img("odd-null-width"));
        w.execute(albumImage, L_ODD, 300, null, img("odd-300"));
        w.execute(albumImage, L_ODD, null, null, null);
        w.execute(albumImage, L_ODD, 640, 640, "   ");

        String albumArtist = "INSERT INTO artist_albums (artist_rowid, album_rowid, is_appears_on,"
                + " is_implicit_appears_on, index_in_album) VALUES (?, ?, ?, ?, ?)";
        w.execute(albumArtist, A_GREEK, L_FULL, 0, 0, 1);
        w.execute(albumArtist, A_FULL, L_FULL, 0, 0, 0);
        w.execute(albumArtist, A_GREEK, L_FULL, 0, 0, 2);
        w.execute(albumArtist, A_CJK, L_FULL, 0, 0, null);
        w.execute(albumArtist, A_ARABIC, L_FULL, 1, 0, null);
        w.execute(albumArtist, A_CYRILLIC, L_FULL, 0, 0, "first");
        w.execute(albumArtist, A_MISSING, L_FULL, 0, 0, 3);
        w.execute(albumArtist, null, L_FULL, 0, 0, 4);
        w.execute(albumArtist, A_HEBREW, L_FULL, 0, 0, 1);
        w.execute(albumArtist, A_EMOJI, L_FULL, 0, 0, 2.5);
        w.execute(albumArtist, A_DIACRITICS, L_FULL, 0, 0, new byte[] {1});
        w.execute(albumArtist, A_CYRILLIC, L_FULL, 0, 0, "");
        w.execute(albumArtist, A_DIRTY, L_FULL, 0, 0, "second");
        w.execute(albumArtist, A_NULLS, L_FULL, 0, 0, 9);
        w.execute(albumArtist, A_DIRTY, L_FULL, 0, 0, 5);
        w.execute(albumArtist, A_NULLS, L_FULL, 0, 0, 5);
        w.execute(albumArtist, A_FULL, L_FULL, 0, 0, 0);
        w.execute(albumArtist, A_CYRILLIC, L_NO_IMAGES, 0, 0, 0);
        w.execute(albumArtist, A_FULL, L_NO_IMAGES, 1, 1, null);
        w.execute(albumArtist, A_DIACRITICS, L_DIRTY, 0, 0, 0);
        w.execute(albumArtist, A_CJK, L_ORDER, 0, 0, 0);
        w.execute(albumArtist, A_EMPTY, L_ODD, 0, 0, 0);

        Tracks t = new Tracks(w);
        t.add(1, TRACK_FULL, TRACK_FULL_NAME, TRACK_FULL_PREVIEW_URL, L_FULL, TRACK_FULL_TRACK_NUMBER,
                TRACK_FULL_ISRC, TRACK_FULL_POPULARITY, TRACK_FULL_DISC_NUMBER, TRACK_FULL_DURATION_MS, 1, A_FULL);
        t.add(2, TRACK_TEN_ARTISTS, "Ten Artists", null, L_FULL, 1, "QZEDG1600002", 30, 1, 180_000, 0,
                A_EMOJI, A_CYRILLIC, A_FULL, A_GREEK, A_CJK, A_ARABIC, A_HEBREW, A_DIACRITICS, A_NULLS, A_DIRTY);
        t.add(3, TRACK_NULLS, null, null, null, null, null, null, null, null, null);
        t.add(4, TRACK_MISSING_ALBUM, "Lost Album", null, L_MISSING, 1, "QZEDG1600004", 20, 1, 100_000, 0, A_CJK);
        t.add(5, TRACK_MISSING_ARTIST, "Lost Artist", null, L_FULL, 2, "QZEDG1600005", 20, 1, 100_000, 0,
                A_FULL, A_MISSING, "abc", null, A_GREEK);
        t.add(6, TRACK_REPEATED_ARTIST, "Twice Credited", null, L_FULL, 3, "QZEDG1600006", 20, 1, 100_000, 0,
                A_GREEK, A_FULL, A_GREEK);
        t.add(7, TRACK_NULL_ID_ARTIST, "Nameless Credit", null, L_FULL, 4, "QZEDG1600007", 20, 1, 100_000, 0,
                A_NULL_ID);
        t.add(8, TRACK_DIRTY_TYPES, 12345, null, L_DIRTY, "3rd", "QZEDG1600008", "high", 2.0, 215_000.5, "yes",
                A_DIACRITICS);
        t.add(9, TRACK_NULL_ISRC, "No ISRC", null, L_FULL, 5, null, 20, 1, 100_000, 0, A_FULL);
        t.add(10, null, "Null Id Track", null, L_FULL, 6, ISRC_NULL_ID_TRACK, 20, 1, 100_000, 0, A_FULL);
        t.add(11, TRACK_ON_NULL_ID_ALBUM, "On Album Without Id", null, L_NULL_ID, 1, null, 20, 1, 100_000, 0, A_FULL);
        t.add(12, TRACK_OUT_OF_RANGE, "", "", L_ODD, -3, TRACK_OUT_OF_RANGE_ISRC, 101, 0, Double.NEGATIVE_INFINITY, 2,
                A_EMPTY);
        t.add(13, TRACK_POPULARITY_OVERFLOW, "Popularity Overflow", null, L_FULL, 7, TRACK_OUT_OF_RANGE_ISRC,
                Long.MAX_VALUE, 1, 100_000, 0, A_FULL);

        long rowid = 20;
        for (String id : List.of(TRACK_TF_MISSING, TRACK_TF_TWO_ROWS, TRACK_TF_BROKEN_JSON, TRACK_TF_LANGUAGES_NOT_ARRAY,
                TRACK_TF_LANGUAGES_NOT_STRINGS, TRACK_TF_ROLES_NOT_JSON, TRACK_TF_NULLS, TRACK_TF_ROLES_NESTED)) {
            t.add(rowid++, id, "Files " + id.substring(0, 8), null, L_NO_IMAGES, 1, null, 15, 1, 120_000, 0,
                    A_CYRILLIC);
        }

        // ISRC_MANY: nine albums (one missing), stored R1..R9 but served R7, R9, R2, R6, R1, R3, R5, R8, R4.
        String isrcAlbum = "INSERT INTO albums (rowid, id, name, album_type, label, release_date,"
                + " release_date_precision, total_tracks, popularity) VALUES (?, ?, ?, 'single', 'Label', ?, ?, 1, 1)";
        Object[][] isrcRows = {
                {ISRC_R1_POP70_2005, 70, "2005", "year"},
                {ISRC_R2_POP70_1999_05_01, 70, "1999-05-01", "day"},
                {ISRC_R3_POP70_DATE_NULL, 70, null, null},
                {ISRC_R4_POP_NULL_1990, null, "1990", "year"},
                {ISRC_R5_POP0_2010, 0, "2010", "year"},
                {ISRC_R6_POP70_1999_05_01, 70, "1999-05-01", "day"},
                {ISRC_R7_POP90_ALBUM_MISSING, 90, null, null},
                {ISRC_R8_POP_TEXT_1980, "abc", "1980", "year"},
                {ISRC_R9_POP70_1999, 70, "1999", "year"},
        };
        for (int i = 0; i < isrcRows.length; i++) {
            long albumRowid = 50 + i;
            String trackId = (String) isrcRows[i][0];
            boolean missingAlbum = trackId.equals(ISRC_R7_POP90_ALBUM_MISSING);
            if (!missingAlbum) {
                w.execute(isrcAlbum, albumRowid, id("AlbIsrc", i + 1), "ISRC Album " + (i + 1), isrcRows[i][2],
                        isrcRows[i][3]);
            }
            t.add(50 + i, trackId, "Many Albums " + (i + 1), null, missingAlbum ? L_MISSING + 1 : albumRowid, 1,
                    ISRC_MANY, isrcRows[i][1], 1, 200_000, 0, A_EMOJI);
        }

        // ALBUM_ORDER: stored order unlike the listing order.
        Object[][] orderRows = {
                {ORDER_D1_T2, 1, 2}, {ORDER_D1_T1, 1, 1}, {ORDER_DNULL_T1, null, 1}, {ORDER_D2_T1, 2, 1},
                {ORDER_D1_TNULL, 1, null}, {ORDER_D1_T1_AGAIN, 1, 1}, {ORDER_D2_TNULL, 2, null},
                {ORDER_DTEXT_T3, "two", 3},
        };
        for (int i = 0; i < orderRows.length; i++) {
            t.add(70 + i, (String) orderRows[i][0], "Order " + (i + 1), null, L_ORDER, orderRows[i][2], null, 5,
                    orderRows[i][1], 150_000, 0, A_CJK);
        }

        // Search: names built for the fallback order and escaping rules.
        Object[][] searchRows = {
                {LOVE_EXACT_POP10, "Love", 10}, {LOVE_PREFIX_A, "Lovely Day", 30},
                {LOVE_CONTAINS_POP90, "Crazy in Love", 90}, {LOVE_EXACT_POP50, "LOVE", 50},
                {LOVE_PREFIX_B, "love story", 30}, {LOVE_CONTAINS_POP_NULL, "Glove Box", null},
                {TRACK_ETE, TRACK_ETE_NAME, 40}, {TRACK_STRASSE, TRACK_STRASSE_NAME, 40},
                {TRACK_GREEK_SIGMA, TRACK_GREEK_SIGMA_NAME, 40}, {TRACK_PERCENT, TRACK_PERCENT_NAME, 40},
                {TRACK_NO_PERCENT, TRACK_NO_PERCENT_NAME, 40}, {TRACK_UNDERSCORE, TRACK_UNDERSCORE_NAME, 40},
                {TRACK_NO_UNDERSCORE, TRACK_NO_UNDERSCORE_NAME, 40},
        };
        for (int i = 0; i < searchRows.length; i++) {
            t.add(90 + i, (String) searchRows[i][0], searchRows[i][1], null, L_FULL, 20 + i, null, searchRows[i][2], 2,
                    190_000, 0, A_FULL);
        }

        writeBulk(w, t);
    }

    private static void writeBulk(Db w, Tracks t) {
        String artist = "INSERT INTO artists (rowid, id, name, followers_total, popularity) VALUES (?, ?, ?, ?, ?)";
        String genre = "INSERT INTO artist_genres (artist_rowid, genre) VALUES (?, ?)";
        String artistImage = "INSERT INTO artist_images (artist_rowid, width, height, url) VALUES (?, ?, ?, ?)";
        String album = "INSERT INTO albums (rowid, id, name, album_type, label, release_date, release_date_precision,"
                + " total_tracks, popularity) VALUES (?, ?, ?, 'album', 'Bulk Label', '2024-01-01', 'day', 1, ?)";
        String albumImage = "INSERT INTO album_images (album_rowid, width, height, url) VALUES (?, ?, ?, ?)";
        String albumArtist = "INSERT INTO artist_albums (artist_rowid, album_rowid, is_appears_on,"
                + " is_implicit_appears_on, index_in_album) VALUES (?, ?, 0, 0, 0)";
        for (int i = 1; i <= BULK; i++) {
            long rowid = BULK_BASE + i;
            w.execute(artist, rowid, id("BulkArt", i), "Bulk Artist " + i, i * 10, i % 101);
            w.execute(genre, rowid, "bulk genre " + (i % 7));
            w.execute(genre, rowid, "bulk");
            w.execute(artistImage, rowid, 640, 640, img("bulk-artist-" + i + "-640"));
            w.execute(artistImage, rowid, 64, 64, img("bulk-artist-" + i + "-64"));
            w.execute(album, rowid, id("BulkAlb", i), "Bulk Album " + i, i % 101);
            w.execute(albumImage, rowid, 640, 640, img("bulk-album-" + i + "-640"));
            w.execute(albumImage, rowid, 300, 300, img("bulk-album-" + i + "-300"));
            w.execute(albumArtist, rowid, rowid);
        }
        for (int i = 1; i <= BULK; i++) {
            long rowid = BULK_BASE + i;
            long second = BULK_BASE + (i % BULK) + 1;
            t.add(rowid, id("BulkTrk", i), "Bulk Track " + i, null, rowid, 1, bulkIsrc(i), i % 101, 1, 180_000, 0,
                    rowid, second);
        }
    }

    private static void writeTrackFiles(Db w) {
        w.execute("ALTER TABLE track_files ADD COLUMN extra_json TEXT");
        String row = "INSERT INTO track_files (track_id, has_lyrics, original_title, version_title,"
                + " language_of_performance, artist_roles, status, extra_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        w.execute(row, TRACK_FULL, 1, TRACK_FULL_ORIGINAL_TITLE, TRACK_FULL_VERSION_TITLE, "[\"en\",\"es\"]",
                TRACK_FULL_ARTIST_ROLES, "ok", "{\"x\":1}");
        w.execute(row, TRACK_TF_TWO_ROWS, 0, null, TRACK_TF_TWO_ROWS_VERSION, "[\"fr\"]", null, null, null);
        w.execute(row, TRACK_TF_BROKEN_JSON, "yes", null, null, "[\"en\",", "{\"broken\": ", null, null);
        w.execute(row, TRACK_TF_TWO_ROWS, 1, "Second Original", "Second", "[\"de\"]", "[]", null, null);
        w.execute(row, TRACK_TF_LANGUAGES_NOT_ARRAY, 1, null, null, "\"en\"", TRACK_TF_LANGUAGES_NOT_ARRAY_ROLES, null, null);
        w.execute(row, TRACK_TF_LANGUAGES_NOT_STRINGS, 0, null, null, "[\"en\", 42, null]", null, null, null);
        w.execute(row, TRACK_TF_ROLES_NOT_JSON, 1, null, null, "[\"sv\"]", "ARTIST_ROLE_MAIN_ARTIST", null, null);
        w.execute(row, TRACK_TF_NULLS, null, null, null, null, null, null, null);
        w.execute(row, TRACK_TF_ROLES_NESTED, 1, null, null, "[]", TRACK_TF_ROLES_NESTED_JSON, null, null);
        w.execute(row, null, 1, "No Track", null, "[\"en\"]", null, null, null);
        w.execute(row, UNKNOWN_TRACK, 1, "Unknown Track", null, "[\"en\"]", null, null, null);
        for (int i = 1; i <= BULK; i++) {
            w.execute(row, id("BulkTrk", i), i % 2, "Bulk Original " + i, null, "[\"en\"]",
                    "[{\"artist_name\":\"Bulk Artist " + i + "\",\"role\":\"ARTIST_ROLE_MAIN_ARTIST\"}]", null, null);
        }
    }

    /** Adds tracks with their credits in the given order. */
    private static final class Tracks {

        private static final String TRACK = "INSERT INTO tracks (rowid, id, name, preview_url, album_rowid, track_number,"
                + " external_id_isrc, popularity, disc_number, duration_ms, explicit, available_markets_rowid)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
        private static final String CREDIT = "INSERT INTO track_artists (track_rowid, artist_rowid) VALUES (?, ?)";

        private final Db w;

        Tracks(Db w) {
            this.w = w;
        }

        void add(long rowid, String id, Object name, String previewUrl, Object albumRowid, Object trackNumber,
                 String isrc, Object popularity, Object discNumber, Object durationMs, Object explicit,
                 Object... artistRowids) {
            w.execute(TRACK, rowid, id, name, previewUrl, albumRowid, trackNumber, isrc, popularity, discNumber,
                    durationMs, explicit);
            for (Object artist : artistRowids) {
                w.execute(CREDIT, rowid, artist);
            }
        }
    }
}
