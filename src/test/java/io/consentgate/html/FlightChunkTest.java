package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Next.js App Router pages carry their React Server Components payload in inline scripts
 * ({@code self.__next_f.push([1,"…"])}); the page hydrates from them, so they are kept and only the refused tracker
 * URLs in them are overwritten, with inert text of the same decoded length.
 */
class FlightChunkTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final ConsentDecision ANALYTICS = ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(),
        ConsentMode.OPT_IN);
    private static final ConsentDecision ALL = ConsentDecision.of(
        Set.of(Category.FUNCTIONAL, Category.ANALYTICS, Category.MARKETING), Map.of(), ConsentMode.OPT_IN);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHUNK = Pattern.compile("<script>self\\.__next_f\\.push\\((.*?)\\)</script>");
    private static final String BOOT = "<script>(self.__next_f=self.__next_f||[]).push([0])</script>";

    private static final String PIXEL_SNIPPET = "\n!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};"
        + "t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}"
        + "(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');\nfbq('init', '1234');\n"
        + "fbq('track', 'PageView'); // thé ☕ 🍵\n";

    private static String rewrite(String html, ConsentDecision d) {
        return RewriteAssertions.rewrite(RewriteAssertions.REMOVE, html, d);
    }

    /** A flight chunk script as Next.js writes it: the JSON string of {@code text}, with {@code <} escaped. */
    static String chunk(String text) {
        try {
            String literal = JSON.writeValueAsString(text).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026");
            return "<script>self.__next_f.push([1," + literal + "])</script>";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded strings of every flight chunk in the page, in order. */
    static List<String> payloads(String html) {
        Matcher m = CHUNK.matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            try {
                JsonNode args = JSON.readTree(m.group(1));
                out.add(args.get(1).asText());
            } catch (java.io.IOException e) {
                throw new AssertionError("not a valid flight chunk: " + m.group(), e);
            }
        }
        return out;
    }

    private static String textRowHeader(String id, String text) {
        return id + ":T" + Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + ",";
    }

    private static String inert(int length) {
        return "data:," + "/".repeat(length - 6);
    }

    @Test
    void keepsAFlightChunkWhoseScriptSrcIsRefusedAndOverwritesOnlyTheUrl() {
        String url = "https://static.hotjar.com/c/hotjar-123.js?sv=6";
        String row = "5:[\"$\",\"main\",null,{\"children\":[[\"$\",\"h1\",null,{\"children\":\"Tea\"}],"
            + "[\"$\",\"$L6\",null,{\"src\":\"" + url + "\",\"strategy\":\"lazyOnload\"}]]}]\n";
        String page = "<body><h1>Tea</h1>" + BOOT + chunk(row) + "</body>";

        String out = rewrite(page, NONE);

        assertEquals(page.replace(url, inert(url.length())), out);
        assertEquals(List.of(row.replace(url, inert(url.length()))), payloads(out));
    }

    @Test
    void aUrlThatIsAnElementsWholeTextStaysAsTheServerRenderedHtmlShowsIt() {
        // a how-to article: React renders the URL as the text of <code>, which the HTML beside the payload shows too
        String url = "https://connect.facebook.net/en_US/fbevents.js";
        String row = "5:[\"$\",\"pre\",null,{\"children\":[\"$\",\"code\",null,{\"children\":\"" + url
            + "\"}]}]\n";
        String page = "<body><pre><code>" + url + "</code></pre>" + BOOT + chunk(row) + "</body>";
        assertEquals(page, rewrite(page, NONE));
        // the same URL as a script's src prop is still overwritten
        String src = "6:[\"$\",\"$L7\",null,{\"src\":\"" + url + "\",\"children\":\"x\"}]\n";
        assertEquals(List.of(src.replace(url, inert(url.length()))),
            payloads(rewrite("<body>" + BOOT + chunk(src) + "</body>", NONE)));
    }

    /**
     * Found in a false-positive hunt: a documentation page's code sample, the text of {@code <code>} with a tag in it,
     * had its URL overwritten in the payload while the HTML beside it kept it (a hydration mismatch). Text children
     * load nothing, except a script's or a style's.
     */
    @Test
    void aUrlInsideAnElementsTextStaysExceptInAScriptOrStyle() {
        String url = "https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1234";
        String sample = "\\u003cscript async src=\\\"" + url + "\\\"\\u003e\\u003c/script\\u003e\\ngtag('config')";
        String row = "4:[\"$\",\"main\",null,{\"children\":[[\"$\",\"h1\",null,{\"children\":\"Tracking docs\"}],"
            + "[\"$\",\"pre\",null,{\"children\":[\"$\",\"code\",null,{\"children\":\"" + sample + "\"}]}],"
            + "[\"$\",\"p\",null,{\"children\":\"We load " + url + " once you agree.\"}]]}]\n";
        String page = "<body><main><h1>Tracking docs</h1></main>" + BOOT + chunk(row) + "</body>";
        assertEquals(page, rewrite(page, NONE));
        for (String tag : new String[] {"script", "style"}) {
            String code = tag.equals("script") ? "var s=document.createElement('script');s.src='" + url + "';"
                : "body{background:url(" + url + ")}";
            String loads = "5:[\"$\",\"" + tag + "\",null,{\"children\":\"" + code + "\"}]\n";
            assertEquals(List.of(loads.replace(url, inert(url.length()))),
                payloads(rewrite("<body>" + BOOT + chunk(loads) + "</body>", NONE)), tag);
        }
    }

    @Test
    void aTextRowKeepsItsByteLengthWhenTheLoaderSnippetInItIsRewritten() {
        String header = "1:\"$Sreact.fragment\"\n2:I[8202,[\"53\",\"static/chunks/53-a475cf8d7ee49fec.js\"],\"\"]\n"
            + textRowHeader("1f", PIXEL_SNIPPET);
        String page = BOOT + chunk(header) + chunk(PIXEL_SNIPPET)
            + chunk("20:[\"$\",\"$L2\",null,{\"id\":\"fb-pixel\",\"children\":\"$1f\"}]\n");

        String out = rewrite(page, NONE);

        List<String> payloads = payloads(out);
        assertEquals(3, payloads.size());
        String text = payloads.get(1);
        assertEquals(PIXEL_SNIPPET.getBytes(StandardCharsets.UTF_8).length,
            text.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(header, payloads.get(0));
        assertFalse(text.contains("facebook.net"), text);
        assertTrue(text.contains("'data:,//"), text);
        assertEquals(PIXEL_SNIPPET.replace("https://connect.facebook.net/en_US/fbevents.js", inert(46)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://connect.facebook.net/en_US/fbevents.js",
        "//connect.facebook.net/en_US/fbevents.js",
        "https:\\/\\/connect.facebook.net\\/en_US\\/fbevents.js",
        "https:\\u002F\\u002Fconnect.facebook.net\\u002Fen_US\\u002Ffbevents.js",
        "HTTPS://CONNECT.FACEBOOK.NET/en_US/fbevents.js?v=2.9&r=stable",
        "https://www.facebook.com/tr?id=1234&ev=PageView&noscript=1",
    })
    void everySpellingOfARefusedUrlIsOverwrittenInTextAndJsonRows(String url) {
        String snippet = "t.src='" + url + "';s.parentNode.insertBefore(t,s);";
        String json = "7:[\"$\",\"$L8\",null,{\"dangerouslySetInnerHTML\":{\"__html\":" + quoted(snippet) + "}}]\n";
        for (String text : List.of(snippet, json)) {
            String out = rewrite(chunk(text), NONE);

            String decoded = payloads(out).get(0);
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length,
                decoded.getBytes(StandardCharsets.UTF_8).length, decoded);
            assertFalse(decoded.toLowerCase(Locale.ROOT).contains("facebook"), decoded);
            assertTrue(decoded.contains("s.parentNode.insertBefore(t,s);"), decoded);
            assertTrue(decoded.contains("'data:,"), decoded);
        }
    }

    /**
     * A text row's loader left commented out in a block comment that opens a line stays as it is; one after a block
     * comment opened later on a line of code is still overwritten (the text is asked once whether it has such a
     * comment, as the catalog's script match asks).
     */
    @Test
    void aLoaderInABlockCommentThatOpensALineOfATextRowStays() {
        String live = "https://static.hotjar.com/c/hotjar-1.js";
        String old = "https://static.hotjar.com/c/hotjar-2.js";
        for (String text : new String[] {
            "s.src='" + live + "';\n/* before the move:\n  s.src='" + old + "';\n*/\n",
            "s.src='" + live + "'; /* was: s.src='" + old + "'; */\n"}) {
            String page = BOOT + chunk(textRowHeader("1f", text)) + chunk(text);
            List<String> payloads = payloads(rewrite(page, NONE));
            String kept = text.startsWith("s.src='" + live + "';\n") ? old : inert(old.length());
            assertEquals(text.replace(live, inert(live.length())).replace(old, kept), payloads.get(1));
        }
    }

    @Test
    void aUrlInsideANestedJsonStringStopsAtItsEscapedQuote() {
        String text = "9:{\"config\":\"{\\\"pixel\\\":\\\"https://connect.facebook.net/signals/config/1234\\\","
            + "\\\"next\\\":1}\"}\n";

        String decoded = payloads(rewrite(chunk(text), NONE)).get(0);

        assertEquals(text.replace("https://connect.facebook.net/signals/config/1234", inert(48)), decoded);
    }

    @Test
    void onlyRefusedCategoriesAreOverwritten() {
        String text = "3:[[\"$\",\"$L4\",null,{\"src\":\"https://static.hotjar.com/c/hotjar-9.js?sv=6\"}],"
            + "[\"$\",\"$L4\",null,{\"src\":\"https://connect.facebook.net/en_US/fbevents.js\"}]]\n";

        String decoded = payloads(rewrite(chunk(text), ANALYTICS)).get(0);

        assertEquals(text.replace("https://connect.facebook.net/en_US/fbevents.js", inert(46)), decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2:I[8202,[\"53\",\"static/chunks/53-a475cf8d7ee49fec.js\"],\"default\"]\n",
        "0:{\"P\":null,\"b\":\"hHaXZo2a\",\"p\":\"\",\"c\":[\"\",\"\"],\"i\":false}\n",
        "5:[\"$\",\"p\",null,{\"children\":\"We use https://connect.facebook.net only after you agree <b>&</b>\"}]\n",
    })
    void aChunkWithNothingRefusedIsByteIdentical(String text) {
        String page = "<body>" + BOOT + chunk(text) + chunk("a:T5,héllo") + "</body>";
        String allowed = rewrite(page, ALL);
        assertEquals(page, allowed);
        if (!text.contains("facebook")) {
            assertEquals(page, rewrite(page, NONE));
        }
    }

    @Test
    void aChunkNamingARefusedTrackerOnlyByItsSignatureIsKept() {
        String text = "6:[\"$\",\"code\",null,{\"children\":\"fbq('track', 'Purchase', {value: 9});\"}]\n";
        String page = BOOT + chunk(text);

        assertEquals(page, rewrite(page, NONE));
    }

    @Test
    void neutralizeModeAlsoRewritesInPlaceInsteadOfTurningThePayloadIntoText() {
        String url = "https://static.hotjar.com/c/hotjar-123.js?sv=6";
        String page = BOOT + chunk("4:[\"$\",\"$L6\",null,{\"src\":\"" + url + "\"}]\n");

        String out = RewriteAssertions.rewrite(RewriteAssertions.NEUTRALIZE, page, NONE);

        assertEquals(page.replace(url, inert(url.length())), out);
    }

    @Test
    void theRewriteIsReportedAsNeutralizedForTheRefusedTracker() {
        String page = BOOT + chunk("4:[\"$\",\"$L6\",null,{\"src\":\"https://static.hotjar.com/c/h-1.js\"}]\n");

        List<TrackerEvent> events = RewriteAssertions.events(RewriteAssertions.REMOVE, page, NONE);

        assertEquals(1, events.size(), events.toString());
        assertEquals(TrackerEvent.Action.NEUTRALIZED, events.get(0).action());
        assertEquals("hotjar", events.get(0).trackerId());
    }

    @Test
    void anOrdinaryInlineScriptWithARefusedTrackerIsStillRemoved() {
        String page = "<p>a</p><script>self.__next_f.push([1,'x']);var s='https://static.hotjar.com/c/h.js'</script>";

        assertEquals("<p>a</p>", rewrite(page, NONE));
    }

    @Test
    void theSameOutputWhateverTheWriteBoundaries() {
        String page = "<body>" + BOOT
            + chunk("1:I[1,[],\"\"]\n" + textRowHeader("2", PIXEL_SNIPPET)) + chunk(PIXEL_SNIPPET)
            + chunk("3:[\"$\",\"$L1\",null,{\"src\":\"https://static.hotjar.com/c/hotjar-123.js?sv=6\"}]\n")
            + "</body>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        byte[] whole = RewriteAssertions.rewrite(RewriteAssertions.REMOVE, bytes, NONE, StandardCharsets.UTF_8,
            null, new int[0]);
        long seed = new Random().nextLong();
        Random rnd = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int[] cuts = rnd.ints(rnd.nextInt(6), 1, bytes.length).sorted().distinct().toArray();
            byte[] split = RewriteAssertions.rewrite(RewriteAssertions.REMOVE, bytes, NONE, StandardCharsets.UTF_8,
                null, cuts);
            assertArrayEquals(whole, split, "seed " + seed + ", cuts " + java.util.Arrays.toString(cuts));
        }
        assertFalse(new String(whole, StandardCharsets.UTF_8).contains("hotjar.com"));
    }

    private static final String IMPORTS = "1:\"$Sreact.fragment\"\n"
        + "2:I[8202,[\"53\",\"static/chunks/53-a475cf8d7ee49fec.js\"],\"GoogleTagManager\"]\n"
        + "3:I[9766,[],\"\"]\n"
        + "1c:I[8332,[\"53\",\"static/chunks/53-a475cf8d7ee49fec.js\"],\"GoogleAnalytics\"]\n";

    @Test
    void aRefusedTagComponentThatBuildsItsUrlFromAnIdIsReplacedByNullOfTheSameLength() {
        String gtm = "[\"$\",\"$L2\",null,{\"gtmId\":\"GTM-ABC1234\"}]";
        String ga = "[\"$\",\"$L1c\",null,{\"gaId\":\"G-XYZ9876543\"}]";
        String tree = "0:[\"$\",\"html\",null,{\"lang\":\"en\",\"children\":[" + gtm
            + ",[\"$\",\"body\",null,{\"children\":[[\"$\",\"$L3\",null,{}]," + ga + "]}]]}]\n";
        String page = BOOT + chunk(IMPORTS) + chunk(tree);

        List<String> payloads = payloads(rewrite(page, NONE));

        assertEquals(IMPORTS, payloads.get(0));
        String expected = tree.replace(gtm, "null" + " ".repeat(gtm.length() - 4))
            .replace(ga, "null" + " ".repeat(ga.length() - 4));
        assertEquals(expected, payloads.get(1));
        assertDoesNotThrow(() -> JSON.readTree(payloads.get(1).substring(2)));
    }

    @Test
    void aTagComponentIsGatedByTheCategoryItsIdNeeds() {
        String ga = "[\"$\",\"$L1c\",null,{\"gaId\":\"G-XYZ9876543\"}]";
        String page = BOOT + chunk(IMPORTS) + chunk("5:[" + ga + "]\n");

        assertEquals(page, rewrite(page, ANALYTICS));
        assertEquals("5:[null" + " ".repeat(ga.length() - 4) + "]\n", payloads(rewrite(page, NONE)).get(1));
    }

    @Test
    void aComponentOfTheSameNameWithoutAnIdPropOrAnElementNotCompleteInItsChunkIsKept() {
        String page = BOOT + chunk(IMPORTS) + chunk("5:[\"$\",\"$L2\",null,{\"title\":\"Tags\"}]\n")
            + chunk("6:[\"$\",\"$L2\",null,{\"gtmId\":\"GTM-AB") + chunk("C1234\"}]\n");

        assertEquals(page, rewrite(page, NONE));
    }

    /**
     * Every import row of a tag component is remembered for the chunks after it; each chunk's elements are looked up
     * by their row, not searched for once per row remembered (which made a page of many rows and chunks quadratic:
     * 30,000 of them took minutes).
     */
    @Test
    void aPageOfManyImportedRowsAndChunksIsReadInOnePassPerChunk() {
        StringBuilder page = new StringBuilder(BOOT);
        int rows = 30_000;
        for (int i = 0; i < rows; i++) {
            String id = Integer.toHexString(0x10000 + i);
            page.append(chunk(id + ":I[8202,[],\"GoogleTagManager\"]\n" + "x" + id + ":[\"$\",\"$L3\",null,{}]\n"));
        }
        String gtm = "[\"$\",\"$L10000\",null,{\"gtmId\":\"GTM-ABC1234\"}]";
        page.append(chunk("5:[" + gtm + "]\n"));

        List<String> payloads = payloads(rewrite(page.toString(), NONE));

        assertEquals(rows + 1, payloads.size());
        assertEquals("5:[null" + " ".repeat(gtm.length() - 4) + "]\n", payloads.get(rows));
    }

    /**
     * Import rows are remembered up to a bound, so memory does not grow with the page; an element of a row past it is
     * read as any known tag component, so a refused one still goes.
     */
    @Test
    void anElementOfAnImportRowPastTheBoundIsStillReadAsATagComponent() {
        StringBuilder page = new StringBuilder(BOOT);
        int rows = FlightComponents.MAX_ROWS + 10;
        for (int i = 0; i < rows; i++) {
            page.append(chunk(Integer.toHexString(0x10000 + i) + ":I[8202,[],\"GoogleAnalytics\"]\n"));
        }
        String last = Integer.toHexString(0x10000 + rows - 1);
        String ga = "[\"$\",\"$L" + last + "\",null,{\"gaId\":\"G-XYZ9876543\"}]";
        String kept = "[\"$\",\"$L" + last + "\",null,{\"title\":\"x\"}]";
        page.append(chunk("5:[" + ga + "," + kept + "]\n"));

        List<String> payloads = payloads(rewrite(page.toString(), NONE));

        assertEquals("5:[null" + " ".repeat(ga.length() - 4) + "," + kept + "]\n", payloads.get(rows));
    }

    /**
     * Row ids are short hex counters: text that looks like an import row or an element with a longer id (a text row
     * may hold anything) is not remembered, so memory cannot grow with such text; a real id of the same shape is.
     */
    @Test
    void onlyRowIdsOfACountersLengthAreRead() {
        String longId = "1234567890abcdef12";
        String shortId = "1234567890abcdef";
        for (String id : List.of(longId, shortId)) {
            String gtm = "[\"$\",\"$L" + id + "\",null,{\"gtmId\":\"GTM-ABC1234\"}]";
            String page = BOOT + chunk(id + ":I[8202,[],\"GoogleTagManager\"]\n") + chunk("5:[" + gtm + "]\n");

            String tree = payloads(rewrite(page, NONE)).get(1);

            assertEquals(id.equals(shortId) ? "5:[null" + " ".repeat(gtm.length() - 4) + "]\n" : "5:[" + gtm + "]\n",
                tree, id);
        }
    }

    static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A payload with an escape the decoder cannot read (a code point past U+10FFFF) cannot be rewritten: when it names
     * a refused tracker it must not run as it is.
     */
    @Test
    void aChunkThatCannotBeDecodedAndLoadsARefusedTrackerDoesNotRunIt() {
        String url = "https://connect.facebook.net/en_US/fbevents.js";
        String row = "5:[\"$\",\"$L6\",null,{\"src\":\"" + url + "\",\"title\":\"\u0001\"}]\n";
        String page = "<body>" + BOOT + chunk(row).replace("\\u0001", "\\u{110000}") + "</body>";
        assertTrue(page.contains("\\u{110000}"));

        assertFalse(rewrite(page, NONE).contains("fbevents"));
    }

    /**
     * A host written with escapes in the payload string ({@code facebook\\u002enet}, {@code \\x63onnect}) is the
     * host once decoded, as the page's client code reads it, though the raw script does not name it.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"facebook\\u002enet", "\\x63onnect.facebook.net",
        "connect.facebook.n\\u0065t", "connect\\.facebook.net", "connect.face\\\nbook.net",
        "connect.face\\\u2028book.net", "conne\\143t.facebook.net", "connect\\56facebook.net",
        "connect\\056facebook.net"})
    void aRefusedHostWrittenWithEscapesIsOverwrittenToo(String spelling) {
        String url = "https://connect.facebook.net/en_US/fbevents.js";
        String row = "5:[\"$\",\"$L6\",null,{\"src\":\"" + url + "\"}]\n";
        String plain = spelling.replace("\\u002e", ".").replace("\\x63", "c").replace("\\u0065", "e")
            .replace("\\.", ".").replace("\\\n", "").replace("\\\u2028", "")
            .replace("\\143", "c").replace("\\056", ".").replace("\\56", ".");
        String page = "<body>" + BOOT + chunk(row).replace(plain, spelling) + "</body>";
        assertTrue(page.contains(spelling));

        String out = rewrite(page, NONE);

        assertEquals(List.of(row.replace(url, inert(url.length()))), payloads(out));
        // past the cap, as it streams
        String pad = "0:\"" + "x".repeat(5000) + "\"\n";
        String streamed = RewriteAssertions.rewrite(HtmlRewriter.builder(RewriteAssertions.CATALOG).maxHeldBytes(1024)
            .build(), "<body>" + BOOT + chunk(pad + row + pad).replace(plain, spelling) + "</body>", NONE);
        assertEquals(List.of(pad + row.replace(url, inert(url.length())) + pad), payloads(streamed));
    }

    /**
     * A tag component's import row or element written with escapes ({@code Google\\u0054agManager},
     * {@code \\u0024L2}) is the component once decoded, as React reads it, though the raw chunk does not show it.
     */
    @Test
    void aRefusedTagComponentWrittenWithEscapesIsReplacedToo() {
        String gtm = "[\"$\",\"$L2\",null,{\"gtmId\":\"GTM-ABC1234\"}]";
        String row = "5:[" + gtm + "]\n";
        String expected = "5:[null" + " ".repeat(gtm.length() - 4) + "]\n";
        String escapedRow = BOOT + chunk(IMPORTS.replace("GoogleTagManager", "GoogleTagManage\u0001")
            .replace("GoogleAnalytics", "GoogleAnalytic\u0001"))
            .replace("\\u0001", "\\u0072") + chunk(row);
        String escapedElement = BOOT + chunk(IMPORTS) + chunk(row).replace("\\\"$L2", "\\\"\\u0024L2");
        assertTrue(escapedElement.contains("\\u0024L2"));

        assertEquals(expected, payloads(rewrite(escapedRow, NONE)).get(1));
        assertEquals(expected, payloads(rewrite(escapedElement, NONE)).get(1));
    }

    /**
     * A code point escape in braces ({@code \}{@code u{1F375}}, valid JavaScript, as a page's own code may write it) is
     * decoded: the payload is rewritten in place as any other, held or streamed.
     */
    @Test
    void aChunkWithACodePointEscapeInBracesIsRewrittenInPlace() {
        String url = "https://connect.facebook.net/en_US/fbevents.js";
        String pad = "0:\"" + "x".repeat(5000) + "\"\n";
        String row = "5:[\"$\",\"$L6\",null,{\"src\":\"" + url + "\",\"title\":\"\u0001 \u0002\"}]\n";
        for (String text : new String[] {row, pad + row + pad}) {
            String page = "<body>" + BOOT + chunk(text).replace("\\u0001", "\\u{1F375}")
                .replace("\\u0002", "\\u{00000002e}") + "</body>";
            assertTrue(page.contains("\\u{1F375}"));
            String expected = page.replace(url, inert(url.length()));

            assertEquals(expected, rewrite(page, NONE));
            assertEquals(expected, RewriteAssertions.rewrite(HtmlRewriter.builder(RewriteAssertions.CATALOG)
                .maxHeldBytes(1024).build(), page, NONE));
        }
    }

    /**
     * A client component's {@code children} is a prop its code may use as anything (a loader taking the URL to load as
     * its children): only a host element's is text the page shows.
     */
    @Test
    void aUrlThatIsAClientComponentsChildrenIsOverwritten() {
        String url = "https://connect.facebook.net/en_US/fbevents.js";
        String loader = "7:I[123,[],\"ScriptLoader\"]\n5:[\"$\",\"$L7\",null,{\"children\":\"" + url + "\"}]\n";
        String code = "5:[\"$\",\"code\",\"k\",{\"className\":\"url {x}\",\"data-x\":[1,{\"a\":\"[\\\"\"}],"
            + "\"children\":\"" + url + "\"}]\n";

        assertEquals(List.of(loader.replace(url, inert(url.length()))),
            payloads(rewrite("<body>" + BOOT + chunk(loader) + "</body>", NONE)));
        String page = "<body><code>" + url + "</code>" + BOOT + chunk(code) + "</body>";
        assertEquals(page, rewrite(page, NONE));
    }
}
