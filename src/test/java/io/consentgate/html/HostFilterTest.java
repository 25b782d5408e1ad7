package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consentgate.catalog.Tracker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pre-filter may only ever say "not a tracker" when the catalog agrees. */
class HostFilterTest {

    private static final String[] SHAPES = {
        "https://%s/x.js", "//%s/tr?id=1", "HTTPS://%S/A", "https://user@%s:443/p", "http://%s./a", "https:%s/x",
        "https://a.%s/p", "https://%s.evil.example/p", "https://not%s/p", "https://%s%%2e/p", "https:\\\\%s\\tr",
        "https://%s&#47;x", "ws://%s/s", "https://%s?q", "https://%s#f", " https://%s/x ", "/relative/%s",
        "https://x.example/?u=https://%s/", "javascript:load('//%s')", "data:text/html,<img src=//%s>",
    };

    @Test
    void saysNotTrackerOnlyWhenTheCatalogFindsNothing() {
        HostFilter filter = RewriteAssertions.REMOVE.hostFilter;
        List<String> hosts = new ArrayList<>();
        for (Tracker t : RewriteAssertions.CATALOG.trackers()) {
            for (int i = 0; i < t.hosts().size(); i++) {
                hosts.add(t.hosts().get(i) + t.pathPrefixes().get(i));
            }
        }
        long seed = Long.getLong("consentgate.seed", System.nanoTime());
        System.out.println("HostFilterTest seed=" + seed);
        Random r = new Random(seed);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            String host = hosts.get(r.nextInt(hosts.size()));
            String shape = SHAPES[r.nextInt(SHAPES.length)];
            String url = shape.contains("%S") ? String.format(shape.replace("%S", "%s"), host.toUpperCase())
                : String.format(shape, host);
            byte[] b = url.getBytes(StandardCharsets.UTF_8);
            if (filter.verdict(b, 0, b.length, false) == HostFilter.NOT_TRACKER) {
                assertNull(RewriteAssertions.CATALOG.matchUrl(UrlText.decode(b, 0, b.length), null),
                    "seed=" + seed + " " + url);
                checked++;
            }
        }
        byte[] own = "https://cdn.acme.example/img/1.jpg".getBytes(StandardCharsets.US_ASCII);
        assertEquals(HostFilter.NOT_TRACKER, filter.verdict(own, 0, own.length, false));
        assertEquals(true, checked > 1000, "negative verdicts checked: " + checked);
    }

    /**
     * Found by ChunkSplitPropertyTest (seed 51305581514668): {@code https:/} has no host, and remembered as the last
     * origin it made {@code https://facebook.com/tr} (its bytes, then a slash) pass as the same origin.
     */
    @Test
    void aUrlWithoutAHostIsNotRememberedAsAnOrigin() {
        HostFilter filter = new HostFilter(RewriteAssertions.CATALOG);
        HostFilter.Memo memo = new HostFilter.Memo();
        for (String empty : new String[] {"https:/", "https://", "http:///", "//"}) {
            byte[] e = empty.getBytes(StandardCharsets.US_ASCII);
            filter.verdict(e, 0, e.length, false, memo);
            for (String pixel : new String[] {"https://facebook.com/tr", "https:///www.facebook.com/tr",
                "http:////connect.facebook.net/x.js", "//www.facebook.com/tr"}) {
                byte[] b = pixel.getBytes(StandardCharsets.US_ASCII);
                assertEquals(HostFilter.ASK_CATALOG, filter.verdict(b, 0, b.length, false, memo), empty + " then " + pixel);
            }
        }
        assertEquals("<a ping=\"https:/\">x</a>", RewriteAssertions.rewrite(RewriteAssertions.REMOVE,
            "<a ping=\"https:/\">x</a><img srcset=\"https://facebook.com/tr 1x\">", io.consentgate.ConsentDecision.refuseAll()));
    }

    @Test
    void decodesCharacterReferencesInUrls() {
        byte[] b = "https:&#47;&#x2F;www.facebook.com&sol;tr?a=1&amp;b=2&copy=3&Tab;".getBytes(StandardCharsets.US_ASCII);
        assertEquals("https://www.facebook.com/tr?a=1&b=2&copy=3", UrlText.decode(b, 0, b.length));
    }

    @Test
    void ampersandFastPathReadsAsTheGeneralReader() {
        String[] parts = {"&amp;", "&amp", "&AMP;", "&am;", "&", "amp;", "a", "m", "p", ";", "=", "\t", "\n", "\r", " ",
            "&#38;", "&lt;", "&gt", "\u00e9", "/", "https://x.example/?q=1"};
        long seed = new java.util.Random().nextLong();
        java.util.Random rnd = new java.util.Random(seed);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(12); k >= 0; k--) {
                sb.append(parts[rnd.nextInt(parts.length)]);
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            String label = "seed=" + seed + " " + sb;
            assertEquals(UrlText.decodeAnyReferences(b, 0, b.length, false), UrlText.decodeText(b, 0, b.length), label);
            assertEquals(UrlText.decodeAnyReferences(b, 0, b.length, true).strip(),
                UrlText.decode(b, 0, b.length).strip(), label);
        }
        byte[] query = "/tr?id=1&amp;ev=PageView&amp;noscript=1".getBytes(StandardCharsets.US_ASCII);
        assertEquals("/tr?id=1&ev=PageView&noscript=1", UrlText.decode(query, 0, query.length));
    }

    @Test
    void invisibleCharactersInHostsStillMatch() {
        String html = "<img src=\"https://www.face&shy;book.com/tr?id=1\"><img src=\"https://connect.face\u00adbook.net/x\">";
        assertEquals("", RewriteAssertions.rewrite(RewriteAssertions.REMOVE, html,
            io.consentgate.ConsentDecision.refuseAll()));
    }
}
