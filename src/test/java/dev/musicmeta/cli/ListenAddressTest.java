package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --addr [HOST]:PORT} as Go's net.Listen reads it. */
class ListenAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        ":8080          | null      | 8080 | localhost",
        ":0             | null      | 0    | localhost",
        "127.0.0.1:9000 | 127.0.0.1 | 9000 | 127.0.0.1",
        "[::1]:80       | ::1       | 80   | [::1]",
        "0.0.0.0:1      | 0.0.0.0   | 1    | localhost",
        "myhost:65535   | myhost    | 65535| myhost"})
    void parsesHostAndPort(String text, String host, int port, String display) {
        ListenAddress a = ListenAddress.parse(text);

        assertThat(a.host()).isEqualTo(host);
        assertThat(a.port()).isEqualTo(port);
        assertThat(a.displayHost()).isEqualTo(display);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8080", "localhost", ":", ":65536", ":-1", ":80x", "::1:80", "host:"})
    void rejectsWhatIsNotHostColonPort(String text) {
        assertThatThrownBy(() -> ListenAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--addr");
    }
}
