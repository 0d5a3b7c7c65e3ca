package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.SpotifyIds;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses an answer links to: {@code href}s and paging links, absolute URLs on this server
 * as the client reached it (Spotify's SDKs have no call to follow a relative link), and Spotify's
 * own {@code uri} and {@code external_urls}, which name the item wherever it is served.
 *
 * @param base scheme, host and port as the client addressed the server, e.g. {@code http://127.0.0.1:8080}
 */
record Links(String base) {

    private static final Pattern BASE62 = Pattern.compile("[0-9A-Za-z]+");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?");

    /**
     * The links of one request: its scheme and Host header; behind a trusted proxy, the first
     * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} when present, so links point at the
     * proxy's public address.
     */
    static Links of(Context ctx, boolean trustProxy) {
        String scheme = ctx.req().getScheme();
        String host = ctx.header("Host");
        if (trustProxy) {
            String proto = first(ctx.header("X-Forwarded-Proto"));
            if ("http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto)) {
                scheme = proto.toLowerCase(Locale.ROOT);
            }
            String forwardedHost = first(ctx.header("X-Forwarded-Host"));
            if (isHostAndPort(forwardedHost)) {
                host = forwardedHost;
            }
        }
        if (!isHostAndPort(host)) { // HTTP/1.0 without Host: the address the request came in on
            String local = ctx.req().getLocalAddr();
            host = (local.indexOf(':') >= 0 ? "[" + local + "]" : local) + ":" + ctx.req().getLocalPort();
        }
        return new Links(scheme + "://" + host);
    }

    /** {@code <base>/v1/tracks/<id>} and the like; {@code null} for an item without an id. */
    String href(IdKind kind, String id) {
        return id == null ? null : base + SpotifyApi.V1 + "/" + kind.uriName() + "s/" + segment(id);
    }

    /** {@code <base>} and a path with its query, e.g. {@code /v1/search?q=...}. */
    String url(String pathAndQuery) {
        return base + pathAndQuery;
    }

    /** {@code spotify:track:<id>}; {@code null} for an item without an id. */
    static String uri(IdKind kind, String id) {
        return id == null ? null : "spotify:" + kind.uriName() + ":" + id;
    }

    /** {@code https://open.spotify.com/track/<id>}; {@code null} for an item without an id. */
    static String openUrl(IdKind kind, String id) {
        return id == null ? null : "https://" + SpotifyIds.OPEN_HOST + "/" + kind.uriName() + "/" + segment(id);
    }

    /** A query parameter value, percent-encoded ({@code %20} for a space, as Spotify writes it). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Ids are base62, but a dirty row may hold anything: it is encoded rather than trusted. */
    private static String segment(String id) {
        return BASE62.matcher(id).matches() ? id : encode(id);
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }

    /** A host name, IPv4 or bracketed IPv6 address, with an optional port: nothing else goes into a link. */
    private static boolean isHostAndPort(String s) {
        return s != null && !s.isEmpty() && s.length() <= 255
                && HOST_AND_PORT.matcher(s).matches();
    }
}
