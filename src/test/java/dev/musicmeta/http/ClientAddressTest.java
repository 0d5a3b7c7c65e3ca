package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who a request comes from: the peer, or behind trusted proxies the first address from the right
 * of X-Forwarded-For (else Forwarded) that is not a trusted proxy. Addresses are IP literals,
 * parsed by hand; anything else is junk, never a host name to look up.
 */
class ClientAddressTest {

    private static final String PEER = "10.0.0.1";

    private static List<String> headers(String value) {
        return value == null ? List.of() : List.of(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                                    | false | 10.0.0.1",
        "203.0.113.7                         | false | 10.0.0.1",
        "203.0.113.7                         | true  | 203.0.113.7",
        "1.2.3.4, 203.0.113.7                | true  | 203.0.113.7",
        "1.2.3.4,203.0.113.7:8080            | true  | 203.0.113.7",
        "[2001:db8::1]:443                   | true  | 2001:db8:0:0:0:0:0:1",
        "[2001:db8::1]                       | true  | 2001:db8:0:0:0:0:0:1",
        "2001:DB8:0::1                       | true  | 2001:db8:0:0:0:0:0:1",
        "::ffff:198.51.100.2                 | true  | 198.51.100.2",
        "unknown                             | true  | 10.0.0.1",
        "1.2.3.4, _hidden                    | true  | 10.0.0.1",
        "256.1.1.1                           | true  | 10.0.0.1",
        "01.2.3.4                            | true  | 10.0.0.1",
        "example.com                         | true  | 10.0.0.1",
        "1.2.3.4,                            | true  | 10.0.0.1",
        ".9::7                               | true  | 10.0.0.1",
        "1::2::3                             | true  | 10.0.0.1",
        "fe80::1%eth0                        | true  | 10.0.0.1",
        "[1.2.3.4]                           | true  | 10.0.0.1",
        "1.2.3.4:99999x                      | true  | 10.0.0.1"})
    void withTheBareFlagTheClientIsTheLastForwardedAddress(String forwardedFor, boolean trust, String client) {
        TrustedProxies proxies = trust ? TrustedProxies.PEER : TrustedProxies.NONE;

        assertThat(ClientAddress.resolve(PEER, headers(forwardedFor), List.of(), proxies)).isEqualTo(client);
    }

