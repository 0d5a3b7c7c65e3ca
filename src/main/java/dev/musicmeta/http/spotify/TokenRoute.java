package dev.musicmeta.http.spotify;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/token}: the client-credentials flow of Spotify's accounts service (RFC 6749
 * section 4.4), which the SDKs run before any call. The credentials come as HTTP Basic or as the
 * form fields {@code client_id} and {@code client_secret} (not both); {@link Access} decides.
 * Errors are RFC 6749's {@code {"error", "error_description"}}, as Spotify's accounts service
 * answers them.
 */
final class TokenRoute {

    static final String PATH = "/api/token";

    /** A token request is a few dozen bytes; this leaves room for long credentials. */
    static final int MAX_BODY_BYTES = 8 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Mount mount;
    private final Access access;

    TokenRoute(Mount mount, Access access) {
        this.mount = mount;
        this.access = access;
    }

    void register() {
        mount.post(PATH, this::token);
    }

    private void token(Context ctx) throws Exception {
        byte[] body = mount.body(ctx, MAX_BODY_BYTES); // read first: an answer sent over unread input can be lost
        if (!isForm(ctx.header("Content-Type"))) {
            throw new SpotifyException(400, "send the parameters as a form: Content-Type: " + FORM
                    + " and grant_type=client_credentials", "invalid_request", Map.of());
        }
        Params form = Params.parse(new String(body, StandardCharsets.UTF_8));
        String grant = form.single("grant_type");
        if (grant == null || grant.isEmpty()) {
            throw new SpotifyException(400, "grant_type is required: grant_type=client_credentials", "invalid_request",
                    Map.of());
        }
        if (!grant.equals("client_credentials")) {
            throw new SpotifyException(400, "grant_type " + Params.printable(grant) + " is not offered: this server"
                    + " has no users, only grant_type=client_credentials", "unsupported_grant_type", Map.of());
        }
        String basic = ctx.header("Authorization");
        Access.ClientCredentials credentials = credentials(basic, form);
        String token = access.issue(credentials).orElseThrow(() -> new SpotifyException(401,
                "the client credentials are not accepted: send an API key as the client secret", "invalid_client",
                basic != null ? Map.of("WWW-Authenticate", "Basic realm=\"" + BearerCheck.REALM + "\"") : Map.of()));
        ctx.res().setHeader("Pragma", "no-cache"); // RFC 6749 section 5.1, with Cache-Control: no-store
        mount.jsonNoStore(ctx, g -> {
            g.writeStartObject();
            g.writeStringField("access_token", token);
            g.writeStringField("token_type", "Bearer");
            g.writeNumberField("expires_in", Access.TOKEN_LIFETIME_SECONDS);
            g.writeEndObject();
        });
    }

    /** From the Basic header or the form, never both (RFC 6749 section 2.3); null when neither. */
    private static Access.ClientCredentials credentials(String authorization, Params form) {
        String id = form.single("client_id");
        String secret = form.single("client_secret");
        if (authorization == null) {
            return id == null && secret == null ? null : new Access.ClientCredentials(id, secret);
        }
        if (id != null || secret != null) {
            throw new SpotifyException(400, "send the client credentials once: as HTTP Basic or as client_id and"
                    + " client_secret in the form, not both", "invalid_request", Map.of());
        }
        String h = authorization.strip();
        String malformed = "the Authorization header must be Basic base64(client_id:client_secret)";
        if (!h.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new SpotifyException(400, malformed, "invalid_request", Map.of());
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SpotifyException(400, malformed, "invalid_request", Map.of());
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new SpotifyException(400, malformed, "invalid_request", Map.of());
        }
        return new Access.ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT).equals(FORM);
    }
}
