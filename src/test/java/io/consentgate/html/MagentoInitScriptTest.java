package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JSON reading of {@link MagentoInitScript} against a real JSON parser: random blocks in the shape Magento
 * prints, written with random white space and escapes. Whatever it cuts, the rest must parse to the same components
 * and configurations, so the operator's other components start as before; text that is not a JSON object is never
 * changed. Seeded: {@code -Dconsentgate.seed=N} reruns a printed seed.
 */
class MagentoInitScriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TRACKERS = {"Magento_GoogleGtag/js/google-analytics", "magepalGtmDatalayer",
        "Magento_GoogleTagManager/js/google-tag-manager", "Magento_GoogleAnalytics/js/google-analytics"};
    private static final String[] OTHERS = {"Magento_Ui/js/core/app", "mage/cookies", "catalogAddToCart",
        "Magento_GoogleTagManager/js/google-tag-manager-cart", "Vendor_Menu/js/menu"};
    private static final String[] SELECTORS = {"*", "#minicart", "[data-role=tocart-form], .form.map"};

    @Test
    void whatIsCutLeavesTheOtherComponentsAsJsonParseReadsThem() throws Exception {
        long seed = Long.getLong("consentgate.seed", 20_261_201L);
        System.out.println("MagentoInitScriptTest seed=" + seed);
        Random r = new Random(seed);
        int whole = 0;
        int cut = 0;
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            ObjectNode expected = JSON.createObjectNode();
            boolean anyTracker = false;
            boolean anyOther = false;
            ws(r, text).append('{');
            int selectors = r.nextInt(3) + (i % 50 == 0 ? 0 : 1);
            for (int s = 0; s < selectors; s++) {
                String selector = SELECTORS[s];
                ObjectNode kept = expected.putObject(selector);
                ws(r, ws(r, ws(r, text.append(s > 0 ? "," : "")).append(key(r, selector))).append(':')).append('{');
                int members = r.nextInt(4);
                java.util.Set<String> used = new java.util.HashSet<>();
                for (int m = 0; m < members; m++) {
                    boolean tracker = r.nextInt(3) == 0;
                    String name = tracker ? TRACKERS[r.nextInt(TRACKERS.length)] : OTHERS[r.nextInt(OTHERS.length)];
                    if (!used.add(name)) {
                        name = name + m; // unique in a selector (JSON.parse keeps the last of twins): no tracker
                    }
                    String config = value(r, 0);
                    ws(r, ws(r, ws(r, text.append(m > 0 ? "," : "")).append(key(r, name))).append(':'))
                        .append(config);
                    ws(r, text);
                    if (tracker && !name.matches(".*\\d")) {
                        anyTracker = true;
                    } else {
                        anyOther = true;
                        kept.set(name, JSON.readTree(config));
                    }
                }
                text.append('}');
            }
            ws(r, text).append('}');
            ws(r, text);
            byte[] b = ("<x>" + text + "</x>").getBytes(StandardCharsets.UTF_8);
            MagentoInitScript.Verdict v = MagentoInitScript.judge(b, 3, b.length - 4, RewriteAssertions.CATALOG,
                ConsentDecision.refuseAll());
            assertNotNull(v, text::toString);
            assertEquals(anyTracker, !v.refused().isEmpty(), text::toString);
            if (anyTracker && !anyOther) {
                whole++;
                assertTrue(v.whole(), text::toString);
            } else if (anyTracker) {
                cut++;
                assertFalse(v.whole(), text::toString);
                String out = new String(v.text(), StandardCharsets.UTF_8);
                assertEquals(expected, JSON.readTree(out), () -> text + "\n->\n" + out);
            } else {
                assertNull(v.text());
            }
        }
        assertTrue(whole > 100 && cut > 100, whole + " whole, " + cut + " cut");
    }

    @Test
    void brokenTextIsNeverChanged() throws Exception {
        long seed = Long.getLong("consentgate.seed", 20_261_202L);
        System.out.println("MagentoInitScriptTest seed=" + seed);
        Random r = new Random(seed);
        String good = "{\"*\": {\"Magento_Ui/js/core/app\": {\"a\": [1, \"}\\\"]\", {\"b\": null}]},"
            + " \"Magento_GoogleGtag/js/google-analytics\": {\"pageTrackingData\": {\"measurementId\": \"G-1A\"}}}}";
        int parsed = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder t = new StringBuilder(good);
            int at = r.nextInt(t.length());
            switch (r.nextInt(3)) {
                case 0 -> t.setLength(at);
                case 1 -> t.deleteCharAt(at);
                default -> t.insert(at, "{}[],:\"\\ x1".charAt(r.nextInt(11)));
            }
            byte[] b = t.toString().getBytes(StandardCharsets.UTF_8);
            MagentoInitScript.Verdict v = MagentoInitScript.judge(b, 0, b.length, RewriteAssertions.CATALOG,
                ConsentDecision.refuseAll());
            boolean valid = isJsonObject(t.toString());
            if (v != null && v.text() != null) {
                parsed++;
                assertTrue(valid, () -> "cut from text JSON.parse rejects: " + t);
                assertTrue(isJsonObject(new String(v.text(), StandardCharsets.UTF_8)), t::toString);
            }
        }
        assertTrue(parsed > 0);
    }

    private static boolean isJsonObject(String s) {
        try {
            JsonNode n = JSON.readTree(s);
            return n != null && n.isObject();
        } catch (Exception e) {
            return false;
        }
    }

    /** A JSON value as a page could write it: nested objects and arrays, escapes, brackets inside strings. */
    private static String value(Random r, int depth) {
        int k = depth > 2 ? r.nextInt(4) : r.nextInt(6);
        switch (k) {
            case 0:
                return "\"" + new String[] {"", "G-7QX2PLM4ZT", "a}b]c{", "q\\\"uote\\\\", "\\/static\\/x.js",
                    "\\u00e9t\\u00E9", "GTM-W4KD7QZ"}[r.nextInt(7)] + "\"";
            case 1:
                return new String[] {"0", "-1.5e3", "true", "false", "null", "42"}[r.nextInt(6)];
            case 2:
            case 3:
                return "\"user_allowed_save_cookie\"";
            case 4: {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.append(i > 0 ? ", " : "").append(value(r, depth + 1));
                }
                return a.append(']').toString();
            }
            default: {
                StringBuilder o = new StringBuilder("{");
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    o.append(i > 0 ? "," : "").append("\n  \"k").append(i).append("\": ").append(value(r, depth + 1));
                }
                return o.append('}').toString();
            }
        }
    }

    /** A key, its slashes sometimes escaped as json_encode writes them. */
    private static String key(Random r, String name) {
        String k = r.nextBoolean() ? name.replace("/", "\\/") : name;
        return "\"" + (r.nextInt(10) == 0 ? k.replace("G", "\\u0047") : k) + "\"";
    }

    private static StringBuilder ws(Random r, StringBuilder b) {
        return b.append(new String[] {"", "", " ", "\n    ", "\r\n\t"}[r.nextInt(5)]);
    }

    static {
        // the catalog names these trackers and not the others (else the expectations above mean nothing)
        for (String t : TRACKERS) {
            if (RewriteAssertions.CATALOG.matchMagentoComponent(t) == null) {
                throw new AssertionError(t);
            }
        }
        for (String o : OTHERS) {
            if (RewriteAssertions.CATALOG.matchMagentoComponent(o) != null) {
                throw new AssertionError(o);
            }
        }
    }
}
