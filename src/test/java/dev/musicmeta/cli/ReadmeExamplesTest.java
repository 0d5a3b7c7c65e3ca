package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicmeta.http.ApiClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every {@code curl} of the README answers 200 on a freshly generated demo catalog, as it would on
 * the snapshot: the commands are read out of README.md itself and sent as curl would send them.
 * Those that carry an API key also answer 200 from a server with keys on.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of(System.getProperty("basedir", "."), "README.md");
    private static final String HOST = "localhost:8080";

    /** What a curl command line asks for. */
    record Curl(String line, String method, String target, List<String> headers, String data) {

        boolean keyed() {
            return headers.stream().anyMatch(h -> h.contains("$MMA_KEY"));
        }

        ApiClient.Response send(ApiClient api, String key) {
            List<String> pairs = new ArrayList<>();
            for (String header : headers) {
                int colon = header.indexOf(':');
                pairs.add(header.substring(0, colon).strip());
                pairs.add(header.substring(colon + 1).strip().replace("$MMA_KEY", key));
            }
            HttpRequest.BodyPublisher body = data == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(data);
            return api.send(method, target, body, pairs.toArray(String[]::new));
        }
    }

    @Test
    void everyCurlOfTheReadmeAnswers200OnTheDemo() throws IOException {
        List<Curl> curls = curls();
        assertThat(curls).as("the README's examples").hasSizeGreaterThanOrEqualTo(15);

        for (Curl curl : curls) {
            ApiClient.Response response = curl.send(DemoServer.open(), "no key needed");
            assertThat(response.status()).as(curl.line()).isEqualTo(200);
            if (curl.keyed()) {
                assertThat(curl.send(DemoServer.keyed(), DemoServer.KEY).status()).as("keyed: " + curl.line())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void theExamplesFindWhatTheReadmeSaysTheyFind() throws IOException {
        ApiClient api = DemoServer.open();
        JsonNode bohemian = api.get("/search/track?q=bohemian%20rhap&limit=5").json().path("items");
        assertThat(bohemian.path(0).path("id").asText()).isEqualTo("4u7EnebtmKWzUH433cf5Qv");

        JsonNode yesterday = api.get("/search/track?q=yesterday%20artist:beatles%20year:1960-1969").json().path("items");
        assertThat(yesterday.path(0).path("name").asText()).isEqualTo("Yesterday - Remastered 2009");

        JsonNode beyonce = api.get("/search/artist?q=beyonce").json().path("items");
        assertThat(beyonce.path(0).path("id").asText()).isEqualTo("6vWDO969PvNqNYHIOW5v0m");

        JsonNode both = api.get("/lookup/isrc/gb-arl-93-00135/tracks").json();
        assertThat(StreamSupport.stream(both.spliterator(), false).map(t -> t.path("id").asText()))
                .containsExactly("4uLU6hMCjMI75M1A2tKUQC", "4cOdK2wGLETKBW3PvgPWqT"); // most popular first

        JsonNode batch = api.postJson("/batch/lookup", "{\"isrcs\": [\"GBARL9300135\", \"gb-aye-06-01477\"],"
                + " \"tracks\": [\"spotify:track:4uLU6hMCjMI75M1A2tKUQC\"]}").json();
        assertThat(batch.path("not_found").path("isrcs")).isEmpty();
        assertThat(batch.path("isrcs").path("gb-aye-06-01477").path("id").asText()).isEqualTo("3BQHpFgAp4l80e1XslIjNI");
    }

    @Test
    void theTaggingExampleGivesEveryFieldItsJqProgramReads() throws IOException {
        Curl tagging = curls().stream().filter(c -> c.line().contains("| jq")).findFirst().orElseThrow();
        JsonNode track = tagging.send(DemoServer.open(), "").json();

        // jq -r '[.name, (.artists | map(.name) | join(", ")), .album.name, .album.release_date,
        //         .track_number, .disc_number] | @tsv'
        List<String> row = List.of(track.path("name").asText(),
                String.join(", ", StreamSupport.stream(track.path("artists").spliterator(), false)
                        .map(a -> a.path("name").asText()).toList()),
                track.path("album").path("name").asText(), track.path("album").path("release_date").asText(),
                track.path("track_number").asText(), track.path("disc_number").asText());
        assertThat(row).containsExactly("Bohemian Rhapsody - Remastered 2011", "Queen",
                "A Night At The Opera (2011 Remaster)", "1975-11-21", "11", "1");
        assertThat(Files.readString(README)).contains("(`Bohemian Rhapsody - Remastered 2011`, `Queen`");
        assertThat(track.path("version_title").asText()).isEqualTo("Remastered 2011");
    }

    @Test
    void theReadmeNoLongerAsksForSqlite3() throws IOException {
        assertThat(Files.readString(README)).doesNotContain("sqlite3 ~/").doesNotContain("SELECT id");
    }

    /** The curl commands of the README's sh blocks, continuation lines joined, pipes cut off. */
    static List<Curl> curls() throws IOException {
        List<Curl> curls = new ArrayList<>();
        boolean inSh = false;
        StringBuilder command = new StringBuilder();
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inSh = !inSh && line.equals("```sh");
                continue;
            }
            if (!inSh) {
                continue;
            }
            command.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
            if (line.endsWith("\\")) {
                continue;
            }
            String text = command.toString().strip();
            command.setLength(0);
            if (text.startsWith("curl ") && text.contains(HOST)) {
                curls.add(parse(text));
            }
        }
        return curls;
    }

    private static Curl parse(String line) {
        List<String> words = words(line);
        String method = "GET";
        String target = null;
        String data = null;
        List<String> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "|" -> i = words.size();
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(words.get(++i));
                case "-d" -> {
                    data = words.get(++i);
                    method = method.equals("GET") ? "POST" : method;
                }
                case "-s" -> { }
                default -> {
                    if (!w.contains(HOST)) {
                        throw new AssertionError("README: an unexpected curl argument " + w + " in: " + line);
                    }
                    target = w.substring(w.indexOf(HOST) + HOST.length());
                }
            }
        }
        if (target == null) {
            throw new AssertionError("README: no URL in: " + line);
        }
        return new Curl(line, method, target, headers, data);
    }

    /** Shell words: single and double quotes kept together and removed; no expansion but $MMA_KEY kept. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
