package dev.musicmeta.http.spotify;

import io.javalin.http.Context;
import java.io.IOException;

/** Sends a 200 of the Spotify surface: its objects, linked to this server as the client reached it. */
final class Answers {

    private final Mount mount;
    private final boolean trustProxy;

    Answers(Mount mount, boolean trustProxy) {
        this.mount = mount;
        this.trustProxy = trustProxy;
    }

    Mount mount() {
        return mount;
    }

    Links links(Context ctx) {
        return Links.of(ctx, trustProxy);
    }

    void send(Context ctx, Links links, Writer body) throws IOException {
        mount.json(ctx, g -> body.write(new SpotifyJson(g, links)));
    }

    void send(Context ctx, Writer body) throws IOException {
        send(ctx, links(ctx), body);
    }

    @FunctionalInterface
    interface Writer {
        void write(SpotifyJson json) throws IOException;
    }
}
