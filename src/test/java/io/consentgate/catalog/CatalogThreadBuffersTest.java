package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.JacksonSlot;
import org.junit.jupiter.api.Test;

/**
 * The catalog is read on the thread that starts the webapp, a container thread that outlives it: neither reading the
 * bundled files nor failing on an operator's entry may leave a Jackson buffer set there ({@link JacksonSlot}).
 */
class CatalogThreadBuffersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSlotIsSeenWhenTheDefaultPoolIsUsed() throws Exception {
        assertTrue(JacksonSlot.heldAfter(() -> JSON.valueToTree(java.util.Map.of("a", 1)).toString()));
    }

    @Test
    void readingTheBundledCatalogLeavesNoBuffers() throws Exception {
        assertFalse(JacksonSlot.heldAfter(() -> {
            assertTrue(TrackerCatalog.Bundled.read("/io/consentgate/catalog/trackers.json").size() > 0);
            assertTrue(TrackerCatalog.Bundled.read("/io/consentgate/catalog/cookie-rules.json").size() > 0);
        }));
    }

    /** Each error names the operator's value as JSON; writing it must not use Jackson's per-thread pool either. */
    @Test
    void anEntryThatFailsLeavesNoBuffers() throws Exception {
        String[] entries = {
            "{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"ads\"]}",
            "{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"], "
                + "\"cookies\": [{\"nam\": \"a\"}]}",
            "{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"], "
                + "\"loaders\": [{\"path\": 7}]}",
            "{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"], "
                + "\"endpoints\": [[\"/collect\"]]}",
            "{\"id\": \"acme\", \"name\": \"Acme\", \"owner\": \"Acme\", \"categories\": [\"analytics\"], "
                + "\"hosts\": [{\"host\": \"acme.example\"}]}",
        };
        for (String entry : entries) {
            JsonNode root = JSON.readTree("{\"version\": 1, \"trackers\": [" + entry + "]}");
            assertFalse(JacksonSlot.heldAfter(() -> assertThrows(CatalogFormatException.class,
                    () -> TrackerCatalog.fromJson(root))), entry);
        }
        JsonNode future = JSON.readTree("{\"version\": [2], \"trackers\": []}");
        assertFalse(JacksonSlot.heldAfter(() -> assertThrows(CatalogFormatException.class,
                () -> TrackerCatalog.fromJson(future))));
    }
}
