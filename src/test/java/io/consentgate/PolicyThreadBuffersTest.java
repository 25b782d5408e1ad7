package io.consentgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy file is read on the thread that starts the webapp: reading it, or failing on it, may not leave a Jackson
 * buffer set on that thread ({@link JacksonSlot}), which would keep the webapp's classes after an undeploy.
 */
class PolicyThreadBuffersTest {

    private static Policy read(String name, String text) {
        return PolicyReader.read(Map.of("policy-file", "/WEB-INF/" + name),
                location -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readingAPolicyFileLeavesNoBuffers() throws Exception {
        for (String[] file : new String[][] {{"cg.yaml", "mode: opt-out\ngpc-refuses: [analytics, marketing]\n"},
            {"cg.json", "{\"mode\": \"opt-out\", \"klaro-services\": {\"matomo\": \"analytics\"}}"}}) {
            assertFalse(JacksonSlot.heldAfter(() -> assertEquals(ConsentMode.OPT_OUT, read(file[0], file[1]).mode())),
                    file[0]);
        }
    }

    @Test
    void aPolicyFileThatFailsLeavesNoBuffers() throws Exception {
        for (String[] file : new String[][] {{"cg.yaml", "mode: [opt-in, opt-out]\n"},
            {"cg.json", "{\"mode\": [\"opt-in\"]}"}, {"cg.yaml", "mode: opt-in\nmode: opt-out\n"},
            {"cg.yaml", "trackers:\n  - id: acme\n    name: Acme\n    owner: Acme\n    categories: [ads]\n"}}) {
            assertFalse(JacksonSlot.heldAfter(() -> assertThrows(InvalidPolicyException.class,
                    () -> read(file[0], file[1]))), file[1]);
        }
    }
}
