package dev.musicmeta.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** An {@link Exchange} on Jetty's core request and response, for {@link CoreRoutes}. */
final class CoreExchange implements Exchange {

    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Responder.JSON);

    private final Request request;
    private final Response response;

    CoreExchange(Request request, Response response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String requestHeader(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public void header(HttpField field) {
        response.getHeaders().put(field);
    }

    @Override
    public void status(int status, String contentType) {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        if (contentType == null) {
            headers.remove(HttpHeader.CONTENT_TYPE);
        } else if (contentType.equals(Responder.JSON)) {
            headers.put(JSON_TYPE);
        } else {
            headers.put(HttpHeader.CONTENT_TYPE, contentType);
        }
    }

    /** Writes and waits: the caller's buffer is reused once this returns. Jetty drops a HEAD's body. */
    @Override
    public void send(byte[] bytes, int length, boolean headersOnly) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(true, headersOnly ? null : ByteBuffer.wrap(bytes, 0, length), written);
            written.block();
        }
    }
}
