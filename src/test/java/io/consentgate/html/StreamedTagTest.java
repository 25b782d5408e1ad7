package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A start tag longer than the hold cap under fail-closed ({@link StreamedTag}): the elements that load nothing but
 * through attributes are kept with the attributes that load nothing, decided one by one as they stream.
 */
class StreamedTagTest {

    private static final HtmlRewriter CLOSED = HtmlRewriter.builder(RewriteAssertions.CATALOG).maxHeldBytes(1024)
        .build();
    private static final String BIG = "rO0ABXVyABNbTGphdmEubGFuZy5PYmplY3Q7kM5YnxBzKWwCAAB4cAAAAAN0AAE".repeat(40);

    private static String closed(String page) {
        return RewriteAssertions.rewrite(CLOSED, page, ConsentDecision.refuseAll());
    }

    @Test
    void aFacesViewStateSavedOnTheClientIsKept() {
        String form = "<form id=\"order\" method=\"post\" action=\"/shop/order.xhtml\"><input type=\"hidden\""
            + " name=\"jakarta.faces.ViewState\" id=\"j_id1:jakarta.faces.ViewState:0\" value=\"" + BIG
            + "\" autocomplete=\"off\" /></form>";
        assertEquals(form, closed(form));
        // the default cap (256 KiB) and a state of 400 KB
        String big = form.replace(BIG, BIG.repeat(160));
        assertEquals(big, RewriteAssertions.rewrite(RewriteAssertions.REMOVE, big, ConsentDecision.refuseAll()));
    }

    @Test
    void pagePropsInAnAttributeAreKeptAndWhatCouldRunGoes() {
        String props = "{&quot;component&quot;:&quot;Shop/Index&quot;,&quot;props&quot;:&quot;" + BIG + "&quot;}";
        assertEquals("<div id=\"app\" data-page=\"" + props + "\"  class=\"app\"  ></div>",
            closed("<div id=\"app\" data-page=\"" + props + "\" onclick=\"fbq('track','Lead')\" class=\"app\""
                + " style=\"background:url(https://www.facebook.com/tr?id=1)\" data-bg=\"https://px.ads.linkedin.com/"
                + "collect\"></div>"));
    }

    @Test
    void anInlineImageIsKeptAndATrackerImageLosesItsUrls() {
        String image = "<img alt=\"Screenshot\" src=\"data:image/png;base64," + BIG + "\" width=\"640\" height=\"400\">";
        assertEquals(image, closed(image));
        assertEquals("<img title=\"" + BIG + "\"  width=1 height=1>",
            closed("<img title=\"" + BIG + "\" src=\"https://www.facebook.com/tr?id=1&ev=PageView\" width=1 height=1>"));
        assertEquals("<img alt=\"" + BIG + "\" >",
            closed("<img alt=\"" + BIG + "\" srcset=\"data:image/png;base64,AA 1x, https://www.facebook.com/tr 2x\">"));
        // the URL a consent manager parks goes as a lazy-loading copy does; its other attributes stay
        assertEquals("<img alt=\"" + BIG + "\"  consent-required=\"9\" consent-id=\"31\" >",
            closed("<img alt=\"" + BIG + "\" consent-original-src-_=\"https://www.facebook.com/tr?id=1\" "
                + "consent-required=\"9\" consent-id=\"31\" data-src-cmplz=\"https://bat.bing.com/action/0\">"));
        // a data: URL that is a document is no image
        assertEquals("<img alt=\"" + BIG + "\" >", closed("<img alt=\"" + BIG + "\" src=\"data:text/html,<b>\">"));
    }

    @Test
    void aLinkKeepsADestinationThatOnlyNavigates() {
        for (String href : new String[] {"/p/linen-shirt", "products/shirt", "https://shop.example/p",
            "#reviews", "?page=2", "mailto:shop@shop.example", "HTTPS://SHOP.EXAMPLE/"}) {
            String a = "<a href=\"" + href + "\" data-product=\"" + BIG + "\">Shirt</a>";
            assertEquals(a, closed(a), href);
        }
        for (String href : new String[] {"javascript:fbq('track')", "JavaScript:void(0)", " javascript:x()",
            "java\tscript:x()", "javascript&colon;x()", "vbscript:x"}) {
            assertEquals("<a  data-product=\"" + BIG + "\">Shirt</a>",
                closed("<a href=\"" + href + "\" data-product=\"" + BIG + "\">Shirt</a>"), href);
        }
        assertEquals("<a href=\"/x\" title=\"" + BIG + "\" >l</a>",
            closed("<a href=\"/x\" title=\"" + BIG + "\" ping=\"https://www.google-analytics.com/collect\">l</a>"));
    }

