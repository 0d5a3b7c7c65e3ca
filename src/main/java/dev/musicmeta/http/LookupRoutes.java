package dev.musicmeta.http;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SpotifyIds;
import dev.musicmeta.catalog.Track;
import io.javalin.http.Context;
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
        routes.get("/lookup/track/{id}", this::track);
        routes.get("/lookup/isrc/{isrc}", this::isrcTrack);
        routes.get("/lookup/isrc/{isrc}/tracks", this::isrcTracks);
        routes.get("/lookup/artist/{id}", this::artist);
        routes.get("/lookup/album/{id}", this::album);
        routes.get("/lookup/album/{id}/tracks", this::albumTracks);
    }

    private void track(Context ctx) throws IOException {
        track(Exchange.of(ctx), ctx.pathParam("id"));
    }

    /** {@code /lookup/track/{id}} with {@code rawId} as sent, on either API ({@link CoreRoutes}). */
    void track(Exchange exchange, String rawId) throws IOException {
        String id = id(rawId, IdKind.TRACK);
        Track track = catalog.get().track(id).orElseThrow(() -> notFound("track", id));
        responder.json(exchange, Responder.Caching.PUBLIC, w -> w.track(track));
    }

    private void isrcTrack(Context ctx) throws IOException {
        isrcTrack(Exchange.of(ctx), ctx.pathParam("isrc"));
    }

    /** {@code /lookup/isrc/{isrc}} with {@code rawIsrc} as sent, on either API ({@link CoreRoutes}). */
    void isrcTrack(Exchange exchange, String rawIsrc) throws IOException {
        String isrc = isrc(rawIsrc);
        Track track = catalog.get().bestTrackByIsrc(isrc).orElseThrow(() -> notFound("track with ISRC", isrc));
        responder.json(exchange, Responder.Caching.PUBLIC, w -> w.track(track));
    }

    private void isrcTracks(Context ctx) throws IOException {
        String isrc = isrcParam(ctx);
        PageParams params = PageParams.parse(ctx.queryString(), true, PageParams.MAX_OFFSET);
        if (params.whole()) { // today's answer: the whole list
            List<Track> tracks = catalog.get().tracksByIsrc(isrc);
            if (tracks.isEmpty()) {
                throw notFound("track with ISRC", isrc);
            }
            responder.json(ctx, Responder.Caching.PUBLIC, w -> w.list(tracks, w::track));
            return;
        }
        Page<Track> page = catalog.get().tracksByIsrc(isrc, params.offset(), params.effectiveLimit());
        if (page.total() == 0) {
            throw notFound("track with ISRC", isrc);
        }
        sendPage(ctx, params, page);
    }

    /** A Page when {@code shape=page}, else its items as the array of before. */
    private void sendPage(Context ctx, PageParams params, Page<Track> page) throws IOException {
        if (params.page()) {
            responder.json(ctx, Responder.Caching.PUBLIC, w -> w.page(page, w::track));
        } else {
            responder.json(ctx, Responder.Caching.PUBLIC, w -> w.list(page.items(), w::track));
        }
    }

    private void artist(Context ctx) throws IOException {
        String id = id(ctx, IdKind.ARTIST);
        var artist = catalog.get().artist(id).orElseThrow(() -> notFound("artist", id));
        responder.json(ctx, Responder.Caching.PUBLIC, w -> w.artist(artist));
    }

    private void album(Context ctx) throws IOException {
        String id = id(ctx, IdKind.ALBUM);
        var album = catalog.get().album(id).orElseThrow(() -> notFound("album", id));
        responder.json(ctx, Responder.Caching.PUBLIC, w -> w.album(album));
    }

    private void albumTracks(Context ctx) throws IOException {
        String id = id(ctx, IdKind.ALBUM);
        PageParams params = PageParams.parse(ctx.queryString(), true, PageParams.MAX_OFFSET);
        if (params.whole()) { // today's answer: the whole list
            List<Track> tracks = catalog.get().albumTracks(id).orElseThrow(() -> notFound("album", id));
            responder.json(ctx, Responder.Caching.PUBLIC, w -> w.list(tracks, w::track));
            return;
        }
        Page<Track> page = catalog.get().albumTracks(id, params.offset(), params.effectiveLimit())
                .orElseThrow(() -> notFound("album", id));
        sendPage(ctx, params, page);
    }

    private static String id(Context ctx, IdKind kind) {
        return id(ctx.pathParam("id"), kind);
    }

    private static String id(String raw, IdKind kind) {
        try {
            return SpotifyIds.parse(raw, kind);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_ID, e.getMessage());
        }
    }

    private static String isrcParam(Context ctx) {
        return isrc(ctx.pathParam("isrc"));
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
