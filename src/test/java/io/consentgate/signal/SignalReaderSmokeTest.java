package io.consentgate.signal;

import io.consentgate.Category;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalReaderSmokeTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void readsGpcDntAndAFreshConsentCookie() {
        String id = ConsentCookie.newConsentId();
        String cookie = ConsentCookie.encode(new StoredConsent(Set.of(Category.ANALYTICS), 1, NOW, id, "consentgate"),
                null);
        Signals s = new SignalReader(SignalSettings.defaults(), CLOCK)
                .read(TestHeaders.of("Sec-GPC", "1", "DNT", "0", "Cookie", "a=b; cg_consent=" + cookie));
        assertTrue(s.gpc());
        assertEquals(Dnt.TRACKING_ALLOWED, s.dnt());
        assertEquals(Set.of(Category.ANALYTICS), s.consent().orElseThrow().granted());
        assertEquals(id, s.consent().orElseThrow().consentId());
    }
}
