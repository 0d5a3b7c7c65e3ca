package dev.musicmeta.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (malformed request line or URL, headers too large, requests during
 * shutdown, ...) as problem documents instead of HTML pages. The detail is chosen by status
 * alone: nothing from the request or from an exception is echoed.
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
        byte[] body = ProblemDocument.forStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responder.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
