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
 * The {@code dataBlocks} field: a top-level member of a JSON data block that makes a shared loader start a tracker
 * ({@code {"utility": "analytics", …}} for the European Commission's webtools loader).
 */
class DataBlockMatchTest {

    private static final String ENTRY = "{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(textBlock = """
        utility, analytics
        utility, piwik
        """)
    void bundledPairsNameEuropaAnalytics(String member, String value) {
        TrackerMatch m = TrackerCatalog.bundled().matchDataBlock(member, value);
        assertEquals("europa-analytics", m.tracker().id());
        assertEquals(Set.of(Category.ANALYTICS), m.categories());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(textBlock = """
        utility, cck
        utility, globan
        utility, Analytics
        Utility, analytics
        service, analytics
        'utility ', analytics
        utility, ''
        """)
    void otherPairsMatchNothing(String member, String value) {
        assertNull(TrackerCatalog.bundled().matchDataBlock(member, value));
    }

    @Test
    void aPairCannotBeForgedFromAMemberThatHoldsTheSeparator() {
        assertNull(TrackerCatalog.bundled().matchDataBlock("utility\0analytics", ""));
        assertNull(TrackerCatalog.bundled().matchDataBlock("", "utility\0analytics"));
    }

    @Test
    void anOverrideAddsAndTakesOverPairs() {
        TrackerCatalog c = TrackerCatalog.bundled().withOverrides(catalog("""
            [{"id": "acme-stats", "name": "Acme Stats", "owner": "Acme", "categories": ["marketing"],
              "dataBlocks": [{"member": "service", "value": "acme-stats"}, {"member": "utility", "value": "piwik"}]}]
            """));
        assertEquals("acme-stats", c.matchDataBlock("service", "acme-stats").tracker().id());
        assertEquals(Set.of(Category.MARKETING), c.matchDataBlock("utility", "piwik").categories());
        assertEquals("europa-analytics", c.matchDataBlock("utility", "analytics").tracker().id());
        assertTrue(c.hasDataBlocks());
        assertFalse(catalog("[" + ENTRY + "\"hosts\":[\"a.example\"]}]").hasDataBlocks());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"dataBlocks\":{\"member\":\"utility\",\"value\":\"x\"}",
        "\"dataBlocks\":[\"utility=x\"]",
        "\"dataBlocks\":[{\"member\":\"utility\"}]",
        "\"dataBlocks\":[{\"member\":\"utility\",\"value\":\"\"}]",
        "\"dataBlocks\":[{\"member\":\"utility\",\"value\":3}]",
        "\"dataBlocks\":[{\"member\":\"utility\",\"value\":\"x\",\"nested\":true}]",
        "\"dataBlocks\":[{\"member\":\"util\\nity\",\"value\":\"x\"}]",
        "\"dataBlocks\":[{\"member\":\"utilit\u00e9\",\"value\":\"x\"}]"})
    void malformedPairsAreRejected(String field) {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> catalog("[" + ENTRY + field
            + "}]"));
        assertTrue(e.getMessage().contains("\"dataBlocks\""), e.getMessage());
    }

    @Test
    void aPairMayBeListedByOneEntryOnly() {
        String pair = "\"dataBlocks\":[{\"member\":\"utility\",\"value\":\"x\"}]}";
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> catalog("[" + ENTRY + pair + ","
            + ENTRY.replace("\"a\"", "\"b\"") + pair + "]"));
        assertTrue(e.getMessage().contains("is already listed by \"a\""), e.getMessage());
    }

    @Test
    void anEntryWithOnlyPairsIsComplete() {
        TrackerCatalog c = catalog("[" + ENTRY + "\"dataBlocks\":[{\"member\":\"service\",\"value\":\"stats\"}]}]");
        assertEquals(Set.of(Category.ANALYTICS), c.matchDataBlock("service", "stats").categories());
    }
}
