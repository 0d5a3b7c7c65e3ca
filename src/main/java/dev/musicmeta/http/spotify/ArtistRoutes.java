package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.IdKind;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /v1/artists/{id}} and {@code GET /v1/artists?ids=}: full artist objects. */
final class ArtistRoutes {

    static final int MAX_IDS = 50;

    private final Supplier<Catalog> catalog;
    private final Answers answers;

    ArtistRoutes(Supplier<Catalog> catalog, Answers answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    void register() {
        answers.mount().get(SpotifyApi.V1 + "/artists/{id}", this::artist);
        answers.mount().get(SpotifyApi.V1 + "/artists", this::several);
    }

    private void artist(Context ctx) throws Exception {
        String id = Params.id(ctx.pathParam("id"), IdKind.ARTIST);
        Artist artist = catalog.get().artist(id)
                .orElseThrow(() -> SpotifyException.notFound("no artist " + id + " in this catalog"));
        answers.send(ctx, json -> json.artist(artist));
    }

    private void several(Context ctx) throws Exception {
        List<String> ids = Params.parse(ctx.queryString()).ids(IdKind.ARTIST, MAX_IDS);
        Map<String, Artist> found = catalog.get().artists(ids);
        answers.send(ctx, json -> json.several("artists", ids.stream().map(found::get).toList(), json::artist));
    }
}
