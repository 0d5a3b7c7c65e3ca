package dev.musicmeta.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container image's health check: {@code GET /health} of the server in the same container,
 * exit 0 on 200 and 1 otherwise. The port comes from {@code MMA_ADDR} (default {@code :8080}),
 * which is why the image's documentation sets the port with that variable rather than
 * {@code --addr}. A plain class rather than a subcommand, since nothing but the image runs it, and
 * {@code HttpURLConnection} rather than the HTTP client, which loads twice the classes per check.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 3_000;

    private HealthProbe() {}

    public static void main(String[] args) {
        String addr = System.getenv("MMA_ADDR");
        int status = probe(url(addr == null || addr.isBlank() ? ":8080" : addr));
        if (status != 200) {
            System.err.println("health check: " + (status < 0 ? "no answer" : "status " + status));
        }
        System.exit(status == 200 ? 0 : 1);
    }

    /** {@code /health} at the address the server listens on; a wildcard host is asked on loopback. */
    static URI url(String addr) {
        ListenAddress address = ListenAddress.parse(addr, "MMA_ADDR");
        String host = address.host() == null || address.host().equals("0.0.0.0") ? "127.0.0.1"
                : address.host().equals("::") ? "[::1]"
                : address.host().contains(":") ? "[" + address.host() + "]" : address.host();
        return URI.create("http://" + host + ":" + address.port() + "/health");
    }

    /** The status of a GET of {@code url}, or -1 when nothing answered in time. */
    static int probe(URI url) {
        try {
            HttpURLConnection http = (HttpURLConnection) url.toURL().openConnection();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            try {
                return http.getResponseCode();
            } finally {
                http.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }
}
