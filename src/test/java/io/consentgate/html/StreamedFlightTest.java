package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Next.js payload script longer than the hold cap ({@link StreamedFlight}): rewritten as it streams, as a held one
 * is, so the page still hydrates, instead of being made a syntax error when it names a refused tracker. Where a window
 * cannot decide, the script is judged as any script past the cap.
 */
class StreamedFlightTest {

    private static final HtmlRewriter STREAMED = HtmlRewriter.builder(RewriteAssertions.CATALOG).maxHeldBytes(1024)
        .build();
    private static final HtmlRewriter WHOLE = HtmlRewriter.builder(RewriteAssertions.CATALOG)
        .maxHeldBytes(64 * 1024 * 1024).build();
    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final String POISON = new String(StreamedScript.POISON, StandardCharsets.US_ASCII);
    private static final String BOOT = "<script>(self.__next_f=self.__next_f||[]).push([0])</script>";
    private static final String IMPORTS = "2:I[8202,[\"53\",\"static/chunks/53-a475cf8d7ee49fec.js\"],"
        + "\"GoogleTagManager\"]\n1c:I[8332,[],\"GoogleAnalytics\"]\n";

    private static final String[] TRACKER_URLS = {
        "https://static.hotjar.com/c/hotjar-3402331.js?sv=6",
        "https://connect.facebook.net/en_US/fbevents.js",
        "https://www.googletagmanager.com/gtag/js?id=G-7QX2LM0PZB",
        "//www.clarity.ms/tag/k3jd9s",
        "https://snap.licdn.com/li.lms-analytics/insight.min.js",
    };
    private static final String[] SITE_URLS = {
        "https://cdn.shop.example/assets/app-3f9a.js", "/_next/static/chunks/webpack-1a2b.js",
        "https://www.facebook.com/acme.tea", "https://www.linkedin.com/company/acme-tea",
    };

