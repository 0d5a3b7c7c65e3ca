package dev.musicmeta.http;

import dev.musicmeta.http.spotify.ErrorShape;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (malformed request line or URL, headers too large, requests during
 * shutdown, ...) as problem documents instead of HTML pages (on the Spotify-compatible surface,
 * its own error object). The detail is chosen by status alone: nothing from the request or from an
 * exception is echoed.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) {
            status = e.getCode();
            response.setStatus(status);
        }
        if (status < 400) {
            status = 500;
            response.setStatus(status);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Cors.allowAnyOrigin(response.getHeaders());
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        HttpURI uri = request.getHttpURI();
        ErrorShape shape = ErrorShape.forPath(uri == null ? null : uri.getPath());
        byte[] body = shape == null ? ProblemDocument.forStatus(status)
                : shape.json(status, ProblemDocument.defaultDetail(status), null);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                shape == null ? Responder.PROBLEM_JSON : ErrorShape.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
