package dev.musicmeta.http;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SpotifyIds;
import dev.musicmeta.catalog.Track;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /lookup/...}: one item by id or ISRC. */
final class LookupRoutes {

    private final Supplier<Catalog> catalog;
    private final Responder responder;

    LookupRoutes(Supplier<Catalog> catalog, Responder responder) {
        this.catalog = catalog;
        this.responder = responder;
    }

    void register(RouteTable routes) {
        routes.get("/lookup/track/{id}", ctx -> track(Exchange.of(ctx), ctx.pathParam("id")));
        routes.get("/lookup/isrc/{isrc}", ctx -> isrcTrack(Exchange.of(ctx), ctx.pathParam("isrc")));
        routes.get("/lookup/isrc/{isrc}/tracks",
                ctx -> isrcTracks(Exchange.of(ctx), ctx.pathParam("isrc"), ctx.queryString()));
        routes.get("/lookup/artist/{id}", ctx -> artist(Exchange.of(ctx), ctx.pathParam("id")));
        routes.get("/lookup/album/{id}", ctx -> album(Exchange.of(ctx), ctx.pathParam("id")));
        routes.get("/lookup/album/{id}/tracks",
                ctx -> albumTracks(Exchange.of(ctx), ctx.pathParam("id"), ctx.queryString()));
    }

    /** The same routes, answered ahead of Javalin for requests without a query string. */
    void register(CoreRoutes core) {
        core.lookup("/lookup/track/", "", "/lookup/track/{id}", this::track);
        core.lookup("/lookup/isrc/", "", "/lookup/isrc/{isrc}", this::isrcTrack);
        core.lookup("/lookup/isrc/", "/tracks", "/lookup/isrc/{isrc}/tracks", (ex, isrc) -> isrcTracks(ex, isrc, null));
        core.lookup("/lookup/artist/", "", "/lookup/artist/{id}", this::artist);
        core.lookup("/lookup/album/", "", "/lookup/album/{id}", this::album);
        core.lookup("/lookup/album/", "/tracks", "/lookup/album/{id}/tracks", (ex, id) -> albumTracks(ex, id, null));
    }

    private void track(Exchange exchange, String rawId) throws IOException {
        String id = id(rawId, IdKind.TRACK);
        Track track = catalog.get().track(id).orElseThrow(() -> notFound("track", id));
        responder.json(exchange, Responder.Caching.PUBLIC, w -> w.track(track));
    }

    private void isrcTrack(Exchange exchange, String rawIsrc) throws IOException {
        String isrc = isrc(rawIsrc);
        Track track = catalog.get().bestTrackByIsrc(isrc).orElseThrow(() -> notFound("track with ISRC", isrc));
        responder.json(exchange, Responder.Caching.PUBLIC, w -> w.track(track));
    }

    private void isrcTracks(Exchange exchange, String rawIsrc, String query) throws IOException {
        String isrc = isrc(rawIsrc);
        PageParams params = PageParams.parse(query, true, PageParams.MAX_OFFSET);
        if (params.whole()) { // today's answer: the whole list
            List<Track> tracks = catalog.get().tracksByIsrc(isrc);
            if (tracks.isEmpty()) {
                throw notFound("track with ISRC", isrc);
            }
            responder.json(exchange, Responder.Caching.PUBLIC, w -> w.list(tracks, w::track));
            return;
        }
        Page<Track> page = catalog.get().tracksByIsrc(isrc, params.offset(), params.effectiveLimit());
        if (page.total() == 0) {
            throw notFound("track with ISRC", isrc);
        }
        sendPage(exchange, params, page);
    }

    /** A Page when {@code shape=page}, else its items as the array of before. */
    private void sendPage(Exchange exchange, PageParams params, Page<Track> page) throws IOException {
        if (params.page()) {
            responder.json(exchange, Responder.Caching.PUBLIC, w -> w.page(page, w::track));
        } else {
            responder.json(exchange, Responder.Caching.PUBLIC, w -> w.list(page.items(), w::track));
        }
    }

    private void artist(Exchange exchange, String rawId) throws IOException {
        String id = id(rawId, IdKind.ARTIST);
        var artist = catalog.get().artist(id).orElseThrow(() -> notFound("artist", id));
        responder.json(exchange, Responder.Caching.PUBLIC, w -> w.artist(artist));
    }

    private void album(Exchange exchange, String rawId) throws IOException {
        String id = id(rawId, IdKind.ALBUM);
        var album = catalog.get().album(id).orElseThrow(() -> notFound("album", id));
        responder.json(exchange, Responder.Caching.PUBLIC, w -> w.album(album));
    }

    private void albumTracks(Exchange exchange, String rawId, String query) throws IOException {
        String id = id(rawId, IdKind.ALBUM);
        PageParams params = PageParams.parse(query, true, PageParams.MAX_OFFSET);
        if (params.whole()) { // today's answer: the whole list
            List<Track> tracks = catalog.get().albumTracks(id).orElseThrow(() -> notFound("album", id));
            responder.json(exchange, Responder.Caching.PUBLIC, w -> w.list(tracks, w::track));
            return;
        }
        Page<Track> page = catalog.get().albumTracks(id, params.offset(), params.effectiveLimit())
                .orElseThrow(() -> notFound("album", id));
        sendPage(exchange, params, page);
    }

    private static String id(String raw, IdKind kind) {
        try {
            return SpotifyIds.parse(raw, kind);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_ID, e.getMessage());
        }
    }

    private static String isrc(String raw) {
        try {
            return Isrcs.normalize(raw);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_ISRC, e.getMessage());
        }
    }

    private static ProblemException notFound(String what, String key) {
        return new ProblemException(ProblemType.NOT_FOUND, "no " + what + " " + key + " in this catalog");
    }
}
