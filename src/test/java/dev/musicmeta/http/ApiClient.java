package dev.musicmeta.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Talks HTTP to a running server and passes every response through {@link OpenApiValidator}
 * before a test sees it. {@link #raw} sends bytes the JDK client refuses to send.
 */
public final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;

    public ApiClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** A validated response; {@code body} is decoded from gzip when it was sent compressed. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, byte[] wireBody) {

        public String header(String name) {
            return OpenApiValidator.first(headers, name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The problem document's type. */
        String problemType() {
            return json().path("type").asText();
        }
    }

    public Response get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, HttpRequest.BodyPublishers.noBody(), headers);
    }

    Response head(String pathAndQuery, String... headers) {
        return send("HEAD", pathAndQuery, HttpRequest.BodyPublishers.noBody(), headers);
    }

    public Response postJson(String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json), all);
    }

    public Response send(String method, String pathAndQuery, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> res;
        try {
            res = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, List<String>> lower = new LinkedHashMap<>();
        res.headers().map().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return validated(method, res.uri().getRawPath(), res.statusCode(), lower, res.body());
    }

    /**
     * Sends {@code request} as it is over a fresh socket (add {@code Connection: close}) and
     * reads the answer up to Content-Length or the end of the stream.
     */
    Response raw(String request) {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    Response raw(byte[] request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            String requestLine = new String(request, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
            String[] parts = requestLine.split(" ");
            String method = parts.length > 0 ? parts[0] : "";
            String target = parts.length > 1 ? parts[1] : "/";
            return read(socket.getInputStream(), method, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one validated response to {@code method target} from a connection: the head, then the
     * body up to Content-Length (none for HEAD, 204 and 304), else to the end of the stream.
     */
    static Response read(InputStream in, String method, String target) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        String length = OpenApiValidator.first(headers, "content-length");
        boolean noBody = status == 304 || status == 204 || method.equals("HEAD");
        byte[] body = noBody ? new byte[0] : length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        int q = target.indexOf('?');
        return validated(method, q < 0 ? target : target.substring(0, q), status, headers, body);
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the end of the response head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String s = head.toString(StandardCharsets.ISO_8859_1);
        return s.substring(0, s.length() - 4);
    }

    private static Response validated(String method, String path, int status, Map<String, List<String>> headers,
            byte[] wire) {
        byte[] body = wire;
        if ("gzip".equalsIgnoreCase(OpenApiValidator.first(headers, "content-encoding")) && wire.length > 0) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + ": the gzip body does not decompress", e);
            }
        }
        OpenApiValidator.INSTANCE.validate(method, path, status, headers, body);
        return new Response(status, headers, body, wire);
    }
}
