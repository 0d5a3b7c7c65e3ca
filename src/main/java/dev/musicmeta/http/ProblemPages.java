package dev.musicmeta.http;

import dev.musicmeta.catalog.SearchRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code GET /problems/{slug}}: a page for each {@link ProblemType}, so that a problem's
 * {@code type} URI resolves, as RFC 9457 asks, to what the problem means and what the API
 * accepts instead. Each page links relatively, like the docs, and is prepared on first request.
 */
final class ProblemPages {

    static final String PATH = ProblemType.PREFIX + "{slug}";

    private record Text(String meaning, String accepted) {}

    private final Responder responder;
    private final Map<ProblemType, LazyAsset> pages = new EnumMap<>(ProblemType.class);

    ProblemPages(Responder responder) {
        this.responder = responder;
        for (ProblemType type : ProblemType.values()) {
            pages.put(type, new LazyAsset("text/html; charset=utf-8",
                    () -> html(type).getBytes(StandardCharsets.UTF_8)));
        }
    }

    void register(RouteTable routes) {
        routes.get(PATH, this::page);
    }

    private void page(Context ctx) throws IOException {
        String slug = ctx.pathParam("slug");
        for (ProblemType type : ProblemType.values()) {
            if (type.slug().equals(slug)) {
                responder.page(ctx, pages.get(type).get());
                return;
            }
        }
        throw new ProblemException(ProblemType.UNKNOWN_PATH, ProblemDocument.defaultDetail(404));
    }

