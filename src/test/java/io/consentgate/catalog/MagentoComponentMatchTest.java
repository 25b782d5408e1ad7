package io.consentgate.catalog;

import static io.consentgate.catalog.CatalogFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code magentoComponents} field: RequireJS component names a Magento {@code text/x-magento-init} block starts
 * a tracker with ({@code "Magento_GoogleGtag/js/google-analytics": {…}}).
 */
class MagentoComponentMatchTest {


    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
        Magento_GoogleGtag/js/google-analytics,         google-tag
        Magento_GoogleGtag/js/google-adwords,           google-tag
        Magento_GoogleTagManager/js/google-tag-manager, google-tag
        MagePal_GoogleTagManager/js/datalayer,          google-tag
        magepalGtmDatalayer,                            google-tag
        Magento_GoogleAnalytics/js/google-analytics,    google-analytics
        """)
    void bundledComponentsNameTheirTracker(String component, String tracker) {
        assertEquals(tracker, TrackerCatalog.bundled().matchMagentoComponent(component).tracker().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Magento_GoogleTagManager/js/google-tag-manager-cart", // pushes cart events into the data layer
        "Magento_GoogleTagManager/js/actions/product-detail",
        "Magento_GoogleGtag/js/google-analytics.js", "magento_googlegtag/js/google-analytics",
        " Magento_GoogleGtag/js/google-analytics", "Magento_Ui/js/core/app", "mage/cookies", ""})
    void otherComponentsMatchNothing(String component) {
        assertNull(TrackerCatalog.bundled().matchMagentoComponent(component));
    }

    @Test
    void anOverrideAddsAndTakesOverComponents() {
        TrackerCatalog c = TrackerCatalog.bundled().withOverrides(catalog("""
            [{"id": "acme-pixel", "name": "Acme Pixel", "owner": "Acme", "categories": ["marketing"],
              "magentoComponents": ["Acme_Pixel/js/pixel", "magepalGtmDatalayer"]}]"""));
        assertEquals("acme-pixel", c.matchMagentoComponent("Acme_Pixel/js/pixel").tracker().id());
        assertEquals(Set.of(Category.MARKETING), c.matchMagentoComponent("magepalGtmDatalayer").categories());
        assertEquals("google-tag", c.matchMagentoComponent("Magento_GoogleGtag/js/google-analytics").tracker().id());
        assertTrue(c.hasMagentoComponents());
        assertFalse(catalog("[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],"
            + "\"hosts\":[\"a.example\"]}]").hasMagentoComponents());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],"
            + "\"magentoComponents\":[\"a b\"]}]",
        "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],"
            + "\"magentoComponents\":[\"/static/x.js\"]}]",
        "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],"
            + "\"magentoComponents\":\"x/js/y\"}]",
        "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],"
            + "\"magentoComponents\":[\"x/js/y\"]},"
            + "{\"id\":\"b\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],"
            + "\"magentoComponents\":[\"x/js/y\"]}]"})
    void malformedOrRepeatedComponentsAreRejected(String trackers) {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> catalog(trackers));
        assertTrue(e.getMessage().contains("\"magentoComponents\""), e.getMessage());
    }

    @Test
    void anEntryWithOnlyComponentsIsComplete() {
        TrackerCatalog c = catalog("[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],"
            + "\"magentoComponents\":[\"Vendor_Stats/js/stats\"]}]");
        assertEquals(Set.of(Category.ANALYTICS), c.matchMagentoComponent("Vendor_Stats/js/stats").categories());
    }
}
