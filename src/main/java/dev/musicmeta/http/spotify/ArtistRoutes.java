package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.AlbumGroup;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.DiscographyAlbum;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.Track;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /v1/artists/{id}} and {@code GET /v1/artists?ids=} (full artist objects),
 * {@code GET /v1/artists/{id}/albums} (a page of simplified albums with their
 * {@code album_group}) and {@code GET /v1/artists/{id}/top-tracks} (up to
 * {@value #TOP_TRACKS} full tracks; {@code market} and {@code country} are ignored).
 */
final class ArtistRoutes {

    static final int MAX_IDS = 50;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    /** Spotify answers up to 10 top tracks. */
    static final int TOP_TRACKS = 10;

    private final Supplier<Catalog> catalog;
    private final Answers answers;

    ArtistRoutes(Supplier<Catalog> catalog, Answers answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    void register() {
        answers.mount().get(SpotifyApi.V1 + "/artists/{id}", this::artist);
        answers.mount().get(SpotifyApi.V1 + "/artists", this::several);
        answers.mount().get(SpotifyApi.V1 + "/artists/{id}/albums", this::albums);
        answers.mount().get(SpotifyApi.V1 + "/artists/{id}/top-tracks", this::topTracks);
    }

    private void artist(Context ctx) throws Exception {
        String id = Params.id(ctx.pathParam("id"), IdKind.ARTIST);
        Artist artist = catalog.get().artist(id).orElseThrow(() -> unknown(id));
        answers.send(ctx, json -> json.artist(artist));
    }

    private void several(Context ctx) throws Exception {
        List<String> ids = Params.parse(ctx.queryString()).ids(IdKind.ARTIST, MAX_IDS);
        Map<String, Artist> found = catalog.get().artists(ids);
        answers.send(ctx, json -> json.several("artists", ids.stream().map(found::get).toList(), json::artist));
    }

    private void albums(Context ctx) throws Exception {
        String id = Params.id(ctx.pathParam("id"), IdKind.ARTIST);
        Params params = Params.parse(ctx.queryString());
        // album_type is the parameter's older name, which spotify-web-api-java still offers.
        String rawGroups = params.single("include_groups");
        if (rawGroups == null) {
            rawGroups = params.single("album_type");
        }
        Set<AlbumGroup> groups;
        try {
            groups = AlbumGroup.parseList(rawGroups);
        } catch (IllegalArgumentException e) {
            throw SpotifyException.badRequest(e.getMessage());
        }
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = params.integer("offset", 0, 0, Catalog.DISCOGRAPHY_WINDOW);
        Page<DiscographyAlbum> page = catalog.get().artistAlbums(id, groups, offset, limit)
                .orElseThrow(() -> unknown(id));
        Links links = answers.links(ctx);
        String groupsParam = rawGroups == null ? "" : "&include_groups=" + Links.encode(rawGroups);
        Paging<DiscographyAlbum> paging = Paging.of(page.items(), offset, limit, page.total(), Catalog.DISCOGRAPHY_WINDOW,
                (o, l) -> links.url(SpotifyApi.V1 + "/artists/" + id + "/albums?offset=" + o + "&limit=" + l
                        + groupsParam));
        answers.send(ctx, links, json -> json.paging(paging, json::artistAlbum));
    }

    private void topTracks(Context ctx) throws Exception {
        String id = Params.id(ctx.pathParam("id"), IdKind.ARTIST);
        List<Track> tracks = catalog.get().topTracks(id, TOP_TRACKS).orElseThrow(() -> unknown(id));
        answers.send(ctx, json -> {
            json.generator().writeStartObject();
            json.generator().writeFieldName("tracks");
            json.list(tracks, json::track);
            json.generator().writeEndObject();
        });
    }

    private static SpotifyException unknown(String id) {
        return SpotifyException.notFound("no artist " + id + " in this catalog");
    }
}
