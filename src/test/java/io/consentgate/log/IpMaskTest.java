package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IpMaskTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // IPv4 /24
        "203.0.113.77                       | 203.0.113.0",
        "127.0.0.1                          | 127.0.0.0",
        "0.0.0.0                            | 0.0.0.0",
        "255.255.255.255                    | 255.255.255.0",
        "' 198.51.100.9 '                   | 198.51.100.0",
        // IPv6 /48, RFC 5952 output
        "2001:db8:abcd:12::1                | 2001:db8:abcd::",
        "2001:DB8:ABCD:0012:0000:0000:0000:0001 | 2001:db8:abcd::",
        "::1                                | ::",
        "::                                 | ::",
        "1::                                | 1::",
        "2001:db8:1:2:3:4:5:6               | 2001:db8:1::",
        // IPv4-mapped IPv6 is treated as IPv4
        "::ffff:203.0.113.77                | 203.0.113.0",
        "::FFFF:cb00:714d                   | 203.0.113.0",
        "[::ffff:192.0.2.200]               | 192.0.2.0",
        "0:0:0:0:0:ffff:10.1.2.3            | 10.1.2.0",
        // IPv4-compatible (deprecated) and NAT64 stay IPv6
        "::192.0.2.1                        | ::",
        "64:ff9b::192.0.2.1                 | 64:ff9b::",
        // zone ids and brackets
        "fe80::1%eth0                       | fe80::",
        "fe80::abcd:1%25                    | fe80::",
        "[2001:db8:7::1]                    | 2001:db8:7::",
        "[2001:db8:7::1]:443                | 2001:db8:7::",
        "[::1]                              | ::",
    })
    void masksWithTheDefaultPrefixes(String address, String expected) {
        assertEquals(expected, IpMask.defaults().mask(address));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL", "''", "'   '", "localhost", "example.com", "unknown", "_hidden", "_SEVKISEK",
        "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1.2.3.-1", "1..2.3", ".1.2.3", "1.2.3.4.",
        "1.2.3.4:80", "0x7f.0.0.1", "2130706433", "1.2.3.4/24",
        ":::", "1::2::3", "12345::", "g::1", ":1::", "1:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7", "::ffff:1.2.3", "::ffff:1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4",
        "[::1", "::1]", "[::1]x", "[::1]:", "[::1]:123456", "[1.2.3.4]x", "%eth0", "[]",
        "\u0661.\u0662.\u0663.\u0664", "1.2.3.4 5",
    })
    void turnsAnythingThatIsNotAnAddressIntoADash(String garbage) {
        String masked = IpMask.defaults().mask(garbage);
        assertEquals("-", masked, () -> "input '" + garbage + "'");
    }

    @Test
    void ignoresAnEmptyZoneIdAfterAnIpv6Address() {
        assertEquals("fe80::", IpMask.defaults().mask("fe80::1%"));
    }

    static Stream<Arguments> bitCountBoundaries() {
        String v4 = "255.255.255.255";
        String v6 = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
        return Stream.of(
                Arguments.of(0, 128, v4, "0.0.0.0"),
                Arguments.of(1, 128, v4, "128.0.0.0"),
                Arguments.of(8, 128, v4, "255.0.0.0"),
                Arguments.of(24, 128, v4, "255.255.255.0"),
                Arguments.of(31, 128, v4, "255.255.255.254"),
                Arguments.of(32, 128, v4, "255.255.255.255"),
                Arguments.of(32, 0, v6, "::"),
                Arguments.of(32, 1, v6, "8000::"),
                Arguments.of(32, 8, v6, "ff00::"),
                Arguments.of(32, 24, v6, "ffff:ff00::"),
                Arguments.of(32, 32, v6, "ffff:ffff::"),
                Arguments.of(32, 48, v6, "ffff:ffff:ffff::"),
                Arguments.of(32, 64, v6, "ffff:ffff:ffff:ffff::"),
                Arguments.of(32, 112, v6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:0"),
                Arguments.of(32, 127, v6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"),
                Arguments.of(32, 128, v6, v6),
                Arguments.of(24, 48, "::ffff:255.255.255.255", "255.255.255.0"),
                Arguments.of(0, 0, "::ffff:10.0.0.1", "0.0.0.0"));
    }

    @ParameterizedTest(name = "[{index}] v4={0},v6={1}: {2} -> {3}")
    @MethodSource("bitCountBoundaries")
    void keepsExactlyTheConfiguredNumberOfBits(int v4Bits, int v6Bits, String address, String expected) {
        assertEquals(expected, IpMask.keep(v4Bits, v6Bits).mask(address));
    }

    @ParameterizedTest(name = "[{index}] v4={0},v6={1}: {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // 6to4 2002:cb00:714d::/48 is 203.0.113.77 whole: the IPv4 mask applies to it
        "24 | 48  | 2002:cb00:714d:1::1     | 2002:cb00:7100::",
        "16 | 48  | 2002:cb00:714d:1::1     | 2002:cb00::",
        "32 | 48  | 2002:cb00:714d:1::1     | 2002:cb00:714d::",
        "24 | 32  | 2002:cb00:714d:1::1     | 2002:cb00::",
        // NAT64 well-known prefix, Teredo and IPv4-compatible carry the IPv4 address in the last 32 bits
        "24 | 128 | 64:ff9b::203.0.113.77   | 64:ff9b::cb00:7100",
        "24 | 128 | 2001:0:4136:e378:8000:63bf:3fff:fdd2 | 2001:0:4136:e378:8000:63bf:3fff:fd00",
        "24 | 128 | ::203.0.113.77          | ::cb00:7100",
        "24 | 48  | 64:ff9b::203.0.113.77   | 64:ff9b::",
        // an ordinary address keeps the IPv6 prefix
        "8  | 64  | 2001:db8:1:2:3:4:5:6    | 2001:db8:1:2::",
        "8  | 128 | 64:ff9b:1::203.0.113.77 | 64:ff9b:1::cb00:714d",
    })
    void masksAnEmbeddedClientIpv4NoMorePreciselyThanTheIpv4Mask(int v4Bits, int v6Bits, String address,
            String expected) {
        assertEquals(expected, IpMask.keep(v4Bits, v6Bits).mask(address));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // RFC 5952 section 4 examples: lower case, no leading zeros, longest run compressed, first on a tie,
        // a single zero group never compressed
        "2001:0db8:0000:0000:0000:0000:0002:0001 | 2001:db8::2:1",
        "2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1",
        "2001:db8:0:0:0:1:0:0                    | 2001:db8::1:0:0",
        "2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1",
        "0:0:0:0:0:0:0:1                         | ::1",
        "1:0:0:0:0:0:0:0                         | 1::",
        "2001:DB8::AbCd                          | 2001:db8::abcd",
        "1:2:3:4:5:6:7::                         | 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8                         | 0:2:3:4:5:6:7:8",
    })
    void writesIpv6InRfc5952CanonicalForm(String address, String expected) {
        assertEquals(expected, IpMask.keep(32, 128).mask(address));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "v4=24,v6=48        | 24 | 48",
        "' V4 = 16 , v6=32 '| 16 | 32",
        "v4=8               | 8  | 48",
        "v6=64              | 24 | 64",
        "v4=0,v6=0          | 0  | 0",
        "v4=32,v6=128       | 32 | 128",
        "bytes=0            | 32 | 128",
        "bytes=1            | 24 | 64",
        "bytes=2            | 16 | 48",
        "BYTES=3            | 8  | 24",
    })
    void parsesBitAndByteSpecs(String spec, int v4, int v6) {
        IpMask mask = IpMask.parse(spec);
        assertEquals(v4, mask.v4Bits());
        assertEquals(v6, mask.v6Bits());
        assertEquals(mask, IpMask.parse(mask.toString()));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "''", "' '", "v4", "v4=", "v4=-1", "v4=33", "v6=129", "v4=1e1", "v4=24,v4=16", "v4=24,,v6=48",
        "foo=1", "bytes=4", "bytes=1,v4=24", "v4=24;v6=48", "v4=0024",
    })
    void rejectsInvalidSpecsWithAMessage(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpMask.parse(spec));
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @Test
    void matomoByteCountsMapToPrefixes() {
        assertEquals(IpMask.keep(32, 128), IpMask.bytes(0));
        assertEquals(IpMask.keep(24, 64), IpMask.bytes(1));
        assertEquals(IpMask.keep(16, 48), IpMask.bytes(2));
        assertEquals(IpMask.keep(8, 24), IpMask.bytes(3));
        assertThrows(IllegalArgumentException.class, () -> IpMask.bytes(4));
        assertThrows(IllegalArgumentException.class, () -> IpMask.bytes(-1));
    }

    @Test
    void rejectsOutOfRangeBitCounts() {
        assertThrows(IllegalArgumentException.class, () -> IpMask.keep(-1, 48));
        assertThrows(IllegalArgumentException.class, () -> IpMask.keep(33, 48));
        assertThrows(IllegalArgumentException.class, () -> IpMask.keep(24, 129));
    }

    @Test
    void defaultsAreSlash24AndSlash48() {
        assertEquals("v4=24,v6=48", IpMask.defaults().toString());
    }
}
