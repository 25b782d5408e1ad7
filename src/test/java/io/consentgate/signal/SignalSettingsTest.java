package io.consentgate.signal;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SignalSettings d = SignalSettings.defaults();
        assertEquals(List.of("Sec-GPC"), d.gpcHeaders());
        assertEquals("cg_consent", d.consentCookieName());
        assertEquals(1, d.policyRevision());
        assertEquals(Duration.ofDays(395), d.consentMaxAge());
        assertNull(d.hmacSecret());
        assertEquals(Set.of(), d.honouredCmps());
        assertNull(d.regionHeader());
        assertEquals(Map.of(), d.klaroServices());
    }

    @Test
    void rejectsInvalidSettingsNamingThem() {
        SignalSettings d = SignalSettings.defaults();
        assertMessageNames("honouredCmps", () -> d.withHonouredCmps(Set.of("quantcast")));
        assertMessageNames("hmacSecret", () -> d.withHmacSecret(new byte[15]));
        assertMessageNames("consentCookieName", () -> d.withConsentCookieName("cg consent"));
        assertMessageNames("consentCookieName", () -> d.withConsentCookieName(""));
        assertMessageNames("policyRevision", () -> d.withPolicyRevision(-1));
        assertMessageNames("consentMaxAge", () -> d.withConsentMaxAge(Duration.ZERO));
        assertMessageNames("gpcHeaders", () -> d.withGpcHeaders(List.of("Sec-GPC:")));
        assertMessageNames("regionHeader", () -> d.withRegionHeader("CF IPCountry"));
        assertMessageNames("klaroServices", () -> d.withKlaroServices(Map.of("", Category.ANALYTICS)));
    }

    private static void assertMessageNames(String setting, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(setting), x.getMessage());
    }

    @Test
    void copiesTheSecretInAndOutAndNeverPrintsIt() {
        byte[] secret = Fixtures.SECRET.clone();
        SignalSettings s = SignalSettings.defaults().withHmacSecret(secret);
        Arrays.fill(secret, (byte) 0);
        assertArrayEquals(Fixtures.SECRET, s.hmacSecret());
        s.hmacSecret()[0] = 1;
        assertArrayEquals(Fixtures.SECRET, s.hmacSecret());
        assertFalse(s.toString().contains(new String(Fixtures.SECRET, java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(s, SignalSettings.defaults().withHmacSecret(Fixtures.SECRET.clone()));
        assertEquals(s.hashCode(), SignalSettings.defaults().withHmacSecret(Fixtures.SECRET.clone()).hashCode());
    }
}
