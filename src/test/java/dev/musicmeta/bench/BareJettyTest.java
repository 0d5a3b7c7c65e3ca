package dev.musicmeta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The baseline of bench/run.sh answers as our /health does, on the Jetty the service runs on. */
class BareJettyTest {

    @ParameterizedTest(name = "non-blocking: {0}")
    @ValueSource(booleans = {false, true})
    void answersStatusOkAsJsonOnAnyPath(boolean nonBlocking) throws Exception {
        Server server = BareJetty.start("127.0.0.1", 0, nonBlocking);
        try {
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/health", "/anything"}) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
                assertThat(server.getInvocationType().name()).isEqualTo(nonBlocking ? "NON_BLOCKING" : "BLOCKING");
            }
            assertThat(Server.getVersion()).as("the Jetty of Javalin's dependencies").startsWith("12.");
        } finally {
            server.stop();
        }
    }
}
