package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.Catalog;
import java.util.function.Supplier;

/**
 * The Spotify Web API's catalog surface, so that Spotify's SDKs work against this server by
 * changing the base URL: {@code /v1/tracks}, {@code /v1/albums}, {@code /v1/artists},
 * {@code /v1/search} with Spotify's objects, paging and errors, and the token endpoint the SDKs
 * call first, {@code POST /api/token}. Every {@code /v1} request needs a bearer token
 * ({@link Access}). {@code market} and {@code locale} are accepted and ignored: the snapshot has
 * one copy of each item.
 *
 * <pre>{@code
 * new SpotifyApi(catalog, new OpenAccess(), false).register(mount);
 * }</pre>
 */
public final class SpotifyApi {

    public static final String V1 = "/v1";

    private final Supplier<Catalog> catalog;
    private final Access access;
    private final boolean trustProxy;

    /**
     * @param trustProxy whether links may follow {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}
     */
    public SpotifyApi(Supplier<Catalog> catalog, Access access, boolean trustProxy) {
        this.catalog = catalog;
        this.access = access;
        this.trustProxy = trustProxy;
    }

    public void register(Mount mount) {
        mount.before(V1 + "/*", new BearerCheck(access)::check);
        Answers answers = new Answers(mount, trustProxy);
        new TrackRoutes(catalog, answers).register();
        new AlbumRoutes(catalog, answers).register();
        new ArtistRoutes(catalog, answers).register();
        new SearchRoute(catalog, answers).register();
        new TokenRoute(mount, access).register();
    }
}
