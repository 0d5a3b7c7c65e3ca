package dev.musicmeta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test parser of the Prometheus text format reads what Prometheus reads and refuses what it refuses. */
class PrometheusTextTest {

    private static final String GOOD = """
            # HELP requests_seconds Latency, with a \\\\ and a \\n in its help
            # TYPE requests_seconds histogram
            requests_seconds_bucket{uri="/a/{id}",le="0.1"} 1
            requests_seconds_bucket{uri="/a/{id}",le="+Inf"} 3
            requests_seconds_count{uri="/a/{id}"} 3
            requests_seconds_sum{uri="/a/{id}"} 0.75
            # TYPE up gauge
            up{job="x \\"quoted\\"\\\\ \\n",} 1 1700000000000
            # a comment
            nan_gauge NaN
            """;

    @Test
    void aWellFormedScrapeIsReadWithEscapesAndSpecialValues() {
        PrometheusText text = PrometheusText.parse(GOOD);

        assertThat(text.family("requests_seconds").type()).isEqualTo("histogram");
        assertThat(text.family("requests_seconds").help()).isEqualTo("Latency, with a \\ and a \n in its help");
        assertThat(text.value("requests_seconds_count", Map.of("uri", "/a/{id}"))).isEqualTo(3.0);
        assertThat(text.value("up", Map.of("job", "x \"quoted\"\\ \n"))).isEqualTo(1.0);
        assertThat(text.value("nan_gauge", Map.of())).isNaN();
        assertThat(text.family("nan_gauge").type()).isEqualTo("untyped");
    }

    @Test
    void whatPrometheusRefusesIsRefused() {
        Map<String, String> refused = Map.of(
                "a series twice", "x 1\nx 2\n",
                "a TYPE after samples", "x 1\n# TYPE x gauge\n",
                "a second TYPE", "# TYPE x gauge\n# TYPE x counter\nx 1\n",
                "a family split in two", "# TYPE x gauge\nx{a=\"1\"} 1\n# TYPE y gauge\ny 1\nx{a=\"2\"} 2\n",
                "a bad escape", "x{a=\"\\t\"} 1\n",
                "an unquoted label value", "x{a=1} 1\n",
                "a bad value", "x one\n",
                "buckets that are not cumulative",
                "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\nh_sum 1\n",
                "a +Inf bucket that is not the count",
                "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 1\nh_sum 1\n",
                "a bad metric name", "1x 1\n");

        refused.forEach((what, text) -> assertThatThrownBy(() -> PrometheusText.parse(text)).as(what)
                .isInstanceOf(IllegalArgumentException.class));
    }
}
