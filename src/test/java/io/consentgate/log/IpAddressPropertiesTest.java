package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Property tests; jqwik prints the seed of every run and replays a failing one from its database. */
class IpAddressPropertiesTest {

    @Property(tries = 2000)
    void canonicalIpv6TextParsesBackToTheSameBytes(@ForAll @Size(16) byte[] address) {
        byte[] expected = IpAddress.normalize(address);
        assertArrayEquals(expected, IpAddress.parse(IpAddress.format(address)));
    }

    @Property(tries = 2000)
    void readsJavasOwnIpv6TextTheSameWay(@ForAll @Size(16) byte[] address) throws UnknownHostException {
        // getByAddress never resolves a name; its text is the uncompressed x:x:x:x:x:x:x:x form
        String javaText = InetAddress.getByAddress(address).getHostAddress();
        assertArrayEquals(IpAddress.normalize(address), IpAddress.parse(javaText));
    }

    @Property(tries = 1000)
    void ipv4TextRoundTrips(@ForAll @Size(4) byte[] address) throws UnknownHostException {
        String text = InetAddress.getByAddress(address).getHostAddress();
        assertEquals(text, IpAddress.format(IpAddress.parse(text)));
        assertArrayEquals(address, IpAddress.parse("::ffff:" + text));
    }

    @Property(tries = 2000)
    void maskNeverThrowsAndAlwaysAnswersAnAddressOrADash(@ForAll String text) {
        String masked = IpMask.defaults().mask(text);
        if (!masked.equals("-")) {
            assertEquals(masked, IpMask.defaults().mask(masked));
        }
    }
}