    @Test
    void theLastOfSeveralForwardedForHeadersCounts() {
        assertThat(ClientAddress.resolve(PEER, List.of("1.1.1.1", "2.2.2.2, 3.3.3.3"), List.of(), TrustedProxies.PEER))
                .isEqualTo("3.3.3.3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // peer      | X-Forwarded-For                          | client
        "10.0.0.1    | 203.0.113.7                              | 203.0.113.7",
        "10.0.0.1    | 1.1.1.1, 203.0.113.7, 10.9.9.9           | 203.0.113.7",
        "10.0.0.1    | 203.0.113.7, 10.1.1.1, 10.2.2.2          | 203.0.113.7",
        "10.0.0.1    | 10.3.3.3, 10.4.4.4                       | 10.3.3.3",
        "10.0.0.1    | 1.1.1.1, unknown, 10.1.1.1               | 10.1.1.1",
        "10.0.0.1    | 1.1.1.1, 198.51.100.7                    | 1.1.1.1",
        "10.0.0.1    | 2001:db8::5, 2001:db8:0:0:1::1           | 2001:db8:0:0:0:0:0:5",
        "10.0.0.1    | 2001:db9::5                              | 2001:db9:0:0:0:0:0:5",
        "198.51.100.9| 203.0.113.7                              | 203.0.113.7",
        "203.0.113.50| 1.1.1.1                                  | 203.0.113.50",
        "10.0.0.1    |                                          | 10.0.0.1"})
    void withBlocksTheClientIsTheFirstUntrustedAddressFromTheRight(String peer, String forwardedFor, String client) {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 198.51.100.0/24, 2001:db8::/64");

        assertThat(ClientAddress.resolve(peer, headers(forwardedFor), List.of(), proxies)).isEqualTo(client);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "for=192.0.2.60;proto=http;by=203.0.113.43                | 192.0.2.60",
        "for=\"[2001:db8:cafe::17]:4711\"                          | 2001:db8:cafe:0:0:0:0:17",
        "For=\"192.0.2.43:47011\"                                  | 192.0.2.43",
        "for=192.0.2.43, for=198.51.100.17                         | 192.0.2.43",
        "for=192.0.2.43, for=198.51.100.17;by=10.0.0.1, for=10.2.3.4 | 192.0.2.43",
        "proto=https;for=192.0.2.8                                 | 192.0.2.8",
        "for=unknown                                               | 10.0.0.1",
        "for=_hidden, for=192.0.2.1                                | 192.0.2.1",
        "for=192.0.2.1, by=10.0.0.1                                | 10.0.0.1",
        "for=\"_gazonk\"                                           | 10.0.0.1"})
    void withoutForwardedForTheForValuesOfForwardedCount(String forwarded, String client) {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8,198.51.100.0/24");

        assertThat(ClientAddress.resolve(PEER, List.of(), List.of(forwarded), proxies)).isEqualTo(client);
    }

    @Test
    void forwardedForIsPreferredWhenBothAreSent() {
        assertThat(ClientAddress.resolve(PEER, List.of("203.0.113.7"), List.of("for=192.0.2.1"), TrustedProxies.PEER))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void severalForwardedHeadersAreOneList() {
        assertThat(ClientAddress.forwardedFor(List.of("for=1.1.1.1", "for=2.2.2.2;proto=http, for=\"[::1]\"")))
                .containsExactly("1.1.1.1", "2.2.2.2", "[::1]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.0.2.1         | 192.0.2.1",
        "0.0.0.0           | 0.0.0.0",
        "255.255.255.255   | 255.255.255.255",
        "::                | 0:0:0:0:0:0:0:0",
        "::1               | 0:0:0:0:0:0:0:1",
        "1::               | 1:0:0:0:0:0:0:0",
        "1:2:3:4:5:6:7:8   | 1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::   | 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8   | 0:2:3:4:5:6:7:8",
        "ABCD:ef01::       | abcd:ef01:0:0:0:0:0:0",
        "::192.0.2.1       | 0:0:0:0:0:0:c000:201",
        "::ffff:192.0.2.1  | 192.0.2.1",
        "64:ff9b::192.0.2.1 | 64:ff9b:0:0:0:0:c000:201"})
    void literalsParse(String literal, String canonical) {
        assertThat(IpAddresses.parse(literal).getHostAddress()).isEqualTo(canonical);
    }

    @Test
    void anythingElseIsRefusedWithoutALookup() {
        for (String junk : List.of("", "localhost", "example.com", ".9::7", "9::7.", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
                ":1::2", "1::2:", "1:::2", "12345::", "::g", "1.2.3", "1.2.3.4.5", "1.2.3.256", "1.2.3.-1", "01.2.3.4",
                "1.2.3.4 ", " 1.2.3.4", "١.٢.٣.٤", "１.２.３.４", "::１", "fe80::1%1", "::1.2.3.4:5", "1.2.3.4::",
                "::ffff:1.2.3", "a".repeat(50))) {
            assertThat(IpAddresses.parse(junk)).as(junk).isNull();
        }
    }

    @Test
    void theTrustProxyValueIsNoneThePeerOrBlocks() {
        for (String none : List.of("", "false", "OFF", "no", "0")) {
            assertThat(TrustedProxies.parse(none)).as(none).isSameAs(TrustedProxies.NONE);
        }
        for (String peer : List.of("true", "On", "yes", "1")) {
            assertThat(TrustedProxies.parse(peer)).as(peer).isSameAs(TrustedProxies.PEER);
        }
        TrustedProxies blocks = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, 2001:db8::/32, 172.16.0.0/12");

        assertThat(blocks.enabled()).isTrue();
        for (String inside : List.of("10.255.0.1", "192.168.1.7", "2001:db8:ffff::1", "172.31.255.255")) {
            assertThat(blocks.trustsPeer(IpAddresses.parse(inside))).as(inside).isTrue();
        }
        for (String outside : List.of("11.0.0.1", "192.168.1.8", "2001:db9::1", "172.32.0.0", "::ffff:11.0.0.1")) {
            assertThat(blocks.trustsPeer(IpAddresses.parse(outside))).as(outside).isFalse();
        }
    }

    @Test
    void aBlockThatIsNotALiteralIsRefusedNamingIt() {
        for (String bad : Arrays.asList("proxy.internal", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1",
                "10.0.0.0/8,,10.1.0.0/16", "10.0.0/8")) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--trust-proxy");
        }
    }
}
