package dev.musicmeta.http;

import dev.musicmeta.testing.Db;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile requests over raw sockets, so that malformed request lines, broken escapes, lying
 * framing and junk headers really reach the server: 400 tries of 50 requests, 20,000 in all, over
 * every route (ids, ISRCs, q, limit and offset, batch bodies, the Spotify surface's ids, types and
 * token forms, headers, methods, request lines, escapes). Whatever arrives, the answer is never a
 * 5xx, every 4xx is a problem document (on the Spotify surface, its error object), and every
 * answer matches openapi.yaml.
 */
class HostileRequestsTest {

    private static final int TRIES = 400;
    private static final int PER_TRY = 50;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static TestServer server;
    private static ExecutorService senders;
    private static List<String> tracks;
    private static List<String> albums;
    private static List<String> artists;
    private static List<String> isrcs;
    private static final AtomicLong sent = new AtomicLong();

    /** One request as bytes, with what the answer is checked against. */
    record Hostile(String method, String target, byte[] bytes, boolean reusable) {
        @Override
        public String toString() {
            String s = new String(bytes, StandardCharsets.ISO_8859_1);
            return (s.length() > 600 ? s.substring(0, 600) + "…(" + s.length() + " bytes)" : s)
                    .replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    @BeforeContainer
    static void start() {
        // short deadlines: a request the server waits on answers 408 (a 4xx) in 2 s, not 10
        server = TestServer.start(Fixtures.sample(), TestServer.config().withLimits(ConnectionLimits.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withMaxConnections(10_000, 1_000)));
        senders = Executors.newFixedThreadPool(8);
        tracks = strings("SELECT id FROM tracks WHERE id IS NOT NULL ORDER BY rowid LIMIT 200");
        albums = strings("SELECT id FROM albums WHERE id IS NOT NULL ORDER BY rowid LIMIT 100");
        artists = strings("SELECT id FROM artists WHERE id IS NOT NULL ORDER BY rowid LIMIT 100");
        isrcs = strings("SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL ORDER BY rowid LIMIT 100");
    }

    @AfterContainer
    static void stop() {
        senders.shutdownNow();
        server.close();
        assertThat(sent.get()).as("hostile requests sent").isGreaterThanOrEqualTo((long) TRIES * PER_TRY);
    }

    private static List<String> strings(String sql) {
        return Db.column(Fixtures.sampleMain(), sql).stream().map(Object::toString).toList();
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void noHostileRequestGetsA5xxAndEvery4xxIsAProblemDocument(@ForAll("batches") List<Hostile> requests)
            throws Exception {
        List<Future<String>> outcomes = new ArrayList<>();
        for (Hostile r : requests) {
            outcomes.add(senders.submit(() -> exchange(r)));
        }
        List<String> failures = new ArrayList<>();
        for (Future<String> f : outcomes) {
            String failure = f.get();
            if (failure != null) {
                failures.add(failure);
            }
        }
        sent.addAndGet(requests.size());
        assertThat(failures).isEmpty();
    }

    /** A kept-alive connection per sender, for requests whose framing leaves no doubt where they end. */
    private static final ThreadLocal<Socket> KEPT = new ThreadLocal<>();

    /**
     * Sends one request, on the sender's kept-alive connection when it may (a new one when that
     * was closed meanwhile), else on a new connection; null when the answer is right, else what
     * is wrong.
     */
    private static String exchange(Hostile r) {
        Socket socket = r.reusable() ? KEPT.get() : null;
        KEPT.remove();
        try {
            if (socket != null) {
                String outcome = exchange(r, socket, true);
                if (outcome != RETRY) {
                    return outcome;
                }
            }
            return exchange(r, new Socket("127.0.0.1", server.server().port()), false);
        } catch (IOException e) {
            return e + " for " + r;
        }
    }

    private static final String RETRY = "the kept connection had been closed";

    private static String exchange(Hostile r, Socket socket, boolean reused) {
        boolean keep = false;
        try {
            socket.setSoTimeout(15_000);
            try {
                socket.getOutputStream().write(r.bytes());
                socket.getOutputStream().flush();
            } catch (IOException e) {
                if (reused) {
                    return RETRY;
                }
                // the server may refuse and close before it has read everything; its answer counts
            }
            InputStream in = socket.getInputStream();
            if (!answered(in)) {
                if (reused) {
                    return RETRY;
                }
                if (new String(r.bytes(), StandardCharsets.ISO_8859_1).isBlank()) {
                    return null; // no request began: the connection is closed unanswered
                }
                return "no answer to " + r;
            }
            // read validates: an error is a problem document (on the Spotify surface, its error object)
            ApiClient.Response res = ApiClient.read(new Prefixed("H", in), r.method(), r.target());
            keep = r.reusable() && !"close".equalsIgnoreCase(res.header("Connection"));
            if (res.status() >= 500) {
                return res.status() + " for " + r + ": " + res.text();
            }
            return null;
        } catch (AssertionError e) {
            return e.getMessage() + "\n  for " + r;
        } catch (IOException | RuntimeException e) {
            return e + " for " + r;
        } finally {
            if (keep) {
                KEPT.set(socket);
            } else {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    /** Whether an answer begins ({@code H} of HTTP/1.1); consumes that byte. */
    private static boolean answered(InputStream in) throws IOException {
        try {
            return in.read() == 'H';
        } catch (IOException reset) {
            return false;
        }
    }

    /** The stream with the byte {@link #answered} consumed put back in front. */
    private static final class Prefixed extends InputStream {
        private final byte[] prefix;
        private final InputStream rest;
        private int at;

        Prefixed(String prefix, InputStream rest) {
            this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            return at < prefix.length ? prefix[at++] : rest.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at < prefix.length) {
                b[off] = prefix[at++];
                return 1;
            }
            return rest.read(b, off, len);
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<List<Hostile>> batches() {
        return request().list().ofSize(PER_TRY);
    }

    private Arbitrary<Hostile> request() {
        return Arbitraries.frequencyOf(
                weighted(60, getRequest()),
                weighted(12, batchRequest()),
                weighted(3, tokenRequest()),
                weighted(10, oddMethod()),
                weighted(10, malformedRequestLine()),
                weighted(5, junkFraming()));
    }

    private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> a) {
        return Tuple.of(weight, a);
    }

    /** GET or HEAD of any route, with hostile path values, query strings and headers. */
    private Arbitrary<Hostile> getRequest() {
        return Combinators.combine(Arbitraries.of("GET", "GET", "GET", "HEAD"), target(), headers(), version(),
                lineEnd()).as((method, target, headers, version, eol) ->
                        build(method + " " + target + " " + version, headers, eol, new byte[0], method, target,
                                version.equals("HTTP/1.1") && eol.equals("\r\n")));
    }

    private Arbitrary<Hostile> batchRequest() {
        return Combinators.combine(batchBody(), contentType(), framing(), headers(), lineEnd())
                .as((body, type, framing, headers, eol) -> {
                    List<String> all = new ArrayList<>(headers);
                    if (!type.isEmpty()) {
                        all.add("Content-Type: " + type);
                    }
                    return frame("POST /batch/lookup HTTP/1.1", all, eol, body, framing, "POST", "/batch/lookup",
                            eol.equals("\r\n") && !framing.equals("short"));
                });
    }

    private Arbitrary<Hostile> oddMethod() {
        return Combinators.combine(Arbitraries.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW", "get", "POST",
                        "CONNECT", "PRI", "G\u00c9T", "GET\tX"), target(), headers(), smallBody())
                .as((method, target, headers, body) -> frame(method + " " + target + " HTTP/1.1", headers, "\r\n", body,
                        "length", method, pathIsRead(method) ? target : "/", false));
    }

    private Arbitrary<Hostile> malformedRequestLine() {
        return Combinators.combine(Arbitraries.of(
                "GET /health HTP/1.1", "GET /health HTTP/1.2", "GET /health HTTP/01.1", "GET /health", "GET /he\nalth HTTP/1.1",
                "GET /health HTTP/2.0", "GET /health HTTP/1.1 x", "GET", "", " ", "GET /health HTTP/1.1\u0000",
                "\u0016\u0003\u0001\u0002\u0000\u0001", "GET /health\tHTTP/1.1", "GET http://x/health HTTP/1.1",
                "GET * HTTP/1.1", "GET health HTTP/1.1", "GET /health HTTP/1.1\r", "GET /\u00e9 HTTP/1.1",
                "GET /lookup/track/\u0001 HTTP/1.1", "GET /%00 HTTP/1.1", "GET /a\u007fb HTTP/1.1",
                "GET /" + "x".repeat(9_000) + " HTTP/1.1"), headers())
                .as((line, headers) -> build(line, headers, "\r\n", new byte[0], method(line), target(line), false));
    }

    /**
     * Bodies whose framing lies or conflicts: two lengths, a length and chunks, unknown codings,
     * broken chunks, a second request hidden behind a zero length. None leaves the server waiting.
     */
    private Arbitrary<Hostile> junkFraming() {
        return Combinators.combine(Arbitraries.of(
                        new String[] {"12345", "Content-Length: 5", "Content-Length: 6"},
                        new String[] {"0\r\n\r\n", "Content-Length: 5", "Transfer-Encoding: chunked"},
                        new String[] {"0\r\n\r\n", "Transfer-Encoding: gzip, chunked"},
                        new String[] {"0\r\n\r\n", "Transfer-Encoding: chunked", "Transfer-Encoding: chunked"},
                        new String[] {"", "Transfer-Encoding: identity"},
                        new String[] {"", "Content-Length: -1"},
                        new String[] {"", "Content-Length: 1e3"},
                        new String[] {"", "Content-Length: 99999999999999999999"},
                        new String[] {"12345", "Content-Length:  5 "},
                        new String[] {"zz\r\nabc\r\n0\r\n\r\n", "Transfer-Encoding: chunked"},
                        new String[] {"5\r\n{\"a\":\r\n0\r\n\r\n", "Transfer-Encoding: chunked"},
                        new String[] {"-1\r\n\r\n", "Transfer-Encoding: chunked"},
                        new String[] {"1;ext=\"x\r\na\r\n0\r\n\r\n", "Transfer-Encoding: chunked"},
                        new String[] {"GET /health HTTP/1.1\r\nHost: x\r\n\r\n", "Content-Length: 0"}),
                Arbitraries.of("POST /batch/lookup", "GET /health", "GET /lookup/track/0000000000000000000000"))
                .as((framing, line) -> {
                    List<String> headers = new ArrayList<>(List.of("Host: x", "Connection: close",
                            "Content-Type: application/json"));
                    headers.addAll(List.of(framing).subList(1, framing.length));
                    String requestLine = line + " HTTP/1.1";
                    return build(requestLine, headers, "\r\n", framing[0].getBytes(StandardCharsets.ISO_8859_1),
                            method(requestLine), target(requestLine), false);
                });
    }

    /**
     * Whether the server reads a path from a request line with this method: not when the method
     * is no HTTP token (Jetty cannot read the line), nor for CONNECT, whose target is a host; its
     * answer then cannot know the path's surface, nor the error shape that goes with it.
     */
    private static boolean pathIsRead(String method) {
        return !method.equals("CONNECT") && !method.isEmpty()
                && method.chars().allMatch(c -> c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0);
    }

    private static String method(String requestLine) {
        int space = requestLine.indexOf(' ');
        return space < 0 ? requestLine : requestLine.substring(0, space);
    }

    private static String target(String requestLine) {
        String[] parts = requestLine.split(" ");
        return parts.length > 1 ? parts[1] : "/";
    }

    private Arbitrary<String> target() {
        return Arbitraries.frequencyOf(
                weighted(12, idLike().map(id -> "/lookup/track/" + id)),
                weighted(6, idLike().map(id -> "/lookup/artist/" + id)),
                weighted(6, idLike().map(id -> "/lookup/album/" + id)),
                weighted(4, idLike().map(id -> "/lookup/album/" + id + "/tracks")),
                weighted(8, isrcLike().map(i -> "/lookup/isrc/" + i)),
                weighted(4, isrcLike().map(i -> "/lookup/isrc/" + i + "/tracks")),
                weighted(14, Combinators.combine(Arbitraries.of("track", "artist", "album", "track/", "tracks"), query())
                        .as((kind, q) -> "/search/" + kind + q)),
                weighted(10, spotifyTarget()),
                weighted(6, Arbitraries.of("/health", "/ready", "/openapi.yaml", "/docs", "/docs/", "/", "/docs/docs.js",
                        "/docs/swagger-ui.css", "/problems/not-found", "/problems/request-timeout", "/metrics",
                        "/batch/lookup", "/health?x=%zz", "/ready/")),
                weighted(6, junk().map(j -> "/" + j)),
                weighted(3, junk().map(j -> "/docs/" + j)),
                weighted(3, junk().map(j -> "/problems/" + j)),
                weighted(2, Arbitraries.of("//", "/../", "/lookup/../health", "/%2e%2e/health", "/lookup//track/x",
                        "/./health", "/health/..", "/lookup/track/..%2F..%2Fetc%2Fpasswd", "/HEALTH", "/health;x=1")));
    }

    /** The Spotify Web API's catalog surface: ids, lists of ids, types, markets, paging. */
    private Arbitrary<String> spotifyTarget() {
        Arbitrary<String> ids = Arbitraries.frequencyOf(weighted(3, idLike()), weighted(1, Arbitraries.just("")))
                .list().ofMaxSize(25).map(l -> String.join(",", l));
        Arbitrary<String> paging = Combinators.combine(Arbitraries.of("limit", "offset", "market", "include_external",
                "x", "limit"), Arbitraries.of("0", "1", "20", "50", "51", "-1", "abc", "", "US", "from_token", "audio",
                "99999999999999999999", "%zz")).as((k, v) -> k + "=" + v).list().ofMaxSize(3)
                .map(l -> String.join("&", l));
        return Arbitraries.frequencyOf(
                weighted(4, idLike().map(id -> "/v1/tracks/" + id)),
                weighted(2, idLike().map(id -> "/v1/albums/" + id)),
                weighted(2, idLike().map(id -> "/v1/artists/" + id)),
                weighted(2, Combinators.combine(idLike(), paging).as((id, p) -> "/v1/albums/" + id + "/tracks?" + p)),
                weighted(3, Combinators.combine(Arbitraries.of("tracks", "albums", "artists"), ids, paging)
                        .as((kind, l, p) -> "/v1/" + kind + "?ids=" + l + (p.isEmpty() ? "" : "&" + p))),
                weighted(4, Combinators.combine(query(), Arbitraries.of("track", "album", "artist", "track,album",
                        "playlist", "", "TRACK", "track,,artist"), paging)
                        .as((q, type, p) -> "/v1/search" + (q.isEmpty() ? "?" : q + "&") + "type=" + type
                                + (p.isEmpty() ? "" : "&" + p))),
                weighted(1, Arbitraries.of("/v1", "/v1/", "/v1/me", "/v1/tracks", "/v1/tracks/", "/v1/audio-features/x",
                        "/v1/browse/new-releases", "/api/token")));
    }

    /** The token endpoint's forms: grants, credentials in the form or in Basic, broken encodings. */
    private Arbitrary<Hostile> tokenRequest() {
        Arbitrary<String> form = Arbitraries.of("grant_type=client_credentials", "grant_type=password",
                "grant_type=client_credentials&client_id=a&client_secret=b", "grant_type=", "", "grant_type=%zz",
                "grant_type=client_credentials&grant_type=client_credentials", "x=1", "{\"grant_type\":\"client_credentials\"}",
                "grant_type=client_credentials&client_id=" + "a".repeat(5_000));
        Arbitrary<String> authorization = Arbitraries.of("", "Authorization: Basic YTpi", "Authorization: Basic %%%",
                "Authorization: Basic", "Authorization: Bearer x", "Authorization: Basic " + "QQ==".repeat(100));
        Arbitrary<String> type = Arbitraries.of("application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=utf-8", "application/json", "text/plain", "");
        return Combinators.combine(form, authorization, type, framing()).as((body, auth, contentType, framing) -> {
            List<String> headers = new ArrayList<>(List.of("Host: x"));
            if (!auth.isEmpty()) {
                headers.add(auth);
            }
            if (!contentType.isEmpty()) {
                headers.add("Content-Type: " + contentType);
            }
            return frame("POST /api/token HTTP/1.1", headers, "\r\n", body.getBytes(StandardCharsets.UTF_8), framing,
                    "POST", "/api/token", !framing.equals("short"));
        });
    }

    private Arbitrary<String> idLike() {
        return Arbitraries.frequencyOf(
                weighted(5, Arbitraries.of(tracks)),
                weighted(3, Arbitraries.of(albums)),
                weighted(3, Arbitraries.of(artists)),
                weighted(4, Arbitraries.strings().withChars(BASE62).ofLength(22)),
                weighted(3, Arbitraries.strings().withChars(BASE62).ofMaxLength(40)),
                weighted(3, Combinators.combine(Arbitraries.of("spotify:track:", "spotify:album:", "spotify:artist:",
                        "spotify:", "spotify:playlist:", "SPOTIFY:TRACK:", "spotify%3Atrack%3A"), Arbitraries.of(tracks))
                        .as(String::concat)),
                weighted(4, junk()));
    }

    private Arbitrary<String> isrcLike() {
        return Arbitraries.frequencyOf(
                weighted(4, Arbitraries.of(isrcs)),
                weighted(2, Arbitraries.of(isrcs).map(i -> i.toLowerCase().substring(0, 2) + "-" + i.substring(2, 5) + "-"
                        + i.substring(5))),
                weighted(2, Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- ").ofMaxLength(20)
                        .map(HostileRequestsTest::encode)),
                weighted(3, junk()));
    }

    /** Path segments that decoders and parsers trip over. */
    private Arbitrary<String> junk() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.of("%", "%z", "%zz", "%u0041", "%00", "%2F", "%2e%2e", "%C3%28", "%FF", "%E2%80%AE",
                        "a;%", ";x=1", "..", ".", "%25", "a%", "%%41", "x;%zz", "%C0%AF", "%ED%A0%80", "+", "%20", "a b",
                        "\"", "<script>", "{id}", "|", "\\", "^", "`", "'", "*", "~", "!$&'()*+,;=", "@", "::", "%0d%0a")),
                weighted(4, Arbitraries.strings().all().ofMaxLength(30).map(HostileRequestsTest::encode)),
                weighted(2, Arbitraries.strings().withCharRange('!', '~').ofMaxLength(30)
                        .filter(s -> s.indexOf('?') < 0 && s.indexOf('#') < 0)),
                weighted(1, Arbitraries.integers().between(100, 3_000).map("a"::repeat)));
    }

    private Arbitrary<String> query() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                weighted(5, Arbitraries.of("ab", "bohemian rhap", "artist:x year:2010", "genre:\"hip hop\"", "year:abc",
                        "isrc:us-rc1-76-07839", "upc:0", "\"", "*", "a*", "-a", "a OR b", "夜", "밤", "Beyoncé", "x:", ":",
                        "\\", "AND", "((", "[a TO z]", "a~2", "/regex/", "").map(HostileRequestsTest::encode)),
                weighted(3, Arbitraries.strings().all().ofMaxLength(40).map(HostileRequestsTest::encode)),
                weighted(3, Arbitraries.of("1", "0", "-1", "50", "51", "9999", "10000", "99999999999999999999", "1e3", "0x10",
                        "+5", " 5", "5 ", "%35", "%zz", "", "NaN", "١")),
                weighted(1, Arbitraries.integers().between(190, 300).map(n -> "a".repeat(n))));
        Arbitrary<String> param = Combinators.combine(Arbitraries.of("q", "q", "limit", "offset", "Q", "x", "q[]", ""),
                Arbitraries.of("=", "=", "=", ""), value).as((k, eq, v) -> k + eq + v);
        return param.list().ofMaxSize(5).map(params -> params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private Arbitrary<List<String>> headers() {
        Arbitrary<String> header = Arbitraries.of(
                "If-None-Match: *", "If-None-Match: \"x\", W/\"y\"", "If-None-Match: junk\"", "Accept-Encoding: gzip;q=oops",
                "Accept-Encoding: *;q=0", "X-Request-Id: " + "r".repeat(200), "X-Request-Id: a b", "X-Request-Id: ok-1",
                "X-Forwarded-For: .9::7", "X-Forwarded-For: 1.2.3.4, unknown", "Forwarded: for=\"[::1]:80\";by=x",
                "traceparent: 00-zz-00-01", "User-Agent: \u00e9\u00ff", "Origin: null", "Cookie: a=b", "Range: bytes=0-1",
                "Content-Type: text/plain", "Content-Encoding: gzip", "Authorization: Bearer x",
                "Bad Header", ": empty-name", "X-Folded: a\r\n b", "Host: y", "Connection: keep-alive, Upgrade",
                "Upgrade: h2c", "Upgrade: websocket", "X-Big: " + "b".repeat(10_000), "Accept: */*");
        return Combinators.combine(header.list().ofMaxSize(4), Arbitraries.of(true, true, true, false),
                Arbitraries.of(true, false, false, false, false)).as((extra, host, close) -> {
                    List<String> all = new ArrayList<>();
                    if (host) {
                        all.add("Host: localhost");
                    }
                    all.addAll(extra);
                    if (close) {
                        all.add("Connection: close");
                    }
                    return all;
                });
    }

    private Arbitrary<String> version() {
        return Arbitraries.frequencyOf(weighted(20, Arbitraries.just("HTTP/1.1")), weighted(3, Arbitraries.just("HTTP/1.0")),
                weighted(1, Arbitraries.of("HTP/1.1", "HTTP/1.2", "HTTP/01.1", "HTTP/2.0", "http/1.1", "HTTP/1.1 ")));
    }

    private Arbitrary<String> lineEnd() {
        return Arbitraries.frequencyOf(weighted(19, Arbitraries.just("\r\n")), weighted(1, Arbitraries.just("\n")));
    }

    private Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/vnd.x+json",
                "application/+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "APPLICATION/JSON", "application/json;", "");
    }

