package dev.musicmeta.http;

import dev.musicmeta.http.spotify.ErrorShape;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (malformed request line or URL, headers too large, failures below the
 * API) as problem documents instead of HTML pages (on the Spotify-compatible surface, its own
 * error object). The detail is chosen by status alone: nothing from the request or from an
 * exception is echoed.
 *
 * <p>505, which Jetty's parser gives for any request line whose version it cannot read
 * ({@code HTP/1.1}, {@code HTTP/1.2}, none, a raw line feed in the target), is a client fault
 * and answered 400.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) {
            status = e.getCode();
        }
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            status = HttpStatus.BAD_REQUEST_400;
        }
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        send(request, response, callback, status, ProblemDocument.defaultDetail(status), Map.of());
        return true;
    }

    /**
     * Answers an error through Jetty's core API, for answers made below Javalin: a problem document
     * of the status's type (on the Spotify-compatible surface its error object) saying
     * {@code detail}, never cached, readable from any origin, with the request id.
     */
    static void send(Request request, Response response, Callback callback, int status, String detail,
            Map<String, String> headers) {
        response.setStatus(status);
        HttpFields.Mutable fields = response.getHeaders();
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        Cors.allowAnyOrigin(fields);
        fields.put(RequestIds.HEADER, RequestIds.of(request));
        headers.forEach(fields::put);
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return;
        }
        HttpURI uri = request.getHttpURI();
        ErrorShape shape = ErrorShape.forPath(uri == null ? null : uri.getPath());
        byte[] body = shape == null ? ProblemDocument.forStatus(status, detail) : shape.json(status, detail, null);
        fields.put(HttpHeader.CONTENT_TYPE, shape == null ? Responder.PROBLEM_JSON : ErrorShape.CONTENT_TYPE);
        fields.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
