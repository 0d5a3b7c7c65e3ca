package dev.musicmeta.http;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.Track;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Supplier;

/** {@code GET /search/...}: pages of tracks, artists, albums. Ranking is the catalog's. */
final class SearchRoutes {

    private final Supplier<Catalog> catalog;
    private final Responder responder;

    SearchRoutes(Supplier<Catalog> catalog, Responder responder) {
        this.catalog = catalog;
        this.responder = responder;
    }

    void register(RouteTable routes) {
        routes.get("/search/track", this::tracks);
        routes.get("/search/artist", this::artists);
        routes.get("/search/album", this::albums);
    }

    private void tracks(Context ctx) throws IOException {
        Page<Track> page = catalog.get().searchTracks(SearchParams.parse(ctx.queryString()));
        responder.json(ctx, Responder.Caching.PUBLIC, w -> w.page(page, w::track));
    }

    private void artists(Context ctx) throws IOException {
        Page<Artist> page = catalog.get().searchArtists(SearchParams.parse(ctx.queryString()));
        responder.json(ctx, Responder.Caching.PUBLIC, w -> w.page(page, w::artist));
    }

    private void albums(Context ctx) throws IOException {
        Page<Album> page = catalog.get().searchAlbums(SearchParams.parse(ctx.queryString()));
        responder.json(ctx, Responder.Caching.PUBLIC, w -> w.page(page, w::album));
    }
}
