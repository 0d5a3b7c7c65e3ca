package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pieces under the server: entity tags, gzip, the rate limiter. */
class HttpPartsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"t\"                 | true",
        "W/\"t\"               | true",
        "\"a\", \"t\"          | true",
        "\"a\",W/\"t\"         | true",
        "*                     | true",
        "\"a\", \"b\"          | false",
        "\"t-x\"               | false",
        "t                     | false",
        "\"a\", junk, \"t\"    | false",
        "\"unterminated        | false"})
    void ifNoneMatchComparesWeaklyAndStopsAtJunk(String header, boolean matches) {
        assertThat(ETags.noneMatchMatches(header, "\"t\"")).isEqualTo(matches);
    }

    @Test
    void tagsFollowTheBytesAndTheGzipTagDiffers() {
        byte[] a = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);

        assertThat(ETags.of(a, a.length)).isEqualTo(ETags.of(a.clone(), a.length)).isNotEqualTo(ETags.of(b, b.length));
        assertThat(ETags.gzip("\"x\"")).isEqualTo("\"x--gzip\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gzip                  | true",
        "GZIP;q=0.5            | true",
        "br, gzip              | true",
        "x-gzip                | true",
        "*                     | true",
        "gzip;q=0              | false",
        "gzip;q=0.0, *         | false",
        "*;q=0                 | false",
        "br, deflate           | false",
        "identity              | false",
        "gzip;q=oops           | false"})
    void acceptEncodingIsReadWithItsQualityValues(String header, boolean accepted) {
        assertThat(Gzip.accepted(header)).isEqualTo(accepted);
    }

    @Test
    void gzipRoundTripsWithAReusedDeflater() throws IOException {
        Random random = new Random(7);
        for (int size : List.of(0, 1, 1025, 200_000)) {
            byte[] in = new byte[size];
            for (int i = 0; i < size; i++) {
                in[i] = (byte) ('a' + random.nextInt(6));
            }
            ResponseBuffer out = new ResponseBuffer(16);
            Gzip.compress(in, in.length, out);
            byte[] back = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes();
            assertThat(back).isEqualTo(in);
        }
    }

    @Test
    void aThreadKeepsNoLargeBodyBufferOnceTheAnswerIsSent() {
        ResponseBuffer large = ResponseBuffer.acquire();
        large.write(new byte[700_000], 0, 700_000);
        assertThat(large.capacity()).isGreaterThan(ResponseBuffer.RETAINED_CAPACITY);
        large.release();
        assertThat(large.capacity()).isLessThanOrEqualTo(ResponseBuffer.RETAINED_CAPACITY);

        ResponseBuffer next = ResponseBuffer.acquire();
        assertThat(next).isSameAs(large);
        assertThat(next.size()).isZero();
        next.release();
    }

    @Test
    void aLimitedClientWaitsWholeSecondsAndOthersAreUnaffected() {
        RateLimit limit = new RateLimit(1, 2);

        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isGreaterThanOrEqualTo(1);
        assertThat(limit.acquire("b")).isZero();
    }

    @Test
    void bucketsAreBoundedWhateverTheNumberOfClients() {
        RateLimit limit = new RateLimit(100, 200);
        for (int i = 0; i < RateLimit.MAX_CLIENTS + 5_000; i++) {
            limit.acquire("client-" + i);
        }

        assertThat(limit.size()).isLessThanOrEqualTo(RateLimit.MAX_CLIENTS);
    }

    @Test
    void zeroRateOrBurstTurnsTheLimitOff() {
        assertThat(new RateLimit(0, 200).enabled()).isFalse();
        assertThat(new RateLimit(100, 0).enabled()).isFalse();
        assertThat(new RateLimit(0, 0).acquire("a")).isZero();
    }
}