    /** The page: the problem's title, type and status, what it means and what is accepted. */
    private static String html(ProblemType type) {
        Text text = text(type);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%1$s (%2$d) - Music Metadata API</title>
                  <style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 42em; margin: 2em auto; \
                padding: 0 1em; color: #222; } code { background: #eee; padding: 0 .2em; }</style>
                </head>
                <body>
                  <h1>%1$s</h1>
                  <p>Problem type <code>%3$s</code>, HTTP status %2$d.</p>
                  <h2>What it means</h2>
                  <p>%4$s</p>
                  <h2>What is accepted</h2>
                  <p>%5$s</p>
                  <p>The <code>detail</code> of each problem document says what was wrong with that \
                request. All paths and problem types: <a href="../docs">the API documentation</a>.</p>
                </body>
                </html>
                """.formatted(escape(type.title()), type.status(), escape(type.uri()), escape(text.meaning),
                escape(text.accepted));
    }

    private static Text text(ProblemType type) {
        return switch (type) {
            case INVALID_ID -> new Text("An id in the path is malformed, or is a Spotify URI of another kind than"
                    + " the path's (an album URI on a track path).",
                    "A Spotify id of 22 characters of 0-9, A-Z and a-z, or a URI of the path's kind:"
                    + " spotify:track:<id>, spotify:album:<id> or spotify:artist:<id>.");
            case INVALID_ISRC -> new Text("The ISRC in the path is malformed.",
                    "2 letters, then 3 letters or digits, then 7 digits, such as USRC17607839. Case, hyphens"
                    + " and spaces are ignored: us-rc1-76-07839 is the same ISRC.");
            case INVALID_UPC -> new Text("The UPC (barcode) in the path is malformed.",
                    "A barcode of " + dev.musicmeta.catalog.Upcs.MIN_DIGITS + " to " + dev.musicmeta.catalog.Upcs.MAX_DIGITS
                    + " digits, not all zeros: a UPC-A (12), an EAN-13 (13), an EAN-8 or UPC-E (8) or a GTIN-14."
                    + " Spaces and hyphens are ignored, and so are leading zeros: 0602547 and 602547 are the same.");
            case INVALID_PARAMETER -> new Text("A query parameter of a search is missing, not an integer, out of"
                    + " range or given more than once, or the query string is not valid percent-encoding.",
                    "q: " + SearchRequest.MIN_QUERY + " to " + SearchRequest.MAX_QUERY + " characters after"
                    + " trimming white space (required). limit: an integer from 1 to " + SearchRequest.MAX_LIMIT
                    + " (default " + SearchRequest.DEFAULT_LIMIT + "). offset: an integer of at least 0 (default"
                    + " 0), with offset + limit at most " + SearchRequest.MAX_WINDOW + ". Each at most once;"
                    + " % written as %25 and text encoded as UTF-8. Unknown parameters are ignored. Lists that"
                    + " page (an album's or an ISRC's tracks, an artist's albums and top tracks): limit 1 to "
                    + PageParams.MAX_LIMIT + ", offset at least 0, shape list or page, include_groups "
                    + dev.musicmeta.catalog.AlbumGroup.LIST_RULE + ".");
            case INVALID_BODY -> new Text("The body of POST /batch/lookup is not the documented shape, or holds no"
                    + " item or more than " + BatchRoutes.MAX_ITEMS + " distinct items.",
                    "A JSON object whose keys are among tracks, artists, albums and isrcs, each a list of strings,"
                    + " with 1 to " + BatchRoutes.MAX_ITEMS + " distinct items in all. A URI and its id, or two"
                    + " spellings of one ISRC, are one item; a malformed id is listed under invalid in the"
                    + " answer rather than failing the batch.");
            case MALFORMED_REQUEST -> new Text("The HTTP request itself could not be parsed: its request line, the"
                    + " percent-encoding of its URL, its headers or the framing of its body.",
                    "A well-formed HTTP/1.1 request with a Host header, its URL percent-encoded as UTF-8.");
            case UNAUTHORIZED -> new Text("This server runs with API keys, and the request for a data route (a"
                    + " lookup, a search or a batch) carried no key, or one the server does not know.",
                    "The key the server's operator gave you, as Authorization: Bearer <key> or X-Api-Key: <key>."
                    + " The service pages (the docs, /health and these pages) need no key.");
            case NOT_FOUND -> new Text("The id, ISRC or UPC is well-formed, but this catalog holds no such track,"
                    + " artist, album, ISRC or UPC.",
                    "An item of this catalog. The catalog is a static snapshot: asking again gives the same"
                    + " answer. A batch lists such items under not_found instead.");
            case UNKNOWN_PATH -> new Text("The server has no such path.",
                    "The paths of the API documentation (docs, or the OpenAPI document openapi.yaml). A path may"
                    + " end with one slash or none.");
            case METHOD_NOT_ALLOWED -> new Text("The path exists, but not with this method.",
                    "The methods of the answer's Allow header: GET and HEAD for lookups, searches and the docs,"
                    + " POST for /batch/lookup, and OPTIONS everywhere.");
            case REQUEST_TIMEOUT -> new Text("The request arrived too slowly: its line and headers were not complete"
                    + " within the server's deadline after its first byte, or its body within the deadline after the"
                    + " headers (10 s each by default). The connection is closed.",
                    "The same request sent promptly, on a new connection. A request whose line and headers never"
                    + " began is not answered: its connection is closed.");
            case PRECONDITION_FAILED -> new Text("If-None-Match matched the answer of a POST, which is never"
                    + " answered 304 (RFC 9110).",
                    "A POST without If-None-Match, or with tags other than the answer's.");
            case BODY_TOO_LARGE -> new Text("The request body is too large.",
                    "A batch body of at most " + BatchRoutes.MAX_BODY_BYTES / 1024 + " KiB.");
            case URI_TOO_LONG -> new Text("The URL is longer than the server accepts (8 KiB).",
                    "A shorter URL. To look up many items at once, POST them to /batch/lookup.");
            case UNSUPPORTED_MEDIA_TYPE -> new Text("The request body is not sent as JSON.",
                    "Content-Type: application/json (parameters such as charset allowed) or application/*+json.");
            case RATE_LIMITED -> new Text("This client sent more requests than the server's rate limit allows"
                    + " (by default " + ServerConfig.DEFAULT_RATE_LIMIT + " a second per client address, in bursts"
                    + " of up to " + ServerConfig.DEFAULT_RATE_BURST + "; with API keys, per key, at the key's own"
                    + " rate where it has one).",
                    "The same request after the whole seconds of the Retry-After header. /health, /ready,"
                    + " /metrics and CORS preflights are never limited.");
            case HEADERS_TOO_LARGE -> new Text("The request headers are larger than the server accepts (8 KiB).",
                    "Fewer or smaller headers, such as fewer cookies for this host.");
            case INTERNAL_ERROR -> new Text("A fault of the server. It is logged there; nothing about it is sent.",
                    "Nothing needs to change in the request. If it persists, report it with the time of the"
                    + " request.");
            case UNAVAILABLE -> new Text("The catalog cannot answer right now: it is busy (the answer has a"
                    + " Retry-After header), or its files cannot be read on this instance (no Retry-After: damaged or"
                    + " being replaced). Or, from /ready, this instance is draining before it stops, or not ready,"
                    + " and should get no new traffic.",
                    "The same request after the Retry-After header's seconds when it has one; without one, not soon"
                    + " from this instance. Behind a load balancer, another replica answers meanwhile.");
            case SEARCH_TIMEOUT -> new Text("The search ran past the server's time budget for one search (10 s by"
                    + " default).",
                    "A more specific query: more or longer words, or a filter such as artist:, album: or year:.");
        };
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
