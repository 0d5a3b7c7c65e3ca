package dev.musicmeta.http;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.AlbumGroup;
import dev.musicmeta.catalog.DiscographyAlbum;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SpotifyIds;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.catalog.Upcs;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /lookup/upc/{upc}}, {@code GET /lookup/artist/{id}/albums} (a Page of the artist's
 * discography) and {@code GET /lookup/artist/{id}/top-tracks}.
 */
final class DiscographyRoutes {

    static final int TOP_TRACKS_DEFAULT = 10;

    private final Supplier<Catalog> catalog;
    private final Responder responder;

    DiscographyRoutes(Supplier<Catalog> catalog, Responder responder) {
        this.catalog = catalog;
        this.responder = responder;
    }

    void register(RouteTable routes) {
        routes.get("/lookup/upc/{upc}", this::upc);
        routes.get("/lookup/artist/{id}/albums", this::albums);
        routes.get("/lookup/artist/{id}/top-tracks", this::topTracks);
    }

    private void upc(Context ctx) throws IOException {
        String upc;
        try {
            upc = Upcs.normalize(ctx.pathParam("upc"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_UPC, e.getMessage());
        }
        List<Album> albums = catalog.get().albumsByUpc(upc);
        if (albums.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no album with UPC " + ctx.pathParam("upc")
                    + " in this catalog");
        }
        responder.json(ctx, Responder.Caching.PUBLIC, w -> w.list(albums, w::album));
    }

    private void albums(Context ctx) throws IOException {
        String id = artistId(ctx);
        PageParams params = PageParams.parse(ctx.queryString(), false, Catalog.DISCOGRAPHY_WINDOW);
        Set<AlbumGroup> groups;
        try {
            groups = AlbumGroup.parseList(QueryString.parse(ctx.queryString()).single("include_groups"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, e.getMessage());
        }
        Page<DiscographyAlbum> page = catalog.get()
                .artistAlbums(id, groups, params.offset(), params.limitOr(PageParams.DEFAULT_LIMIT))
                .orElseThrow(() -> notFound(id));
        responder.json(ctx, Responder.Caching.PUBLIC, w -> w.page(page, w::artistAlbum));
    }

    private void topTracks(Context ctx) throws IOException {
        String id = artistId(ctx);
        int limit = PageParams.limit(ctx.queryString(), TOP_TRACKS_DEFAULT);
        List<Track> tracks = catalog.get().topTracks(id, limit).orElseThrow(() -> notFound(id));
        responder.json(ctx, Responder.Caching.PUBLIC, w -> w.list(tracks, w::track));
    }

    private static String artistId(Context ctx) {
        try {
            return SpotifyIds.parse(ctx.pathParam("id"), IdKind.ARTIST);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_ID, e.getMessage());
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "no artist " + id + " in this catalog");
    }
}