    @Test
    void theCategoryAttributeTakesTheContentWhoseStartTagWasAlreadySent() {
        assertEquals("<section title=\"" + BIG + "\" ></section><p>after</p>",
            closed("<section title=\"" + BIG + "\" data-consent=\"analytics\"><p>stats</p>"
                + "<img src=/stats.gif></section><p>after</p>"));
        assertEquals("<li title=\"" + BIG + "\" ><li>next</ul>",
            closed("<li title=\"" + BIG + "\" data-consent=marketing>ad<li>next</ul>"));
    }

    /** The category attribute's value is read as on a tag read whole, when it is short enough to be seen whole. */
    @Test
    void theCategoryAttributeGatesAsOnATagReadWhole() {
        String allowed = "<div data-consent=\"analytics\" data-chart=\"" + BIG + "\"><canvas></canvas></div>";
        assertEquals(allowed, RewriteAssertions.rewrite(CLOSED, allowed, ConsentDecision.of(
            java.util.Set.of(io.consentgate.Category.ANALYTICS), java.util.Map.of(), io.consentgate.ConsentMode.OPT_IN)));
        assertEquals("<div  data-chart=\"" + BIG + "\"></div>", closed(allowed));
        // a site's own use of the name gates nothing on an element that loads nothing
        String own = "<button data-consent=\"accepted\" data-label=\"" + BIG + "\">OK</button>";
        assertEquals(own, closed(own));
        // <html>, <head> and <body> are never gated, as their removal empties the page
        String body = "<html><body data-consent=\"marketing\" data-page=\"" + BIG + "\"><h1>Shop</h1>"
            + "<p>content</p></body></html>";
        assertEquals(body, closed(body));
        // a value too long to read, or with a character reference, gates: fail-closed
        assertEquals("<div  data-x=\"" + BIG + "\"></div>",
            closed("<div data-consent=\"functional analytics\" data-x=\"" + BIG + "\"><p>x</p></div>"));
        assertEquals("<div  data-x=\"" + BIG + "\"></div>",
            closed("<div data-consent=\"&#97;ccepted\" data-x=\"" + BIG + "\"><p>x</p></div>"));
    }

