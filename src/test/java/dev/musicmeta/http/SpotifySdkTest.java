package dev.musicmeta.http;

import dev.musicmeta.testing.Db;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicmeta.cli.Main;
import dev.musicmeta.testing.CliRun;
import dev.musicmeta.testing.TestCatalogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.michaelthelin.spotify.IHttpManager;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.SpotifyHttpManager;
import se.michaelthelin.spotify.enums.AlbumType;
import se.michaelthelin.spotify.enums.CopyrightType;
import se.michaelthelin.spotify.enums.ModelObjectType;
import se.michaelthelin.spotify.enums.ReleaseDatePrecision;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.exceptions.detailed.NotFoundException;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.model_objects.credentials.ClientCredentials;
import se.michaelthelin.spotify.model_objects.special.SearchResult;
import se.michaelthelin.spotify.model_objects.specification.Album;
import se.michaelthelin.spotify.model_objects.specification.AlbumSimplified;
import se.michaelthelin.spotify.model_objects.specification.Artist;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;
import se.michaelthelin.spotify.model_objects.specification.Image;
import se.michaelthelin.spotify.model_objects.specification.Paging;
import se.michaelthelin.spotify.model_objects.specification.Track;
import se.michaelthelin.spotify.model_objects.specification.TrackSimplified;

/**
 * Spotify's own Java SDK ({@code spotify-web-api-java}) against a server started as the README
 * says ({@code serve --db ... --index ...}, a real process over the generated catalog and its
 * search index), configured as the README says: scheme, host and port, and an HTTP manager that
 * sends the token request here. Every field the SDK parses is compared with the catalog's rows,
 * read with SQL. Each request the SDK sends is also sent by the validating client, so every
 * answer is checked against openapi.yaml too.
 */
class SpotifySdkTest {

    private static final Pattern DOCS_LINE = Pattern.compile("API docs at (http://127\\.0\\.0\\.1:(\\d+))/docs");
    private static final String UNKNOWN = "0000000000000000000000";

    @TempDir
    static Path tmp;

    private static Process server;
    private static URI base;
    private static SpotifyApi spotify;
    private static Validated http;
    private static final Path DB = TestCatalogs.smallMain();

