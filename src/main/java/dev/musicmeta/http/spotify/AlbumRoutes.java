package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.Track;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v1/albums/{id}} and {@code GET /v1/albums?ids=} (full album objects, each with its
 * first {@value SpotifyJson#ALBUM_TRACKS_EMBEDDED} tracks), and {@code GET /v1/albums/{id}/tracks}
 * (a page of simplified tracks).
 */
final class AlbumRoutes {

    static final int MAX_IDS = 20;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    /** Nine digits: any offset past an album's last track answers an empty page. */
    static final int MAX_OFFSET = 999_999_999;

    private final Supplier<Catalog> catalog;
    private final Answers answers;

    AlbumRoutes(Supplier<Catalog> catalog, Answers answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    void register() {
        answers.mount().get(SpotifyApi.V1 + "/albums/{id}", this::album);
        answers.mount().get(SpotifyApi.V1 + "/albums", this::several);
        answers.mount().get(SpotifyApi.V1 + "/albums/{id}/tracks", this::tracks);
    }

    private void album(Context ctx) throws Exception {
        String id = Params.id(ctx.pathParam("id"), IdKind.ALBUM);
        Catalog c = catalog.get();
        Album album = c.album(id).orElseThrow(() -> unknown(id));
        Page<Track> tracks = c.albumTracks(id, 0, SpotifyJson.ALBUM_TRACKS_EMBEDDED).orElseThrow(() -> unknown(id));
        Links links = answers.links(ctx);
        answers.send(ctx, links, json -> json.album(album, paging(links, id, tracks)));
    }

    private void several(Context ctx) throws Exception {
        List<String> ids = Params.parse(ctx.queryString()).ids(IdKind.ALBUM, MAX_IDS);
        Catalog c = catalog.get();
        Map<String, Album> found = c.albums(ids);
        Map<String, Page<Track>> firstPages = c.albumTrackPages(found.keySet(), 0, SpotifyJson.ALBUM_TRACKS_EMBEDDED);
        Links links = answers.links(ctx);
        List<AlbumWithTracks> albums = new ArrayList<>(ids.size());
        for (String id : ids) {
            Album album = found.get(id);
            Page<Track> tracks = album == null ? null : firstPages.get(id);
            albums.add(tracks == null ? null : new AlbumWithTracks(album, paging(links, id, tracks)));
        }
        answers.send(ctx, links, json -> json.several("albums", albums, a -> json.album(a.album(), a.tracks())));
    }

    private void tracks(Context ctx) throws Exception {
        String id = Params.id(ctx.pathParam("id"), IdKind.ALBUM);
        Params params = Params.parse(ctx.queryString());
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = params.integer("offset", 0, 0, MAX_OFFSET);
        Page<Track> page = catalog.get().albumTracks(id, offset, limit).orElseThrow(() -> unknown(id));
        Links links = answers.links(ctx);
        answers.send(ctx, links, json -> json.paging(paging(links, id, page), json::simplifiedTrack));
    }

    private static Paging<Track> paging(Links links, String albumId, Page<Track> page) {
        return Paging.of(page.items(), page.offset(), page.limit(), page.total(), MAX_OFFSET,
                (offset, limit) -> links.url(SpotifyApi.V1 + "/albums/" + albumId + "/tracks?offset=" + offset
                        + "&limit=" + limit));
    }

    private static SpotifyException unknown(String id) {
        return SpotifyException.notFound("no album " + id + " in this catalog");
    }

    private record AlbumWithTracks(Album album, Paging<Track> tracks) {}
}