    private Arbitrary<String> framing() {
        return Arbitraries.frequencyOf(weighted(12, Arbitraries.just("length")), weighted(3, Arbitraries.just("chunked")),
                weighted(1, Arbitraries.just("short")), weighted(1, Arbitraries.just("none")));
    }

    private Arbitrary<byte[]> smallBody() {
        return Arbitraries.of("", "{}", "x", "{\"tracks\":[]}").map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** Batch bodies: well-formed ones with hostile items, malformed JSON, wrong shapes, too many, too large. */
    private Arbitrary<byte[]> batchBody() {
        Arbitrary<String> item = Arbitraries.frequencyOf(weighted(3, idLike()), weighted(2, isrcLike()),
                weighted(1, Arbitraries.strings().all().ofMaxLength(20)));
        Arbitrary<String> list = item.list().ofMaxSize(12).map(items -> {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                b.append(i == 0 ? "" : ",").append(jsonString(items.get(i)));
            }
            return b.append(']').toString();
        });
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("tracks", "artists", "albums", "isrcs", "x",
                "Tracks", "").list().ofMaxSize(4), list.list().ofSize(4)).as((keys, lists) -> {
                    StringBuilder b = new StringBuilder("{");
                    for (int i = 0; i < keys.size(); i++) {
                        b.append(i == 0 ? "" : ",").append(jsonString(keys.get(i))).append(':').append(lists.get(i));
                    }
                    return b.append('}').toString();
                });
        Arbitrary<String> malformed = Arbitraries.of("", "{", "}", "[]", "null", "\"x\"", "1", "{\"tracks\":\"x\"}",
                "{\"tracks\":[1,2]}", "{\"tracks\":[null]}", "{\"tracks\":[[]]}", "{\"tracks\":{}}", "{\"tracks\":[\"a\"],}",
                "{\"tracks\":[\"a\"]} x", "{\"tracks\":[\"\\ud800\"]}", "{\"a\":" + "[".repeat(5_000) + "}",
                "\u00ef\u00bb\u00bf{\"tracks\":[\"a\"]}", "{\"tracks\":[\"a\"],\"tracks\":[\"b\"]}", "{'tracks':['a']}");
        Arbitrary<String> tooMany = Arbitraries.integers().between(399, 402).map(n -> {
            StringBuilder b = new StringBuilder("{\"isrcs\":[");
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ",").append("\"USRC1").append(String.format("%07d", i)).append('"');
            }
            return b.append("]}").toString();
        });
        Arbitrary<String> tooLarge = Arbitraries.integers().between(65_500, 70_000)
                .map(n -> "{\"tracks\":[\"" + "a".repeat(n) + "\"]}");
        return Arbitraries.frequencyOf(weighted(10, object), weighted(5, malformed), weighted(1, tooMany), weighted(1, tooLarge),
                weighted(1, Arbitraries.strings().all().ofMaxLength(200)))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The request with its body framed by a length, by chunks, by a length shorter than it, or not at all. */
    private static Hostile frame(String requestLine, List<String> headers, String eol, byte[] body, String framing,
            String method, String target, boolean reusable) {
        List<String> all = new ArrayList<>(headers);
        byte[] payload = body;
        switch (framing) {
            case "length" -> all.add("Content-Length: " + body.length);
            case "short" -> all.add("Content-Length: " + body.length / 2);
            case "chunked" -> {
                all.add("Transfer-Encoding: chunked");
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int at = 0; at < body.length; at += 1000) {
                    int n = Math.min(1000, body.length - at);
                    chunks.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    chunks.write(body, at, n);
                    chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                payload = chunks.toByteArray();
            }
            default -> payload = new byte[0]; // "none": no body at all
        }
        return build(requestLine, all, eol, payload, method, target, reusable);
    }

    private static Hostile build(String requestLine, List<String> headers, String eol, byte[] body, String method,
            String target, boolean reusable) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((requestLine + eol).getBytes(StandardCharsets.UTF_8));
        for (String h : headers) {
            out.writeBytes((h + eol).getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        int q = target.indexOf('?');
        return new Hostile(method, q < 0 ? target : target.substring(0, q), out.toByteArray(), reusable);
    }
}