    @BeforeAll
    static void startServerAndSignIn() throws Exception {
        Path index = tmp.resolve("search-index");
        CliRun built = CliRun.of("index", "--db", DB.toString(), "--out", index.toString(), "--threads", "1");
        assertThat(built.code()).as(built.err()).isZero();
        Path log = tmp.resolve("serve.log");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--db", DB.toString(), "--index", index.toString(), "--addr", "127.0.0.1:0",
                "--rate-limit", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = awaitDocsLine(log);

        spotify = new SpotifyApi.Builder()
                .setScheme(base.getScheme()).setHost(base.getHost()).setPort(base.getPort())
                .setClientId("my-client-id").setClientSecret("my-client-secret")
                .setHttpManager(http = new Validated(new LocalAccounts(base), new ApiClient(base)))
                .build();
        ClientCredentials credentials = spotify.clientCredentials().build().execute();
        spotify.setAccessToken(credentials.getAccessToken());

        assertThat(credentials.getTokenType()).isEqualTo("Bearer");
        assertThat(credentials.getExpiresIn()).isEqualTo(3600);
        assertThat(credentials.getAccessToken()).isNotBlank();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static URI awaitDocsLine(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher m = DOCS_LINE.matcher(Files.readString(log));
            if (m.find()) {
                return URI.create(m.group(1) + "/");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not start: " + Files.readString(log));
    }

    /**
     * The README's HTTP manager: the SDK sends its token request to accounts.spotify.com whatever
     * the builder says, so this sends it to the server instead; every other request goes out as
     * the SDK made it.
     */
    static final class LocalAccounts implements IHttpManager {
        private final IHttpManager http = new SpotifyHttpManager.Builder().build();
        private final URI server;

        LocalAccounts(URI server) {
            this.server = server;
        }

        private URI here(URI uri) {
            return SpotifyApi.DEFAULT_AUTHENTICATION_HOST.equals(uri.getHost())
                    ? server.resolve(uri.getRawPath()) : uri;
        }

        @Override
        public String get(URI uri, Header[] headers) throws IOException, SpotifyWebApiException, ParseException {
            return http.get(here(uri), headers);
        }

        @Override
        public String post(URI uri, Header[] headers, HttpEntity body)
                throws IOException, SpotifyWebApiException, ParseException {
            return http.post(here(uri), headers, body);
        }

        @Override
        public String put(URI uri, Header[] headers, HttpEntity body)
                throws IOException, SpotifyWebApiException, ParseException {
            return http.put(here(uri), headers, body);
        }

        @Override
        public String delete(URI uri, Header[] headers, HttpEntity body)
                throws IOException, SpotifyWebApiException, ParseException {
            return http.delete(here(uri), headers, body);
        }
    }

    /**
     * Sends each request the SDK makes a second time through the validating client (the catalog
     * does not change, so the answer is the same), then lets the SDK's own manager send it.
     */
    static final class Validated implements IHttpManager {
        private final LocalAccounts sdk;
        private final ApiClient client;
        private final List<URI> sent = new ArrayList<>();

        Validated(LocalAccounts sdk, ApiClient client) {
            this.sdk = sdk;
            this.client = client;
        }

        synchronized URI last() {
            return sent.get(sent.size() - 1);
        }

        private String[] headers(Header[] headers) {
            List<String> out = new ArrayList<>();
            for (Header h : headers) {
                out.add(h.getName());
                out.add(h.getValue());
            }
            return out.toArray(String[]::new);
        }

        private String pathAndQuery(URI uri) {
            URI local = sdk.here(uri);
            assertThat(local.getHost()).isEqualTo("127.0.0.1");
            return local.getRawPath() + (local.getRawQuery() == null ? "" : "?" + local.getRawQuery());
        }

        @Override
        public String get(URI uri, Header[] headers) throws IOException, SpotifyWebApiException, ParseException {
            record(uri);
            client.get(pathAndQuery(uri), headers(headers));
            return sdk.get(uri, headers);
        }

        @Override
        public String post(URI uri, Header[] headers, HttpEntity body)
                throws IOException, SpotifyWebApiException, ParseException {
            record(uri);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            body.writeTo(bytes);
            client.send("POST", pathAndQuery(uri), HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()),
                    headers(headers));
            return sdk.post(uri, headers, body);
        }

        private synchronized void record(URI uri) {
            sent.add(uri);
        }

        @Override
        public String put(URI uri, Header[] headers, HttpEntity body) {
            throw new AssertionError("the catalog surface has no PUT");
        }

        @Override
        public String delete(URI uri, Header[] headers, HttpEntity body) {
            throw new AssertionError("the catalog surface has no DELETE");
        }
    }

    private static String trackId(String where) {
        return (String) Db.value(DB, "SELECT t.id FROM tracks t JOIN albums al ON al.rowid = t.album_rowid WHERE "
                + where + " ORDER BY t.rowid LIMIT 1");
    }

    private static List<String> albumTrackIds(String albumId) {
        return LookupApiTest.strings(Db.column(DB, "SELECT t.id FROM tracks t JOIN albums al"
                + " ON al.rowid = t.album_rowid WHERE al.id = ? ORDER BY t.disc_number IS NULL, t.disc_number,"
                + " t.track_number IS NULL, t.track_number, t.rowid", albumId));
    }

    /** Every field of a full track the SDK parses, against its rows. */
    private static void assertTrackMatchesCatalog(Track t) {
        Object[] row = Db.rows(DB, "SELECT t.name, t.external_id_isrc, t.duration_ms, t.explicit, t.track_number,"
                + " t.disc_number, t.popularity, t.preview_url, al.id FROM tracks t JOIN albums al"
                + " ON al.rowid = t.album_rowid WHERE t.id = ?", t.getId()).get(0);
        assertThat(t.getName()).isEqualTo(row[0]);
        assertThat(t.getExternalIds().getExternalIds()).isEqualTo(Map.of("isrc", row[1]));
        assertThat(t.getDurationMs()).isEqualTo(((Number) row[2]).intValue());
        assertThat(t.getIsExplicit()).isEqualTo(((Number) row[3]).intValue() == 1);
        assertThat(t.getTrackNumber()).isEqualTo(((Number) row[4]).intValue());
        assertThat(t.getDiscNumber()).isEqualTo(((Number) row[5]).intValue());
        assertThat(t.getPopularity()).isEqualTo(((Number) row[6]).intValue());
        assertThat(t.getPreviewUrl()).isEqualTo(row[7]);
        assertThat(t.getType()).isEqualTo(ModelObjectType.TRACK);
        assertThat(t.getUri()).isEqualTo("spotify:track:" + t.getId());
        assertThat(t.getHref()).isEqualTo(base.resolve("/v1/tracks/" + t.getId()).toString());
        assertThat(t.getExternalUrls().get("spotify")).isEqualTo("https://open.spotify.com/track/" + t.getId());
        assertThat(t.getAvailableMarkets()).isEmpty();
        assertThat(Arrays.stream(t.getArtists()).map(ArtistSimplified::getId).toList())
                .containsExactlyElementsOf(LookupApiTest.strings(Db.column(DB, "SELECT ar.id FROM track_artists ta"
                        + " JOIN artists ar ON ar.rowid = ta.artist_rowid JOIN tracks t ON t.rowid = ta.track_rowid"
                        + " WHERE t.id = ? ORDER BY ta.rowid", t.getId())));
        for (ArtistSimplified a : t.getArtists()) {
            assertThat(a.getName()).isEqualTo(Db.value(DB, "SELECT name FROM artists WHERE id = ?", a.getId()));
            assertThat(a.getType()).isEqualTo(ModelObjectType.ARTIST);
            assertThat(a.getUri()).isEqualTo("spotify:artist:" + a.getId());
        }
        assertSimplifiedAlbumMatchesCatalog(t.getAlbum(), (String) row[8]);
    }

    private static void assertSimplifiedAlbumMatchesCatalog(AlbumSimplified a, String id) {
        Object[] row = Db.rows(DB, "SELECT name, album_type, release_date, release_date_precision FROM albums"
                + " WHERE id = ?", id).get(0);
        assertThat(a.getId()).isEqualTo(id);
        assertThat(a.getName()).isEqualTo(row[0]);
        assertThat(a.getAlbumType()).isEqualTo(AlbumType.keyOf((String) row[1]));
        assertThat(a.getReleaseDate()).isEqualTo(row[2]);
        assertThat(a.getReleaseDatePrecision()).isEqualTo(ReleaseDatePrecision.keyOf((String) row[3]));
        assertThat(a.getType()).isEqualTo(ModelObjectType.ALBUM);
        assertThat(a.getHref()).isEqualTo(base.resolve("/v1/albums/" + id).toString());
        assertImagesMatchCatalog(a.getImages(), "album", id);
        assertThat(Arrays.stream(a.getArtists()).map(ArtistSimplified::getId).toList()).containsExactlyElementsOf(
                LookupApiTest.strings(Db.column(DB, "SELECT ar.id FROM artist_albums aa JOIN artists ar"
                        + " ON ar.rowid = aa.artist_rowid JOIN albums al ON al.rowid = aa.album_rowid WHERE al.id = ?"
                        + " AND aa.index_in_album IS NOT NULL GROUP BY ar.rowid ORDER BY min(aa.index_in_album)", id)));
    }

    /**
     * Images with their sizes, in order: each stored url once, widest first, as the native lookup
     * (whose rules are tested against the rows) lists them.
     */
    private static void assertImagesMatchCatalog(Image[] images, String kind, String id) {
        List<String> urls = LookupApiTest.strings(Db.column(DB, "SELECT DISTINCT i.url FROM " + kind + "_images i"
                + " JOIN " + kind + "s x ON x.rowid = i." + kind + "_rowid WHERE x.id = ?", id));
        List<String> sdk = Arrays.stream(images).map(i -> i.getUrl() + " " + i.getWidth() + "x" + i.getHeight())
                .toList();
        List<String> nativeLookup = new ArrayList<>();
        new ApiClient(base).get("/lookup/" + kind + "/" + id).json().get("images").forEach(i -> nativeLookup.add(
                i.get("url").asText() + " " + i.get("width") + "x" + i.get("height")));
        assertThat(Arrays.stream(images).map(Image::getUrl).toList()).containsExactlyInAnyOrderElementsOf(urls);
        assertThat(sdk).containsExactlyElementsOf(nativeLookup);
    }

    private static void assertArtistMatchesCatalog(Artist a) {
        Object[] row = Db.rows(DB, "SELECT name, followers_total, popularity FROM artists WHERE id = ?", a.getId())
                .get(0);
        assertThat(a.getName()).isEqualTo(row[0]);
        assertThat(a.getFollowers().getTotal()).isEqualTo(((Number) row[1]).intValue());
        assertThat(a.getFollowers().getHref()).isNull();
        assertThat(a.getPopularity()).isEqualTo(((Number) row[2]).intValue());
        assertThat(a.getGenres()).containsExactlyElementsOf(LookupApiTest.strings(Db.column(DB, "SELECT g.genre"
                + " FROM artist_genres g JOIN artists ar ON ar.rowid = g.artist_rowid WHERE ar.id = ? ORDER BY g.rowid",
                a.getId())));
        assertImagesMatchCatalog(a.getImages(), "artist", a.getId());
        assertThat(a.getType()).isEqualTo(ModelObjectType.ARTIST);
        assertThat(a.getExternalUrls().get("spotify")).isEqualTo("https://open.spotify.com/artist/" + a.getId());
    }

    @Test
    void oneTrackAndSeveralTracks() throws Exception {
        String featured = trackId("t.external_id_isrc IS NOT NULL AND t.preview_url IS NOT NULL AND (SELECT count(*)"
                + " FROM track_artists ta WHERE ta.track_rowid = t.rowid) >= 2");
        String explicit = trackId("t.explicit = 1 AND t.external_id_isrc IS NOT NULL");

        Track one = spotify.getTrack(featured).build().execute();
        Track[] several = spotify.getSeveralTracks(explicit, UNKNOWN, featured).market(
                com.neovisionaries.i18n.CountryCode.SE).build().execute();

        assertThat(http.last().getRawQuery()).as("the SDK encodes the commas").contains("%2C");
        assertTrackMatchesCatalog(one);
        assertThat(one.getArtists()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(several).hasSize(3);
        assertTrackMatchesCatalog(several[0]);
        assertThat(several[0].getIsExplicit()).isTrue();
        assertThat(several[1]).isNull();
        assertTrackMatchesCatalog(several[2]);
    }

    @Test
    void oneAlbumAndSeveralAlbums() throws Exception {
        String id = (String) Db.value(DB, "SELECT al.id FROM albums al WHERE al.copyright_c IS NOT NULL"
                + " AND al.copyright_p IS NOT NULL AND al.external_id_upc IS NOT NULL"
                + " AND (SELECT count(*) FROM tracks t WHERE t.album_rowid = al.rowid) >= 2 ORDER BY al.rowid LIMIT 1");
        Object[] row = Db.rows(DB, "SELECT label, external_id_upc, copyright_c, copyright_p, popularity FROM albums"
                + " WHERE id = ?", id).get(0);

        Album album = spotify.getAlbum(id).build().execute();
        Album[] several = spotify.getSeveralAlbums(UNKNOWN, id).build().execute();

        assertSimplifiedAlbumMatchesCatalog(AlbumSimplifiedView.of(album), id);
        assertThat(album.getLabel()).isEqualTo(row[0]);
        assertThat(album.getExternalIds().getExternalIds()).isEqualTo(Map.of("upc", row[1]));
        assertThat(album.getCopyrights()).hasSize(2);
        assertThat(album.getCopyrights()[0].getText()).isEqualTo(row[2]);
        assertThat(album.getCopyrights()[0].getType()).isEqualTo(CopyrightType.C);
        assertThat(album.getCopyrights()[1].getText()).isEqualTo(row[3]);
        assertThat(album.getCopyrights()[1].getType()).isEqualTo(CopyrightType.P);
        assertThat(album.getGenres()).isEmpty();
        assertThat(album.getPopularity()).isEqualTo(((Number) row[4]).intValue());
        assertThat(Arrays.stream(album.getTracks().getItems()).map(TrackSimplified::getId).toList())
                .containsExactlyElementsOf(albumTrackIds(id));
        assertThat(album.getTracks().getTotal()).isEqualTo(albumTrackIds(id).size());
        assertThat(several[0]).isNull();
        assertThat(several[1].getId()).isEqualTo(id);
        assertThat(several[1].getTracks().getTotal()).isEqualTo(album.getTracks().getTotal());
    }

    /** The SDK's full album as the simplified one it contains, for one comparison of the shared fields. */
    private static final class AlbumSimplifiedView {
        static AlbumSimplified of(Album a) {
            return new AlbumSimplified.Builder().setId(a.getId()).setName(a.getName()).setAlbumType(a.getAlbumType())
                    .setReleaseDate(a.getReleaseDate()).setReleaseDatePrecision(a.getReleaseDatePrecision())
                    .setType(a.getType()).setHref(a.getHref()).setImages(a.getImages()).setArtists(a.getArtists())
                    .build();
        }
    }

    @Test
    void albumTracksFollowedPageByPageThroughNext() throws Exception {
        String id = (String) Db.value(DB, "SELECT al.id FROM albums al WHERE (SELECT count(*) FROM tracks t"
                + " WHERE t.album_rowid = al.rowid) >= 5 ORDER BY al.rowid LIMIT 1");
        List<String> expected = albumTrackIds(id);

        List<String> seen = new ArrayList<>();
        Paging<TrackSimplified> page = spotify.getAlbumsTracks(id).limit(2).build().execute();
        int pages = 1;
        while (true) {
            for (TrackSimplified t : page.getItems()) {
                seen.add(t.getId());
                Object[] row = Db.rows(DB, "SELECT name, track_number, disc_number, duration_ms, explicit,"
                        + " preview_url FROM tracks WHERE id = ?", t.getId()).get(0);
                assertThat(t.getType()).isEqualTo(ModelObjectType.TRACK);
                assertThat(t.getName()).isEqualTo(row[0]);
                assertThat(t.getTrackNumber()).isEqualTo(((Number) row[1]).intValue());
                assertThat(t.getDiscNumber()).isEqualTo(((Number) row[2]).intValue());
                assertThat(t.getDurationMs()).isEqualTo(((Number) row[3]).intValue());
                assertThat(t.getIsExplicit()).isEqualTo(((Number) row[4]).intValue() == 1);
                assertThat(t.getPreviewUrl()).isEqualTo(row[5]);
                assertThat(t.getUri()).isEqualTo("spotify:track:" + t.getId());
                assertThat(Arrays.stream(t.getArtists()).map(ArtistSimplified::getId).toList())
                        .containsExactlyElementsOf(LookupApiTest.strings(Db.column(DB, "SELECT ar.id FROM"
                                + " track_artists ta JOIN artists ar ON ar.rowid = ta.artist_rowid JOIN tracks x"
                                + " ON x.rowid = ta.track_rowid WHERE x.id = ? ORDER BY ta.rowid", t.getId())));
            }
            assertThat(page.getTotal()).isEqualTo(expected.size());
            if (page.getNext() == null) {
                break;
            }
            URI next = URI.create(page.getNext());
            assertThat(next.getScheme() + "://" + next.getAuthority()).isEqualTo(base.getScheme() + "://"
                    + base.getAuthority());
            Map<String, String> query = query(next);
            page = spotify.getAlbumsTracks(id).offset(Integer.parseInt(query.get("offset")))
                    .limit(Integer.parseInt(query.get("limit"))).build().execute();
            pages++;
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 1) / 2);
    }

    /** An artist with its own albums of two types and albums it appears on. */
    private static String artistOnManyAlbums() {
        return (String) Db.value(DB, "SELECT ar.id FROM artists ar JOIN artist_albums aa ON aa.artist_rowid = ar.rowid"
                + " JOIN albums al ON al.rowid = aa.album_rowid GROUP BY ar.rowid"
                + " HAVING count(DISTINCT al.album_type) >= 2 AND sum(aa.index_in_album IS NULL) >= 1"
                + " AND count(DISTINCT al.rowid) BETWEEN 5 AND 40 ORDER BY count(DISTINCT al.rowid) DESC, ar.rowid"
                + " LIMIT 1");
    }

    /** The artist's albums as the rows hold them, each once as "id group", newest first. */
    private static List<String> discography(String artistId) {
        List<String> out = new ArrayList<>();
        for (Object[] row : Db.rows(DB, "SELECT al.id, CASE WHEN max(aa.index_in_album IS NOT NULL)"
                + " THEN CASE lower(al.album_type) WHEN 'single' THEN 'single' WHEN 'compilation' THEN 'compilation'"
                + " ELSE 'album' END ELSE 'appears_on' END FROM artist_albums aa JOIN albums al"
                + " ON al.rowid = aa.album_rowid WHERE aa.artist_rowid = (SELECT rowid FROM artists WHERE id = ?)"
                + " GROUP BY al.rowid ORDER BY al.release_date IS NULL, al.release_date DESC, al.rowid", artistId)) {
            out.add(row[0] + " " + row[1]);
        }
        return out;
    }

    @Test
    void artistAlbumsFollowedPageByPageThroughNext() throws Exception {
        String artist = artistOnManyAlbums();
        List<String> expected = discography(artist);

        List<String> seen = new ArrayList<>();
        Paging<AlbumSimplified> page = spotify.getArtistsAlbums(artist).limit(3).build().execute();
        while (true) {
            for (AlbumSimplified a : page.getItems()) {
                seen.add(a.getId() + " " + a.getAlbumGroup().getGroup());
                assertSimplifiedAlbumMatchesCatalog(a, a.getId());
            }
            assertThat(page.getTotal()).isEqualTo(expected.size());
            if (page.getNext() == null) {
                break;
            }
            URI next = URI.create(page.getNext());
            assertThat(next.getScheme() + "://" + next.getAuthority()).isEqualTo(base.getScheme() + "://"
                    + base.getAuthority());
            Map<String, String> query = query(next);
            page = spotify.getArtistsAlbums(artist).offset(Integer.parseInt(query.get("offset")))
                    .limit(Integer.parseInt(query.get("limit"))).build().execute();
        }
        Paging<AlbumSimplified> appearsOn = spotify.getArtistsAlbums(artist).include_groups("appears_on").limit(50)
                .build().execute();

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(Arrays.stream(appearsOn.getItems()).map(a -> a.getId() + " " + a.getAlbumGroup().getGroup())
                .toList()).isNotEmpty().containsExactlyElementsOf(expected.stream()
                .filter(e -> e.endsWith(" appears_on")).toList());
    }

    @Test
    void topTracksAreTheArtistsMostPopular() throws Exception {
        String artist = (String) Db.value(DB, "SELECT ar.id FROM artists ar JOIN track_artists ta"
                + " ON ta.artist_rowid = ar.rowid GROUP BY ar.rowid HAVING count(*) >= 12"
                + " ORDER BY count(*) DESC, ar.rowid LIMIT 1");
        List<String> expected = LookupApiTest.strings(Db.column(DB, "SELECT t.id FROM track_artists ta JOIN tracks t"
                + " ON t.rowid = ta.track_rowid WHERE ta.artist_rowid = (SELECT rowid FROM artists WHERE id = ?)"
                + " GROUP BY t.rowid ORDER BY t.popularity IS NULL, t.popularity DESC, t.rowid LIMIT 10", artist));

        Track[] top = spotify.getArtistsTopTracks(artist, com.neovisionaries.i18n.CountryCode.SE).build().execute();

        assertThat(http.last().getRawQuery()).contains("country=SE");
        assertThat(Arrays.stream(top).map(Track::getId).toList()).containsExactlyElementsOf(expected);
        for (Track t : top) {
            assertTrackMatchesCatalog(t);
        }
    }

    @Test
    void searchTracksByUpcFindsTheAlbumsTracks() throws Exception {
        Object[] row = Db.rows(DB, "SELECT al.id, al.external_id_upc FROM albums al WHERE al.external_id_upc IS NOT NULL"
                + " AND (SELECT count(*) FROM tracks t WHERE t.album_rowid = al.rowid) >= 2"
                + " AND (SELECT count(*) FROM albums x WHERE x.external_id_upc = al.external_id_upc) = 1"
                + " ORDER BY al.rowid LIMIT 1").get(0);

        Paging<Track> page = spotify.searchTracks("upc:" + row[1]).limit(50).build().execute();

        assertThat(Arrays.stream(page.getItems()).map(Track::getId).toList())
                .containsExactlyInAnyOrderElementsOf(albumTrackIds((String) row[0]));
        assertThat(page.getTotal()).isEqualTo(albumTrackIds((String) row[0]).size());
        for (Track t : page.getItems()) {
            assertTrackMatchesCatalog(t);
        }
    }

    @Test
    void oneArtistAndSeveralArtists() throws Exception {
        String id = (String) Db.value(DB, "SELECT ar.id FROM artists ar WHERE (SELECT count(*) FROM artist_genres g"
                + " WHERE g.artist_rowid = ar.rowid) >= 2 AND (SELECT count(*) FROM artist_images i"
                + " WHERE i.artist_rowid = ar.rowid) >= 1 ORDER BY ar.rowid LIMIT 1");

        Artist artist = spotify.getArtist(id).build().execute();
        Artist[] several = spotify.getSeveralArtists(id, UNKNOWN).build().execute();

        assertArtistMatchesCatalog(artist);
        assertArtistMatchesCatalog(several[0]);
        assertThat(several[1]).isNull();
    }

    @Test
    void searchByIsrcFindsEveryTrackWithIt() throws Exception {
        String isrc = (String) Db.value(DB, "SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                + " GROUP BY external_id_isrc HAVING count(*) >= 2 ORDER BY external_id_isrc LIMIT 1");
        List<String> withIsrc = LookupApiTest.strings(Db.column(DB, "SELECT id FROM tracks WHERE external_id_isrc = ?",
                isrc));

        Paging<Track> page = spotify.searchTracks("isrc:" + isrc).build().execute();

        assertThat(http.last().getRawQuery()).as("the SDK encodes the colon").contains("isrc%3A");
        assertThat(Arrays.stream(page.getItems()).map(Track::getId).toList())
                .containsExactlyInAnyOrderElementsOf(withIsrc);
        assertThat(page.getTotal()).isEqualTo(withIsrc.size());
        for (Track t : page.getItems()) {
            assertTrackMatchesCatalog(t);
        }
    }

    @Test
    void searchByUpcFindsTheAlbum() throws Exception {
        Object[] row = Db.rows(DB, "SELECT id, external_id_upc FROM albums WHERE external_id_upc IS NOT NULL"
                + " GROUP BY external_id_upc HAVING count(*) = 1 ORDER BY rowid LIMIT 1").get(0);

        Paging<AlbumSimplified> page = spotify.searchAlbums("upc:" + row[1]).build().execute();

        assertThat(page.getItems()).hasSize(1);
        assertSimplifiedAlbumMatchesCatalog(page.getItems()[0], (String) row[0]);
    }

    @Test
    void searchByNameAnswersEachRequestedType() throws Exception {
        Object[] row = Db.rows(DB, "SELECT t.id, t.name, ar.name FROM tracks t JOIN track_artists ta"
                + " ON ta.track_rowid = t.rowid JOIN artists ar ON ar.rowid = ta.artist_rowid"
                + " WHERE t.name NOT LIKE '%\"%' AND ar.name NOT LIKE '%\"%' ORDER BY t.rowid LIMIT 1").get(0);

        SearchResult result = spotify.searchItem("track:\"" + row[1] + "\" artist:\"" + row[2] + "\"",
                "track,album,artist").limit(10).build().execute();
        Paging<Track> tracks = spotify.searchTracks((String) row[1]).limit(5).build().execute();

        assertThat(Arrays.stream(result.getTracks().getItems()).map(Track::getId).toList()).contains((String) row[0]);
        assertThat(result.getAlbums()).isNotNull();
        assertThat(result.getArtists()).isNotNull();
        for (Track t : result.getTracks().getItems()) {
            assertTrackMatchesCatalog(t);
        }
        for (Artist a : result.getArtists().getItems()) {
            assertArtistMatchesCatalog(a);
        }
        assertThat(tracks.getItems()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(tracks.getItems()[0].getName()).isEqualToIgnoringCase((String) row[1]);
    }

    @Test
    void anUnknownIdIsNotFoundAndABadIdIsABadRequest() {
        assertThatThrownBy(() -> spotify.getTrack(UNKNOWN).build().execute()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(UNKNOWN);
        assertThatThrownBy(() -> spotify.getAlbum("not-an-id").build().execute())
                .isInstanceOf(BadRequestException.class).hasMessageContaining("22 characters");
        assertThatThrownBy(() -> spotify.getSeveralArtists(UNKNOWN, "x").build().execute())
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void overTheRateLimitTheSdkIsToldWhenToRetry() throws Exception {
        String id = trackId("1 = 1");
        try (TestServer limited = TestServer.start(Fixtures.sample(), TestServer.config().withRateLimit(1, 1))) {
            URI limitedBase = limited.client().base();
            SpotifyApi client = new SpotifyApi.Builder()
                    .setScheme("http").setHost(limitedBase.getHost()).setPort(limitedBase.getPort())
                    .setAccessToken("any token while keys are off")
                    .setHttpManager(new LocalAccounts(limitedBase)).build();

            client.getTrack(id).build().execute();
            assertThatThrownBy(() -> client.getArtist(UNKNOWN).build().execute())
                    .isInstanceOfSatisfying(TooManyRequestsException.class,
                            e -> assertThat(e.getRetryAfter()).isPositive());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
