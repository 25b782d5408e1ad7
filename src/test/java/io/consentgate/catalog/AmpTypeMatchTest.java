package io.consentgate.catalog;

import static io.consentgate.catalog.CatalogFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The {@code ampTypes} field: AMP vendor names ({@code <amp-analytics type="gtag">}) per catalog entry. */
class AmpTypeMatchTest {


    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
        googleanalytics,             google-analytics
        gtag,                        google-tag
        googleadwords,               google-ads
        facebookpixel,               meta-pixel
        doubleclick,                 doubleclick
        adsense,                     google-adsense
        metrika,                     yandex-metrica
        adobeanalytics_nativeConfig, adobe-analytics
        ' Criteo ',                  criteo
        a9,                          amazon-ads
        atinternet,                  piano-analytics
        dynatrace,                   dynatrace-rum
        infonline,                   infonline
        mpulse,                      akamai-mpulse
        piano,                       piano-composer-tracking
        subscriptions-propensity,    doubleclick
        permutive-ampscript,         permutive
        """)
    void bundledVendorTypesNameTheirTracker(String type, String tracker) {
        assertEquals(tracker, TrackerCatalog.bundled().matchAmpType(type).tracker().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mycustomvendor", "", "google", "analytics", "gtag2", "linkedin", "subscriptions", "pianoid"})
    void otherTypesMatchNothing(String type) {
        assertNull(TrackerCatalog.bundled().matchAmpType(type));
    }

    @Test
    void anOverrideAddsAndTakesOverTypes() {
        TrackerCatalog c = TrackerCatalog.bundled().withOverrides(catalog("""
            [{"id": "acme-ads", "name": "Acme Ads", "owner": "Acme", "categories": ["marketing"],
              "ampTypes": ["acmeads", "criteo"]}]"""));
        assertEquals("acme-ads", c.matchAmpType("acmeads").tracker().id());
        assertEquals("acme-ads", c.matchAmpType("criteo").tracker().id());
        assertEquals(Set.of(Category.MARKETING), c.matchAmpType("ACMEADS").categories());
        assertEquals("google-tag", c.matchAmpType("gtag").tracker().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],\"ampTypes\":[\"Acme\"]}]",
        "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],\"ampTypes\":[\"a b\"]}]",
        "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],\"ampTypes\":\"acme\"}]",
        "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],\"ampTypes\":[\"acme\"]},"
            + "{\"id\":\"b\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],\"ampTypes\":[\"acme\"]}]"})
    void malformedOrRepeatedTypesAreRejected(String trackers) {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> catalog(trackers));
        assertTrue(e.getMessage().contains("\"ampTypes\""), e.getMessage());
    }
}
