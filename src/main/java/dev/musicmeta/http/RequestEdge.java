package dev.musicmeta.http;

import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every request goes through before the routes, below Javalin: its id ({@link RequestIds}),
 * put on whatever answers it (a route's, a problem document, Jetty's own error page) as the
 * answer is committed, so that resetting a response cannot lose it; a check of the path's
 * percent-encoding; and its body read whole, without a thread, within the body deadline
 * ({@link BodyReader}).
 */
final class RequestEdge extends Handler.Wrapper {

    private final Duration bodyTimeout;

    RequestEdge(Duration bodyTimeout) {
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = RequestIds.of(request);
        request.addHttpStreamWrapper(stream -> new HttpStream.Wrapper(stream) {
            @Override
            public void prepareResponse(HttpFields.Mutable headers) {
                super.prepareResponse(headers);
                headers.put(RequestIds.HEADER, id);
            }
        });
        String path = request.getHttpURI().getPath();
        if (!isPercentEncoded(path)) {
            ProblemErrorHandler.send(request, response, callback, HttpStatus.BAD_REQUEST_400,
                    "the path is not valid percent-encoding: every % must be followed by two hex digits (write %"
                            + " itself as %25)", Map.of());
            return true;
        }
        if (!hasBody(request)) {
            return super.handle(request, response, callback);
        }
        new BodyReader(request, response, callback, getHandler(), bodyTimeout).start();
        return true;
    }

    /** Whether every {@code %} is followed by two hex digits (URL decoders throw on anything else). */
    static boolean isPercentEncoded(String path) {
        if (path == null) {
            return true;
        }
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || !isHex(path.charAt(i + 1)) || !isHex(path.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** HTTP/1.1 framing: a request has a body when it declares a length over 0 or a transfer coding. */
    private static boolean hasBody(Request request) {
        HttpFields headers = request.getHeaders();
        return headers.contains(HttpHeader.TRANSFER_ENCODING) || headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0;
    }
}