    /**
     * A {@code <font>} with {@code color}, {@code face} or {@code size} ends SVG content: only a tag read whole tells
     * the tokenizer, so a {@code <font>} over the cap is removed, wherever the input is split (a kept one was read as
     * still in SVG, where the {@code <!--} in the textarea after it hid a pixel the browser loads).
     */
    @Test
    void aFontTagOverTheCapIsRemovedAsItsAttributesDecideWhereSvgEnds() {
        String page = "<svg><font color=red title=\"" + BIG + "\"><textarea><!--</textarea>"
            + "<img src=\"https://www.facebook.com/tr?id=1&ev=PageView\">--></textarea><p>z</p>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        byte[] whole = RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(), StandardCharsets.UTF_8,
            null, new int[0]);
        org.junit.jupiter.api.Assertions.assertFalse(new String(whole, StandardCharsets.UTF_8).contains("facebook"));
        for (int cut = 1; cut < bytes.length; cut += 3) {
            assertArrayEquals(whole, RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(),
                StandardCharsets.UTF_8, null, new int[] {cut}), "cut " + cut);
        }
    }

    @Test
    void anAttributeThatCannotBeDecidedWithinTheCapGoes() {
        String name = "x".repeat(1100);
        assertEquals("<div >in</div>", closed("<div " + name + ">in</div>"));
        assertEquals("<div  id=a>in</div>", closed("<div " + name + "=\"1\" id=a>in</div>"));
        String spaces = " ".repeat(1100);
        assertEquals("<div title=\"" + BIG + "\"  id=b>in</div>",
            closed("<div title=\"" + BIG + "\" src" + spaces + "=" + spaces + "\"https://www.facebook.com/tr\" id=b>"
                + "in</div>"));
    }

    @Test
    void elementsThatLoadOrChangeTheReadingAreStillRemoved() {
        for (String tag : new String[] {"<script data-x=\"" + BIG + "\">var a=1;</script>",
            "<iframe title=\"" + BIG + "\" src=\"/frame\"></iframe>", "<link rel=preload title=\"" + BIG + "\">",
            "<meta content=\"" + BIG + "\">", "<textarea title=\"" + BIG + "\">t</textarea>",
            "<svg viewBox=\"" + BIG + "\"><path d=\"M0\"/></svg>"}) {
            assertEquals("ab", closed("a" + tag + "b"), tag.substring(0, 10));
        }
        // inside SVG a long path is kept
        String path = "<svg><path d=\"M0 0" + " L1 1".repeat(300) + "\" fill=\"#333\"/></svg>";
        assertEquals(path, closed(path));
    }

    @Test
    void theElementIsReportedOnceWhenSomethingOfItWent() {
        List<TrackerEvent> events = new ArrayList<>();
        RewriteAssertions.rewrite(CLOSED, ("<p>x</p>\n<div title=\"" + BIG + "\" onclick=\"x()\"></div>"
            + "<div title=\"" + BIG + "\"></div>").getBytes(StandardCharsets.UTF_8), ConsentDecision.refuseAll(),
            StandardCharsets.UTF_8, events::add, new int[0]);
        assertEquals(1, events.size(), events.toString());
        assertEquals(TrackerEvent.Action.NEUTRALIZED, events.get(0).action());
        assertEquals("div", events.get(0).element());
        assertEquals(2, events.get(0).line());
    }

    @Test
    void theOutcomeDoesNotDependOnHowTheInputIsSplit() {
        String page = "<p>a</p><input type=hidden name=vs value=\"" + BIG + "\" onfocus=\"x()\" id=vs>"
            + "<a href=\"javascript:x()\" data-x=\"" + BIG + "\" ping=/p href2=/q>l</a>"
            + "<div " + "y".repeat(1100) + " title=t data-consent=marketing><p>gated</p></div>"
            + "<img alt=a src=\"data:image/gif;base64," + BIG + "\"/><p>b</p>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        List<TrackerEvent> wholeEvents = new ArrayList<>();
        byte[] whole = RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(), StandardCharsets.UTF_8,
            wholeEvents::add, new int[0]);
        assertEquals(page.replace(" onfocus=\"x()\"", " ").replace("href=\"javascript:x()\" ", " ")
            .replace(" ping=/p", " ").replace("y".repeat(1100) + " ", "").replace(" data-consent=marketing>", " >")
            .replace("<p>gated</p>", ""), new String(whole, StandardCharsets.UTF_8));
        for (int cut = 1; cut < bytes.length; cut++) {
            List<TrackerEvent> events = new ArrayList<>();
            assertArrayEquals(whole, RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(),
                StandardCharsets.UTF_8, events::add, new int[] {cut}), "cut " + cut);
            assertEquals(wholeEvents, events, "cut " + cut);
        }
        int[] everyByte = new int[bytes.length - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertArrayEquals(whole, RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(),
            StandardCharsets.UTF_8, null, everyByte), "byte by byte");
    }

    @Test
    void aStartTagWhoseNameOutgrowsTheCapIsKeptWhereverTheInputIsSplit() {
        // the name ends past the cap: read whole it is kept, streamed; cut before the name's end it must be too, and
        // not taken for an element that never ends
        String name = "x" + "a".repeat(1500);
        String page = "<p>KEEP0</p><" + name + " title=t onclick=\"fbq('track')\">text</" + name + "><p>KEEP1</p>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        List<TrackerEvent> wholeEvents = new ArrayList<>();
        byte[] whole = RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(), StandardCharsets.UTF_8,
            wholeEvents::add, new int[0]);
        assertEquals(page.replace(" onclick=\"fbq('track')\"", " "), new String(whole, StandardCharsets.UTF_8));
        for (int cut = 1; cut < bytes.length; cut++) {
            List<TrackerEvent> events = new ArrayList<>();
            assertArrayEquals(whole, RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(),
                StandardCharsets.UTF_8, events::add, new int[] {cut}), "cut " + cut);
            assertEquals(wholeEvents, events, "cut " + cut);
        }
        int[] chunks = new int[bytes.length / 256];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = (i + 1) * 256;
        }
        assertArrayEquals(whole, RewriteAssertions.rewrite(CLOSED, bytes, ConsentDecision.refuseAll(),
            StandardCharsets.UTF_8, null, chunks), "in chunks of 256 bytes");
    }

    @Test
    void failingOpenSendsTheTagAsItIs() {
        HtmlRewriter open = HtmlRewriter.builder(RewriteAssertions.CATALOG).maxHeldBytes(1024)
            .overflow(OverflowAction.FAIL_OPEN).build();
        String tag = "<div title=\"" + BIG + "\" onclick=\"fbq('track')\">x</div>";
        assertEquals(tag, RewriteAssertions.rewrite(open, tag, ConsentDecision.refuseAll()));
    }
}
