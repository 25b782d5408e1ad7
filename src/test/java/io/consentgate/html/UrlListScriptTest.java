package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.CATALOG;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.REMOVE_WITH_STUBS;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A storefront's app loader (Shopify writes every installed app's script URL into one inline {@code asyncLoad}
 * script): only the refused tracker URLs of its list go inert, the script and the other apps stay.
 */
class UrlListScriptTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ALL = ConsentDecision.allowAll();

    /** The loader as a theme's {@code content_for_header} prints it, one statement a line. */
    private static final String PRETTY = "<script>(function() {\n  var isLoaded = false;\n  function asyncLoad() {\n"
        + "    if (isLoaded) return;\n    isLoaded = true;\n    var urls = [%s];\n"
        + "    for (var i = 0; i < urls.length; i++) {\n      var s = document.createElement('script');\n"
        + "      s.type = 'text/javascript';\n      s.async = true;\n      s.src = urls[i];\n"
        + "      var x = document.getElementsByTagName('script')[0];\n      x.parentNode.insertBefore(s, x);\n"
        + "    }\n  };\n  if(window.attachEvent) {\n    window.attachEvent('onload', asyncLoad);\n  } else {\n"
        + "    window.addEventListener('load', asyncLoad, false);\n  }\n})();</script>";
    /** The same, minified by a speed app. */
    private static final String MINIFIED = "<script>(function(){var e=!1;function t(){if(!e){e=!0;var n=[%s];"
        + "for(var a=0;a<n.length;a++){var o=document.createElement(\"script\");o.type=\"text/javascript\",o.async=!0,"
        + "o.src=n[a];var r=document.getElementsByTagName(\"script\")[0];r.parentNode.insertBefore(o,r)}}}"
        + "window.attachEvent?window.attachEvent(\"onload\",t):window.addEventListener(\"load\",t,!1)})();</script>";
    /** A headless theme's own loader: another name, one URL a line, a trailing comma, forEach. */
    private static final String HEADLESS = "<script>\n  const appScripts = [\n    %s,\n  ];\n"
        + "  document.addEventListener('DOMContentLoaded', () => {\n    appScripts.forEach((src) => {\n"
        + "      const el = document.createElement('script');\n      el.defer = true;\n      el.src = src;\n"
        + "      document.body.appendChild(el);\n    });\n  });\n</script>";

    private static final String REVIEWS = "\"https:\\/\\/cdn.reviews.example\\/widget\\/loader.js"
        + "?shop=acme-store.myshopify.com\"";
    private static final String WISHLIST = "\"https:\\/\\/wishlist.apps.example\\/storefront.js?v=3\\u0026"
        + "shop=acme-store.myshopify.com\"";
    private static final String SIZES = "\"\\/\\/sizecharts.example\\/embed.min.js?shop=acme-store.myshopify.com\"";
    private static final String KLAVIYO = "\"https:\\/\\/static.klaviyo.com\\/onsite\\/js\\/klaviyo.js"
        + "?company_id=XyZ789\"";
    private static final String PINTEREST = "\"https:\\/\\/s.pinimg.com\\/ct\\/core.js"
        + "?shop=acme-store.myshopify.com\"";
    /** AdRoll's app on a host the catalog does not list: its account parameter is the signature that names it. */
    private static final String ADROLL = "\"https:\\/\\/shopify.adroll-app.example\\/v2\\/roundtrip.js"
        + "?adroll_adv_id=QWERTY12345\\u0026adroll_pix_id=ASDFG67890\\u0026shop=acme-store.myshopify.com\"";

    @Test
    void overwritesOnlyTheRefusedUrlsOfAShopifyAppLoader() {
        for (String shape : new String[] {PRETTY, MINIFIED}) {
            String in = String.format(shape, String.join(",", REVIEWS, KLAVIYO, WISHLIST, PINTEREST, SIZES));
            String out = String.format(shape, String.join(",", REVIEWS, inert(KLAVIYO), WISHLIST, inert(PINTEREST),
                SIZES));
            assertKeptWithRefusedInert(in, out);
        }
        String in = String.format(HEADLESS, String.join(",\n    ", SIZES, PINTEREST, REVIEWS));
        assertKeptWithRefusedInert(in, String.format(HEADLESS, String.join(",\n    ", SIZES, inert(PINTEREST),
            REVIEWS)));
    }

    @Test
    void overwritesAnAppUrlThatNamesARefusedTrackerOnlyByItsSignature() {
        // the reviewers' case: before, the adroll_adv_id signature took the whole loader, and the reviews app with it
        for (String shape : new String[] {PRETTY, MINIFIED, HEADLESS}) {
            String in = String.format(shape, String.join(", ", REVIEWS, ADROLL, WISHLIST));
            assertKeptWithRefusedInert(in, String.format(shape, String.join(", ", REVIEWS, inert(ADROLL), WISHLIST)));
            assertEquals(List.of("adroll"), events(REMOVE, in, NONE).stream().map(TrackerEvent::trackerId).toList());
        }
        String in = String.format(PRETTY, String.join(",", ADROLL, KLAVIYO, SIZES));
        assertKeptWithRefusedInert(in, String.format(PRETTY, String.join(",", inert(ADROLL), inert(KLAVIYO), SIZES)));
        // the same whatever the chunks the servlet writes
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(bytes.length, cuts -> new String(rewrite(REMOVE, bytes, NONE,
            StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @Test
    void leavesAListOfAppsThatLoadsNoTrackerAsItIs() {
        for (String shape : new String[] {PRETTY, MINIFIED, HEADLESS}) {
            String in = String.format(shape, String.join(",", REVIEWS, WISHLIST, SIZES));
            assertEquals(in, rewrite(REMOVE, in, NONE));
            assertEquals(in, rewrite(REMOVE_WITH_STUBS, in, NONE));
            assertTrue(events(REMOVE, in, NONE).isEmpty(), in);
        }
    }

    @Test
    void removesTheLoaderWholeWhereTheSignatureIsNotAListedUrl() {
        // the account set beside the list, the URL built by concatenation or in a template, or only trackers left
        String list = String.join(",", REVIEWS, SIZES);
        for (String in : new String[] {
            String.format(PRETTY, list).replace("var isLoaded", "var adroll_adv_id = \"QWERTY12345\"; var isLoaded"),
            String.format(PRETTY, list + ",\"https:\\/\\/shopify.adroll-app.example\\/v2\\/roundtrip.js"
                + "?adroll_adv_id=\" + advId"),
            String.format(HEADLESS, list + ",\n    `https://shopify.adroll-app.example/v2/roundtrip.js"
                + "?adroll_adv_id=${advId}`"),
            String.format(MINIFIED, ADROLL + ",\"\\/apps\\/sizes\\/embed.js\""),
            String.format(MINIFIED, String.join(",", ADROLL, KLAVIYO)),
        }) {
            assertEquals("", rewrite(REMOVE, in, NONE), in);
            assertEquals(in, rewrite(REMOVE, in, ALL), in);
        }
    }

    @Test
    void keepsRandomAppLoadersBalancedWithOnlyTheirTrackersInert() {
        String[] apps = {REVIEWS, WISHLIST, SIZES, "'https://upsell.apps.example/v1/boot.js?shop=acme.myshopify.com'",
            "\"https:\\/\\/cdn.shopify.com\\/extensions\\/0a1b2c3d\\/chat-12\\/assets\\/chat.js\""};
        String[] trackers = {KLAVIYO, PINTEREST, ADROLL, "'https://connect.facebook.net/en_US/fbevents.js'",
            "\"https:\\/\\/analytics.tiktok.com\\/i18n\\/pixel\\/events.js?sdkid=C4B2A1\\u0026lib=ttq\"",
            "\"\\/\\/static.hotjar.com\\/c\\/hotjar-3141592.js?sv=6\""};
        String[] shapes = {PRETTY, MINIFIED, HEADLESS};
        String[] separators = {",", ", ", ",\n      "};
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        for (int round = 0; round < 150; round++) {
            List<String> in = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            int appCount = 0;
            int trackerCount = 0;
            for (int n = 1 + r.nextInt(8); n > 0; n--) {
                boolean tracker = r.nextInt(3) == 0;
                String url = tracker ? trackers[r.nextInt(trackers.length)] : apps[r.nextInt(apps.length)];
                in.add(url);
                expected.add(tracker ? inert(url) : url);
                appCount += tracker ? 0 : 1;
                trackerCount += tracker ? 1 : 0;
            }
            String shape = shapes[r.nextInt(shapes.length)];
            String separator = separators[r.nextInt(separators.length)];
            String html = String.format(shape, String.join(separator, in));
            String message = "seed " + seed + ": " + html;
            String out = rewrite(REMOVE, html, NONE);
            assertEquals(html, rewrite(REMOVE, html, ALL), message);
            if (trackerCount == 0) {
                assertEquals(html, out, message);
            } else if (appCount == 0) {
                assertEquals("", out, message); // a list of trackers only is their loader
            } else {
                assertEquals(String.format(shape, String.join(separator, expected)), out, message);
                assertTrue(balanced(out), message);
                assertTrue(namesNoTracker(out), message);
            }
        }
    }

    /** The loader kept, byte for byte {@code expected}, balanced, loading no tracker; and untouched when allowed. */
    private static void assertKeptWithRefusedInert(String in, String expected) {
        String out = rewrite(REMOVE, in, NONE);
        assertEquals(expected, out, in);
        assertEquals(in.length(), out.length(), in);
        assertTrue(balanced(out), out);
        assertTrue(namesNoTracker(out), out);
        assertTrue(events(REMOVE, in, NONE).stream().allMatch(e -> e.action() == TrackerEvent.Action.NEUTRALIZED),
            in);
        assertEquals(expected, rewrite(REMOVE_WITH_STUBS, in, NONE), in);
        assertEquals(in, rewrite(REMOVE, in, ALL), in);
        assertTrue(events(REMOVE, in, ALL).stream().allMatch(e -> e.action() == TrackerEvent.Action.ALLOWED), in);
    }

    /** A string literal with its URL replaced by an inert {@code data:} URL of the same length. */
    private static String inert(String literal) {
        int length = literal.length() - 2;
        return literal.charAt(0) + "data:," + "/".repeat(length - "data:,".length()) + literal.charAt(0);
    }

    private static boolean namesNoTracker(String html) {
        byte[] b = html.getBytes(StandardCharsets.UTF_8);
        return CATALOG.matchScript(b, 0, b.length).isEmpty();
    }

    /**
     * Whether the script's brackets pair up and its string and template literals and comments all end: read here on
     * its own terms, not with the rewriter's lexer. The fixtures hold no regular expression literal.
     */
    static boolean balanced(String html) {
        String js = html.substring(html.indexOf('>') + 1, html.lastIndexOf("</script>"));
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int j = i + 1;
                while (j < js.length() && js.charAt(j) != c) {
                    if (c != '`' && js.charAt(j) == '\n') {
                        return false;
                    }
                    j += js.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= js.length()) {
                    return false;
                }
                i = j;
            } else if (js.startsWith("//", i)) {
                i = js.indexOf('\n', i) < 0 ? js.length() : js.indexOf('\n', i);
            } else if (js.startsWith("/*", i)) {
                int close = js.indexOf("*/", i + 2);
                if (close < 0) {
                    return false;
                }
                i = close + 1;
            } else if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (open.isEmpty() || open.pop() != "([{".charAt(")]}".indexOf(c))) {
                    return false;
                }
            }
        }
        return open.isEmpty();
    }

    @Test
    void theBalanceCheckFailsOnWhatIsNotBalanced() {
        // the property above is only as good as this check
        assertTrue(balanced("<script>var a = [\"x\\\"y\", 'z']; f({b: `c${d}`}); // ]</script>"));
        for (String broken : new String[] {"var a = [\"x\", 'y';", "var a = \"x;", "f(a]);", "/* open", "f({a: 1);",
            "var s = 'a\nb';"}) {
            assertTrue(!balanced("<script>" + broken + "</script>"), broken);
        }
    }
}
