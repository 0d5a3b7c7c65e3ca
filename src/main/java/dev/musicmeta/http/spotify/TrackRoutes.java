package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.Track;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /v1/tracks/{id}} and {@code GET /v1/tracks?ids=}: full track objects. */
final class TrackRoutes {

    static final int MAX_IDS = 50;

    private final Supplier<Catalog> catalog;
    private final Answers answers;

    TrackRoutes(Supplier<Catalog> catalog, Answers answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    void register() {
        answers.mount().get(SpotifyApi.V1 + "/tracks/{id}", this::track);
        answers.mount().get(SpotifyApi.V1 + "/tracks", this::several);
    }

    private void track(Context ctx) throws Exception {
        String id = Params.id(ctx.pathParam("id"), IdKind.TRACK);
        Track track = catalog.get().track(id)
                .orElseThrow(() -> SpotifyException.notFound("no track " + id + " in this catalog"));
        answers.send(ctx, json -> json.track(track));
    }

    private void several(Context ctx) throws Exception {
        List<String> ids = Params.parse(ctx.queryString()).ids(IdKind.TRACK, MAX_IDS);
        Map<String, Track> found = catalog.get().tracks(ids);
        answers.send(ctx, json -> json.several("tracks", ids.stream().map(found::get).toList(), json::track));
    }
}