    /** Rows of a product listing's payload, as the flight stream writes them. */
    private static String listing(int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            sb.append(Integer.toHexString(0x100 + i)).append(":[\"$\",\"li\",\"p").append(i)
                .append("\",{\"className\":\"card\",\"children\":[[\"$\",\"a\",null,{\"href\":\"/p/").append(i)
                .append("\",\"children\":\"Sencha ").append(i).append(" – grüner Tee\"}],[\"$\",\"span\",null,")
                .append("{\"children\":\"").append(3 + i % 40).append(",90 €\"}]]}]\n");
        }
        return sb.toString();
    }

    private static String scriptSrc(String url) {
        return "6:[\"$\",\"$L5\",null,{\"src\":\"" + url + "\",\"strategy\":\"afterInteractive\"}]\n";
    }

    private static String page(String... chunks) {
        StringBuilder sb = new StringBuilder("<!doctype html><html><body><ul>…</ul>").append(BOOT);
        for (String c : chunks) {
            sb.append(c);
        }
        return sb.append("</body></html>").toString();
    }

    @Test
    void aLongPayloadThatLoadsARefusedTrackerIsRewrittenAsWhenHeldNotStopped() {
        String text = listing(0, 1500) + scriptSrc(TRACKER_URLS[0]) + listing(1500, 1500);
        String page = page(FlightChunkTest.chunk(text));
        assertTrue(page.length() > 300_000, "longer than the default cap: " + page.length());

        String out = RewriteAssertions.rewrite(STREAMED, page, NONE);

        assertEquals(RewriteAssertions.rewrite(WHOLE, page, NONE), out);
        assertFalse(out.contains(POISON));
        assertFalse(out.contains("hotjar"));
        String decoded = FlightChunkTest.payloads(out).get(0);
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, decoded.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(text.replace(TRACKER_URLS[0], "data:," + "/".repeat(TRACKER_URLS[0].length() - 6)), decoded);
        // under the default cap too, in either mode (a payload is never turned into text)
        assertEquals(out, RewriteAssertions.rewrite(RewriteAssertions.REMOVE, page, NONE));
        assertEquals(out, RewriteAssertions.rewrite(RewriteAssertions.NEUTRALIZE, page, NONE));
        // a second rewrite changes nothing
        assertEquals(out, RewriteAssertions.rewrite(STREAMED, out, NONE));
    }

    @Test
    void aLongPayloadWithNothingRefusedIsByteIdentical() {
        String page = page(FlightChunkTest.chunk(listing(0, 800) + scriptSrc(SITE_URLS[0]) + listing(800, 800)));
        assertEquals(page, RewriteAssertions.rewrite(STREAMED, page, NONE));
        String tracked = page(FlightChunkTest.chunk(listing(0, 800) + scriptSrc(TRACKER_URLS[1])
            + listing(800, 800)));
        assertEquals(tracked, RewriteAssertions.rewrite(STREAMED, tracked, ConsentDecision.allowAll()));
    }

    @Test
    void aRefusedTagComponentFarFromItsImportRowIsReplacedByNull() {
        String gtm = "[\"$\",\"$L2\",null,{\"gtmId\":\"GTM-ABC1234\"}]";
        String text = IMPORTS + listing(0, 1200) + "7:[" + gtm + "]\n" + listing(1200, 200);
        String page = page(FlightChunkTest.chunk(text));

        String out = RewriteAssertions.rewrite(STREAMED, page, NONE);

        assertEquals(RewriteAssertions.rewrite(WHOLE, page, NONE), out);
        assertTrue(FlightChunkTest.payloads(out).get(0).contains("7:[null" + " ".repeat(gtm.length() - 4) + "]\n"));
    }

    /**
     * An element placed before its component's import row arrived went out unread; read whole, the row would have
     * gated it. The script then must not run.
     */
    @Test
    void anElementWhoseImportRowComesAWindowLaterStopsTheScript() {
        String gtm = "[\"$\",\"$L2\",null,{\"gtmId\":\"GTM-ABC1234\"}]";
        String text = "7:[" + gtm + "]\n" + listing(0, 1200) + IMPORTS;
        String page = page(FlightChunkTest.chunk(text));
        assertNotEquals(page, RewriteAssertions.rewrite(WHOLE, page, NONE), "read whole, the element goes");

        String out = RewriteAssertions.rewrite(STREAMED, page, NONE);

        assertTrue(out.contains(POISON + "</script>"), "a syntax error before the end tag");
    }

    @Test
    void aRefusedUrlLongerThanAWindowStopsTheScript() {
        String url = TRACKER_URLS[1] + "?x=" + "a".repeat(StreamedFlight.WINDOW);
        String page = page(FlightChunkTest.chunk(listing(0, 1000) + scriptSrc(url) + listing(1000, 400)));

        String out = RewriteAssertions.rewrite(STREAMED, page, NONE);

        assertTrue(out.contains(POISON + "</script>"), "a syntax error before the end tag");
    }

    @Test
    void aScriptThatOnlyStartsAsAPayloadIsJudgedAsAnyScriptPastTheCap() {
        String chunk = FlightChunkTest.chunk(listing(0, 1000) + scriptSrc(TRACKER_URLS[1]));
        String page = page(chunk.replace("])</script>", "]);s.src='https://connect.facebook.net/en_US/fbevents.js'"
            + "</script>"));

        String out = RewriteAssertions.rewrite(STREAMED, page, NONE);

        assertTrue(out.contains(POISON + "</script>"), "a syntax error before the end tag");
        // the same script without the refused host after it is not stopped
        String plain = page(FlightChunkTest.chunk(listing(0, 1000)).replace("])</script>", "]);go()</script>"));
        assertEquals(plain, RewriteAssertions.rewrite(STREAMED, plain, NONE));
    }

    @Test
    void aPayloadTheInputEndsInIsNotRun() {
        String page = BOOT + FlightChunkTest.chunk(listing(0, 1000) + scriptSrc(TRACKER_URLS[2]) + listing(0, 10));
        String cut = page.substring(0, page.length() - 20);

        String out = RewriteAssertions.rewrite(STREAMED, cut, NONE);

        assertTrue(out.endsWith(POISON), out.substring(out.length() - 100));
    }

    @Test
    void theRewrittenTrackersAreReportedAsNeutralized() {
        String page = page(FlightChunkTest.chunk(listing(0, 1000) + scriptSrc(TRACKER_URLS[0])
            + scriptSrc(TRACKER_URLS[1]) + listing(1000, 500)));

        List<TrackerEvent> events = RewriteAssertions.events(STREAMED, page, NONE);

        assertEquals(Set.of("hotjar", "meta-pixel"), events.stream()
            .filter(e -> e.action() == TrackerEvent.Action.NEUTRALIZED)
            .map(TrackerEvent::trackerId).collect(Collectors.toSet()), events.toString());
    }

    /**
     * Random payloads of 70–300 KB in the shapes the flight stream writes (listings, script props, loader snippets
     * carried as text rows and as inner HTML, tag components, links to social profiles, text showing a URL, escaped
     * slashes and surrogate pairs), each cut at random points: streamed, the output is the output of the same page
     * read whole, byte for byte. Seed: {@code -Dconsentgate.seed=N} to reproduce.
     */
    @Test
    void theStreamedRewriteIsTheRewriteOfThePayloadReadWhole() {
        long seed = Long.getLong("consentgate.seed", System.nanoTime());
        System.out.println("StreamedFlightTest seed=" + seed + " (rerun with -Dconsentgate.seed=" + seed + ")");
        Random rnd = new Random(seed);
        int changed = 0;
        int cases = 40;
        for (int c = 0; c < cases; c++) {
            String text = randomPayload(rnd, 70_000 + rnd.nextInt(230_000));
            String chunk = escapeSlashes(FlightChunkTest.chunk(text), rnd);
            String page = page(FlightChunkTest.chunk(IMPORTS), chunk, FlightChunkTest.chunk(listing(0, 3)));
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            int[] cuts = rnd.ints(rnd.nextInt(40), 1, bytes.length).sorted().distinct().toArray();
            String where = "seed=" + seed + " case=" + c + " cuts=" + cuts.length;

            byte[] whole = RewriteAssertions.rewrite(WHOLE, bytes, NONE, StandardCharsets.UTF_8, null, new int[0]);
            byte[] streamed = RewriteAssertions.rewrite(STREAMED, bytes, NONE, StandardCharsets.UTF_8, null, cuts);

            assertArrayEquals(whole, streamed, where);
            String out = new String(streamed, StandardCharsets.UTF_8);
            assertFalse(out.contains(POISON), where);
            for (String payload : FlightChunkTest.payloads(out)) {
                for (String url : TRACKER_URLS) {
                    assertFalse(payload.contains("\"src\":\"" + url) || payload.contains("t.src='" + url),
                        "a refused loader is left: " + where);
                }
            }
            changed += page.equals(out) ? 0 : 1;
            assertArrayEquals(bytes, RewriteAssertions.rewrite(STREAMED, bytes, ConsentDecision.allowAll(),
                StandardCharsets.UTF_8, null, cuts), "allowed, unchanged: " + where);
        }
        assertTrue(changed > 0, "some payloads had something to overwrite");
    }

    private static String randomPayload(Random r, int target) {
        StringBuilder sb = new StringBuilder();
        int row = 0x1000;
        while (sb.length() < target) {
            String id = Integer.toHexString(row++);
            int k = r.nextInt(100);
            if (k < 55) {
                sb.append(listing(r.nextInt(5000), 1 + r.nextInt(5)));
            } else if (k < 62) {
                String url = r.nextBoolean() ? TRACKER_URLS[r.nextInt(TRACKER_URLS.length)]
                    : SITE_URLS[r.nextInt(SITE_URLS.length)];
                sb.append(id).append(":[\"$\",\"$L5\",null,{\"src\":\"").append(url).append("\"}]\n");
            } else if (k < 66) {
                String url = TRACKER_URLS[r.nextInt(TRACKER_URLS.length)];
                String inner = "var t=document.createElement('script');t.async=1;t.src='" + url + "';"
                    + "document.head.appendChild(t);";
                sb.append(id).append(":[\"$\",\"script\",null,{\"dangerouslySetInnerHTML\":{\"__html\":")
                    .append(FlightChunkTest.quoted(inner)).append("}}]\n");
            } else if (k < 70) {
                String snippet = "\n!function(){var s=document.createElement('script');s.src='"
                    + TRACKER_URLS[r.nextInt(TRACKER_URLS.length)] + "';document.head.appendChild(s)}(); // thé ☕ 🍵\n";
                sb.append(id).append(":T").append(Integer.toHexString(snippet.getBytes(StandardCharsets.UTF_8).length))
                    .append(',').append(snippet);
            } else if (k < 73) {
                sb.append(id).append(":[\"$\",\"code\",null,{\"children\":\"")
                    .append(TRACKER_URLS[r.nextInt(TRACKER_URLS.length)]).append("\"}]\n");
            } else if (k < 76) {
                sb.append(id).append(":[\"$\",\"script\",null,{\"type\":\"application/ld+json\",")
                    .append("\"dangerouslySetInnerHTML\":{\"__html\":").append(FlightChunkTest.quoted(
                        "{\"@type\":\"Organization\",\"sameAs\":[\"" + SITE_URLS[2] + "\",\"" + SITE_URLS[3] + "\"]}"))
                    .append("}}]\n");
            } else if (k < 78) {
                sb.append(id).append(":[").append(r.nextBoolean()
                    ? "[\"$\",\"$L2\",null,{\"gtmId\":\"GTM-" + (1000 + r.nextInt(9000)) + "AB\"}]"
                    : "[\"$\",\"$L1c\",null,{\"gaId\":\"G-" + (100000 + r.nextInt(900000)) + "X\"}]").append("]\n");
            } else {
                sb.append(id).append(":[\"$\",\"p\",null,{\"children\":\"")
                    .append("Grüner Tee, \\\"frisch\\\" aus Shizuoka 🍵. ".repeat(1 + r.nextInt(20))).append("\"}]\n");
            }
        }
        return sb.toString();
    }

    /** Writes some of the chunk's slashes as the escapes a payload may use; the decoded text stays the same. */
    private static String escapeSlashes(String chunk, Random r) {
        StringBuilder sb = new StringBuilder(chunk.length() + 1024);
        int body = chunk.indexOf(",\"") + 2;
        int end = chunk.lastIndexOf("\"])");
        for (int i = 0; i < chunk.length(); i++) {
            char ch = chunk.charAt(i);
            if (i >= body && i < end && ch == '/' && r.nextInt(8) == 0) {
                sb.append(r.nextBoolean() ? "\\/" : "\\u002F");
            } else if (i >= body && i < end && Character.isHighSurrogate(ch) && r.nextInt(4) == 0) {
                sb.append(String.format("\\u%04x\\u%04x", (int) ch, (int) chunk.charAt(i + 1)));
                i++;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A refused URL right at the first window's judged edge: the page cut at every byte around it, and in its head. */
    @Test
    void everySplitAtAWindowEdgeOrInTheHeadGivesTheSameOutput() {
        String head = "<script>self.__next_f.push([1,\"";
        int edge = StreamedFlight.WINDOW - StreamedFlight.LOOKAHEAD;
        StringBuilder text = new StringBuilder();
        while (text.length() < edge - 30) {
            text.append("x");
        }
        String body = text + "\\\"src\\\":\\\"" + TRACKER_URLS[1] + "\\\"" + "y".repeat(100_000) + "\"])</script>";
        String page = head + body;
        String whole = RewriteAssertions.rewrite(WHOLE, page, NONE);
        assertFalse(whole.contains("facebook"));
        List<Integer> points = new ArrayList<>();
        for (int i = 1; i < head.length() + 10; i++) {
            points.add(i); // in the script's start tag and in the head that shows it is a payload
        }
        int at = head.length() + edge - 40;
        for (int i = 0; i < 120; i++) {
            points.add(at + i);
        }
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        for (int p : points) {
            assertEquals(whole, new String(RewriteAssertions.rewrite(STREAMED, bytes, NONE, StandardCharsets.UTF_8,
                null, new int[] {p}), StandardCharsets.UTF_8), "split at " + p);
        }
    }

    /**
     * An escape the decoder cannot read (a code point past U+10FFFF) early in a long payload: the script is judged as
     * any script past the cap, and every byte of it still goes out, once.
     */
    @Test
    void aPayloadWithAnEscapeTheDecoderDoesNotKnowGoesOutWhole() {
        String chunk = FlightChunkTest.chunk("0:\"\u0001\"\n" + listing(0, 1500))
            .replace("\\u0001", "\\u{110000}");
        String page = page(chunk);
        assertTrue(chunk.contains("\\u{110000}"));

        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        for (int[] cuts : new int[][] {{}, {bytes.length / 2}, {100_000, 200_000}}) {
            byte[] out = RewriteAssertions.rewrite(STREAMED, bytes, NONE, StandardCharsets.UTF_8, null, cuts);
            assertEquals(bytes.length, out.length, "cuts " + cuts.length);
            assertArrayEquals(bytes, out, "cuts " + cuts.length);
        }
    }

    /**
     * A refused URL whose first byte is in a window's judged part while its host ends past what that window decodes
     * (a long run of host name bytes before the tracker's domain): the next window sees the host, but the URL's start
     * went out already.
     */
    @Test
    void aRefusedHostThatEndsPastTheWindowThatJudgesItsUrlIsNotLeft() {
        String url = "https://" + "a1b2".repeat(5000) + ".connect.facebook.net/en_US/fbevents.js";
        String text = "0:\"" + "x".repeat(50_000) + "\"\n" + scriptSrc(url) + listing(0, 1000);
        String page = page(FlightChunkTest.chunk(text));
        assertFalse(RewriteAssertions.rewrite(WHOLE, page, NONE).contains("facebook"), "read whole, it goes");

        String out = RewriteAssertions.rewrite(STREAMED, page, NONE);

        assertTrue(!out.contains("facebook") || out.contains(POISON + "</script>"), "the tracker is left to run");
    }

    /**
     * An import row longer than the lookahead (a client component with many code chunks) cannot be read in a window;
     * for a visitor who allowed what the tag components need (here refusing only functional trackers) there is nothing
     * to gate, and the page must not stop.
     */
    @Test
    void aLongImportRowDoesNotStopThePayloadOfAVisitorWhoAllowedTheTagComponents() {
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; chunks.length() < 3 * StreamedFlight.WINDOW / 2; i++) {
            chunks.append("\"").append(1000 + i).append("\",\"static/chunks/").append(1000 + i).append("-0f3a9c.js\",");
        }
        String row = "9:I[4711,[" + chunks + "\"1\",\"static/chunks/1-ab.js\"],\"default\"]\n";
        String page = page(FlightChunkTest.chunk(listing(0, 800) + row + listing(800, 400)));

        ConsentDecision tagsAllowed = ConsentDecision.of(Set.of(Category.ANALYTICS, Category.MARKETING),
            java.util.Map.of(), io.consentgate.ConsentMode.OPT_IN);
        assertEquals(page, RewriteAssertions.rewrite(STREAMED, page, tagsAllowed));
    }

    /**
     * An import row longer than the lookahead is read to its end in the windows after: a refused tag component it
     * imports is replaced where it is placed, as when held, and a row of another component stops nothing.
     */
    @Test
    void anImportRowLongerThanTheLookaheadIsReadToItsEnd() {
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; chunks.length() < 3 * StreamedFlight.WINDOW / 2; i++) {
            chunks.append("\"").append(1000 + i).append("\",\"static/chunks/").append(1000 + i).append("-0f3a9c.js\",");
        }
        String gtm = "[\"$\",\"$L9\",null,{\"gtmId\":\"GTM-ABC1234\"}]";
        for (String name : new String[] {"GoogleTagManager", "default"}) {
            String row = "9:I[4711,[" + chunks + "\"1\",\"static/chunks/1-ab.js\"],\"" + name + "\"]\n";
            String page = page(FlightChunkTest.chunk(listing(0, 800) + row + listing(800, 400) + "7:[" + gtm + "]\n"
                + listing(1200, 100)));

            String out = RewriteAssertions.rewrite(STREAMED, page, NONE);

            assertEquals(RewriteAssertions.rewrite(WHOLE, page, NONE), out, name);
            assertFalse(out.contains(POISON), name);
        }
    }
}
