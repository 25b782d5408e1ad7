package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {

    /** A load balancer network, a CDN edge block and local IPv6. */
    private static final TrustedProxies TRUSTED = TrustedProxies.parse("10.0.0.0/8, 2001:db8:ffff::/48 ::1");
    private static final TrustedProxies TRUSTED_RFC7239 = TRUSTED.withHeader(ForwardingHeader.FORWARDED);

    /** Header lines are separated by '~' in the tables; 'NONE' means the header is absent. */
    private static List<String> lines(String cell) {
        if (cell == null || cell.equals("NONE")) {
            return List.of();
        }
        return Arrays.asList(cell.split("~", -1));
    }

    @ParameterizedTest(name = "[{index}] peer {0}, XFF <{1}> -> {2}")
    @CsvSource(delimiter = '|', value = {
        // untrusted peer: headers are spoofable and ignored
        "198.51.100.7 | 203.0.113.9                          | 198.51.100.7",
        "198.51.100.7 | 10.0.0.1, 203.0.113.9               | 198.51.100.7",
        // trusted peer: walk right to left, skip trusted hops
        "10.0.0.2     | 203.0.113.9                          | 203.0.113.9",
        "10.0.0.2     | 203.0.113.9, 10.1.1.1                | 203.0.113.9",
        "10.0.0.2     | 192.0.2.66, 203.0.113.9, 10.1.1.1    | 203.0.113.9",
        // a client that spoofs XFF: its forged entry sits left of the real address and is never reached
        "10.0.0.2     | 10.9.9.9, 198.51.100.1               | 198.51.100.1",
        "10.0.0.2     | 1.2.3.4, 5.6.7.8, 198.51.100.1        | 198.51.100.1",
        // several header lines form one list, in order
        "10.0.0.2     | 192.0.2.66~203.0.113.9, 10.3.3.3     | 203.0.113.9",
        // all hops trusted: the leftmost is the client
        "10.0.0.2     | 10.0.0.7, 10.0.0.8                   | 10.0.0.7",
        // ports and brackets
        "10.0.0.2     | 203.0.113.9:51234                    | 203.0.113.9",
        "10.0.0.2     | [2001:db8:1::5]:443                  | 2001:db8:1::5",
        "10.0.0.2     | 2001:db8:1::5                        | 2001:db8:1::5",
        // a non-address hop stops the walk (cannot be checked); masking turns it into '-'
        "10.0.0.2     | 203.0.113.9, unknown                 | unknown",
        "10.0.0.2     | 203.0.113.9, evil.example, 10.0.0.3  | evil.example",
        // empty elements and absent header
        "10.0.0.2     | ' , 203.0.113.9 , '                  | 203.0.113.9",
        "10.0.0.2     | NONE                                 | 10.0.0.2",
        "10.0.0.2     | ''                                   | 10.0.0.2",
        // IPv6 and mapped peers
        "::1          | 203.0.113.9                          | 203.0.113.9",
        "::ffff:10.0.0.2 | 203.0.113.9                       | 203.0.113.9",
        "[::1]        | 203.0.113.9                          | 203.0.113.9",
        "2001:db8:ffff:1::9 | 2001:db8:2::1, 2001:db8:ffff::1 | 2001:db8:2::1",
        "2001:db9::1  | 203.0.113.9                          | 2001:db9::1",
    })
    void resolvesXForwardedForOnlyThroughTrustedProxies(String peer, String xff, String expected) {
        assertEquals(expected, ClientAddress.resolve(peer, lines(xff), List.of(), TRUSTED));
    }

    @ParameterizedTest(name = "[{index}] peer {0}, Forwarded <{1}> -> {2}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.2     | for=203.0.113.9                                   | 203.0.113.9",
        "10.0.0.2     | for=\"203.0.113.9:4711\"                          | 203.0.113.9",
        "10.0.0.2     | For=\"[2001:db8:cafe::17]:4711\"                  | 2001:db8:cafe::17",
        "10.0.0.2     | for=\"[2001:db8:cafe::17]\"                       | 2001:db8:cafe::17",
        "10.0.0.2     | for=192.0.2.43, for=198.51.100.17;by=10.0.0.2     | 198.51.100.17",
        "10.0.0.2     | for=192.0.2.43;proto=https;by=203.0.113.43        | 192.0.2.43",
        "10.0.0.2     | proto=http; for=192.0.2.60 ;host=example.com      | 192.0.2.60",
        "10.0.0.2     | for=198.51.100.17, for=10.1.2.3                   | 198.51.100.17",
        "10.0.0.2     | for=198.51.100.17~for=10.1.2.3                    | 198.51.100.17",
        "10.0.0.2     | for=\"\\\"quoted\\\"\", for=192.0.2.1             | 192.0.2.1",
        // unknown and obfuscated nodes stop the walk
        "10.0.0.2     | for=192.0.2.43, for=unknown                       | unknown",
        "10.0.0.2     | for=192.0.2.43, for=_hidden, for=10.0.0.9         | _hidden",
        "10.0.0.2     | for=\"_SEVKISEK:_port\"                           | _SEVKISEK:_port",
        // an element without for= or a malformed one is an unknown hop
        "10.0.0.2     | for=192.0.2.43, by=10.0.0.1                       | unknown",
        "10.0.0.2     | for=192.0.2.43, garbage                           | unknown",
        "10.0.0.2     | for=\"192.0.2.43                                  | unknown",
        "10.0.0.2     | for=192.0.2.43;for=192.0.2.44                     | unknown",
        // untrusted peer: ignored
        "203.0.113.50 | for=10.0.0.1                                      | 203.0.113.50",
    })
    void resolvesRfc7239ForwardedOnlyThroughTrustedProxies(String peer, String forwarded, String expected) {
        assertEquals(expected, ClientAddress.resolve(peer, List.of(), lines(forwarded), TRUSTED_RFC7239));
    }

    @Test
    void readsOnlyTheHeaderTheProxiesWriteSoTheOtherCannotBeSpoofed() {
        // the proxy appends to X-Forwarded-For and passes the client's own Forwarded header through
        assertEquals("198.51.100.1", ClientAddress.resolve("10.0.0.2", List.of("198.51.100.1"),
                List.of("for=192.0.2.1"), TRUSTED));
        // the proxy writes Forwarded and passes the client's own X-Forwarded-For through
        assertEquals("192.0.2.1", ClientAddress.resolve("10.0.0.2", List.of("198.51.100.1"),
                List.of("for=192.0.2.1"), TRUSTED_RFC7239));
        // the configured header is absent: the peer is the client
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", List.of("198.51.100.1"), List.of(),
                TRUSTED_RFC7239));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", List.of(), List.of("for=192.0.2.1"), TRUSTED));
    }

    @Test
    void parsesTheForwardingHeaderSetting() {
        assertEquals(ForwardingHeader.X_FORWARDED_FOR, ForwardingHeader.parse(null));
        assertEquals(ForwardingHeader.X_FORWARDED_FOR, ForwardingHeader.parse(" x-forwarded-for "));
        assertEquals(ForwardingHeader.FORWARDED, ForwardingHeader.parse("Forwarded"));
        assertThrows(IllegalArgumentException.class, () -> ForwardingHeader.parse("X-Real-IP"));
        assertThrows(IllegalArgumentException.class, () -> ForwardingHeader.parse(""));
        assertEquals(ForwardingHeader.X_FORWARDED_FOR, TrustedProxies.parse("10.0.0.0/8").header());
        assertEquals(ForwardingHeader.FORWARDED, TRUSTED_RFC7239.header());
    }

    @Test
    void ignoresHeadersWhenNoProxyIsTrusted() {
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", List.of("203.0.113.9"),
                List.of("for=203.0.113.9"), TrustedProxies.none()));
    }

    @Test
    void toleratesNullEverywhere() {
        assertEquals(null, ClientAddress.resolve(null, null, null, TRUSTED));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", null, null, TRUSTED));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", null, null, TRUSTED_RFC7239));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", null, Arrays.asList((String) null),
                TRUSTED_RFC7239));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", Arrays.asList((String) null), null, TRUSTED));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", List.of(), List.of(), null));
    }

    @Test
    void spoofedChainFromAnUntrustedPeerNeverReachesTheLog() {
        for (TrustedProxies t : List.of(TRUSTED, TRUSTED_RFC7239)) {
            String client = ClientAddress.resolve("198.51.100.200", List.of("127.0.0.1, 10.0.0.1"),
                    List.of("for=127.0.0.1"), t);
            assertEquals("198.51.100.0", IpMask.defaults().mask(client));
        }
    }

    @ParameterizedTest(name = "[{index}] {0} contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/8                | 10.255.1.2           | true",
        "10.0.0.0/8                | 11.0.0.1             | false",
        "10.1.2.3/8                | 10.200.0.1           | true",
        "192.168.1.10              | 192.168.1.10         | true",
        "192.168.1.10              | 192.168.1.11         | false",
        "0.0.0.0/0                 | 8.8.8.8              | true",
        "0.0.0.0/0                 | ::1                  | false",
        "::/0                      | 2001:db8::1          | true",
        "::/0                      | 8.8.8.8              | false",
        "10.0.0.0/8                | ::ffff:10.1.1.1      | true",
        "::ffff:10.0.0.0/104       | 10.1.1.1             | true",
        "fd00::/8                  | fdab::1%eth0         | true",
        "fd00::/8                  | fe80::1              | false",
        "2001:db8::/32             | [2001:db8::1]        | true",
        "10.0.0.0/8                | unknown              | false",
        "10.0.0.0/8                | ''                   | false",
    })
    void matchesCidrBlocks(String list, String address, boolean expected) {
        assertEquals(expected, TrustedProxies.parse(list).contains(address));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0/8", "[::1]", "fe80::1%eth0",
        "::ffff:10.0.0.0/64", "10.0.0.0/8, proxy.internal",
    })
    void rejectsInvalidTrustedProxyEntries(String list) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(list));
        assertTrue(e.getMessage().contains("trusted proxy"), e.getMessage());
    }

    @Test
    void printsCanonicalBlocksThatParseBack() {
        TrustedProxies p = TrustedProxies.parse("10.1.2.3/8,  ::1 2001:DB8::/32");
        assertEquals("10.0.0.0/8,::1/128,2001:db8::/32", p.toString());
        assertEquals(p.toString(), TrustedProxies.parse(p.toString()).toString());
        assertTrue(TrustedProxies.parse("  ").isEmpty());
        assertFalse(p.isEmpty());
    }
}
