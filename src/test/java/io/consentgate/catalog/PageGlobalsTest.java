package io.consentgate.catalog;

import static io.consentgate.catalog.CatalogFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The {@code pageFunctions} and {@code pageQueues} fields: the globals a removed snippet leaves stand-ins for. */
class PageGlobalsTest {


    @Test
    void theBundledCatalogListsTheGlobalsPagesCallMost() {
        TrackerCatalog c = TrackerCatalog.bundled();
        assertEquals(new PageGlobals(List.of("gtag"), List.of("dataLayer")), c.pageGlobals("google-tag"));
        assertEquals(List.of("fbq", "_fbq", "FB"), c.pageGlobals("meta-pixel").functions());
        assertEquals(List.of("_paq", "_mtm"), c.pageGlobals("matomo").queues());
        assertEquals(PageGlobals.NONE, c.pageGlobals("doubleclick"), "an entry without snippet globals");
        assertEquals(PageGlobals.NONE, c.pageGlobals("no-such-tracker"));
        long withGlobals = c.trackers().stream().filter(t -> !c.pageGlobals(t.id()).isEmpty()).count();
        assertTrue(withGlobals >= 80, "entries with page globals: " + withGlobals);
    }

    @Test
    void anOverrideReplacesTheGlobalsWithTheEntry() {
        TrackerCatalog c = TrackerCatalog.bundled().withOverrides(catalog("""
            [{"id": "meta-pixel", "name": "Meta Pixel", "owner": "Meta", "categories": ["marketing"],
              "hosts": ["connect.facebook.net"], "pageFunctions": ["fbq"]},
             {"id": "acme-stats", "name": "Acme", "owner": "Acme", "categories": ["analytics"],
              "hosts": ["stats.acme.example"], "pageFunctions": ["acme", "$acme"], "pageQueues": ["_acmeq"]}]"""));
        assertEquals(new PageGlobals(List.of("fbq"), List.of()), c.pageGlobals("meta-pixel"));
        assertEquals(new PageGlobals(List.of("acme", "$acme"), List.of("_acmeq")), c.pageGlobals("acme-stats"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"pageFunctions\": [\"window\"]", "\"pageFunctions\": [\"document\"]",
        "\"pageQueues\": [\"1queue\"]", "\"pageFunctions\": [\"acme-stats\"]", "\"pageFunctions\": [\"a.b\"]",
        "\"pageFunctions\": [\"naïve\"]", "\"pageQueues\": [\"typeof\"]", "\"pageFunctions\": \"acme\"",
        "\"pageFunctions\": [\"acme\"], \"pageQueues\": [\"acme\"]"})
    void aNameThatIsNoPlainGlobalIsRejected(String field) {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> catalog(
            "[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\",\"categories\":[\"analytics\"],"
                + "\"hosts\":[\"a.example\"], " + field + "}]"));
        assertTrue(e.getMessage().contains("\"pageFunctions\"") || e.getMessage().contains("\"pageQueues\""),
            e.getMessage());
    }

    @Test
    void aNameOfSixtyFiveCharactersIsRejected() {
        String name = "a".repeat(65);
        assertThrows(CatalogFormatException.class, () -> catalog("[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\","
            + "\"categories\":[\"analytics\"],\"hosts\":[\"a.example\"],\"pageFunctions\":[\"" + name + "\"]}]"));
        assertEquals(List.of("a".repeat(64)), catalog("[{\"id\":\"a\",\"name\":\"N\",\"owner\":\"O\","
            + "\"categories\":[\"analytics\"],\"hosts\":[\"a.example\"],\"pageFunctions\":[\"" + "a".repeat(64)
            + "\"]}]").pageGlobals("a").functions());
    }
}
