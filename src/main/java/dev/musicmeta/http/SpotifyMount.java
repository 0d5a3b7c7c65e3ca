package dev.musicmeta.http;

import dev.musicmeta.http.spotify.Mount;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;

/** Mounts the Spotify-compatible surface ({@code dev.musicmeta.http.spotify}) on this server's routes and sending. */
final class SpotifyMount implements Mount {

    private final RouteTable routes;
    private final RoutesConfig config;
    private final Responder responder;

    SpotifyMount(RouteTable routes, RoutesConfig config, Responder responder) {
        this.routes = routes;
        this.config = config;
        this.responder = responder;
    }

    @Override
    public void get(String path, Handler handler) {
        routes.get(path, handler);
    }

    @Override
    public void post(String path, Handler handler) {
        routes.post(path, handler);
    }

    @Override
    public void before(String pathPattern, Handler handler) {
        config.before(pathPattern, handler);
    }

    @Override
    public void json(Context ctx, Body body) throws IOException {
        responder.json(ctx, Responder.Caching.PRIVATE, w -> body.write(w.generator()));
    }

    @Override
    public void jsonNoStore(Context ctx, Body body) throws IOException {
        responder.json(ctx, Responder.Caching.NO_STORE, w -> body.write(w.generator()));
    }

    @Override
    public byte[] body(Context ctx, int maxBytes) {
        return RequestBody.read(ctx, maxBytes);
    }
}
