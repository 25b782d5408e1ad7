package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A removed SVG or MathML element whose end tag the page leaves out ends where a browser closes it, by the WHATWG
 * rules for tokens in foreign content: an end tag that names an element open around it, a tag that breaks out of
 * SVG/MathML content, the end of an HTML element around the {@code <svg>}. Where jsoup reads the page as a browser
 * does, its tree of the output is checked against its tree of the input less the removed element; it does not where
 * a tag breaks out of SVG/MathML content (jsoup leaves a {@code <div>} in the {@code <svg>}) or in an SVG
 * {@code <script>} (jsoup reads it as raw text).
 */
class ForeignMissingEndTagTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();
    private static final String PIXEL = "https://www.facebook.com/tr?id=1&amp;ev=PageView";

    @Test
    void theSvgsEndTagClosesAnUnclosedTrackerImage() {
        String page = "<div><svg viewBox=\"0 0 10 10\"><image href=\"" + PIXEL + "\"><rect/></svg><p>Important</p>"
            + "</div>";
        assertEquals("<div><svg viewBox=\"0 0 10 10\"></svg><p>Important</p></div>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    @Test
    void theSvgsEndTagClosesAnUnclosedSvgScript() {
        assertEquals("<svg></svg><p>Important</p>", rewrite(REMOVE,
            "<svg><script href=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></svg><p>Important</p>", NONE));
    }

    @Test
    void theSvgsEndTagClosesAGatedLinkInIt() {
        String page = "<p><svg><a data-consent=\"marketing\" href=\"/p\">G</svg> after</p><p>Important</p>";
        assertEquals("<p><svg></svg> after</p><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    @Test
    void anEndTagOfAnSvgGroupAroundItClosesTheRemovedElement() {
        // authors write <image> as they write <img>, without closing it
        String page = "<svg><g><image href=\"" + PIXEL + "\"></g><rect/><text>Kept</text></svg><p>Important</p>";
        assertEquals("<svg><g></g><rect/><text>Kept</text></svg><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    @Test
    void elementsOpenedInsideTheRemovedElementAreClosedByTheirOwnEndTags() {
        String page = "<svg><g data-consent=\"marketing\"><g><text>x</text></g><a href=\"/x\"><g>y</g></a>"
            + "<rect/></g><text>Kept</text></svg><p>Important</p>";
        assertEquals("<svg><text>Kept</text></svg><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    @Test
    void anEndTagOfAnElementOpenInsideClosesWhatIsOpenInIt() {
        // </a> pops the unclosed <rect> inside the link, not the removed group
        String page = "<svg><g data-consent=\"marketing\"><a href=\"/x\"><rect></a>gated</g><text>Kept</text></svg>"
            + "<p>Important</p>";
        assertEquals("<svg><text>Kept</text></svg><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    @Test
    void aBreakoutTagClosesTheRemovedElementAndTheSvg() {
        String page = "<div><svg><image href=\"" + PIXEL + "\"><div>Important</div></div>";
        assertEquals("<div><svg><div>Important</div></div>", rewrite(REMOVE, page, NONE));
        String endP = "<p><svg><image href=\"" + PIXEL + "\"></p><p>Important</p>";
        assertEquals("<p><svg></p><p>Important</p>", rewrite(REMOVE, endP, NONE));
        String font = "<svg><image href=\"" + PIXEL + "\"><font color=\"red\">Important</font>";
        assertEquals("<svg><font color=\"red\">Important</font>", rewrite(REMOVE, font, NONE));
    }

    @Test
    void aFontWithoutPresentationAttributesIsAnSvgElementInside() {
        String page = "<svg><g data-consent=\"marketing\"><font>gated</font>gated</g><text>Kept</text></svg>";
        assertEquals("<svg><text>Kept</text></svg>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    @Test
    void anHtmlAncestorsEndTagClosesTheSvgAndTheRemovedElement() {
        String page = "<section><svg><g><image href=\"" + PIXEL + "\"></section><p>Important</p>";
        assertEquals("<section><svg><g></section><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
        String span = "<span><svg><a data-consent=\"marketing\" href=\"/p\">G</span>Important";
        assertEquals("<span><svg></span>Important", rewrite(REMOVE, span, NONE));
        assertSameTreeAsJsoup(span);
    }

    @Test
    void aRemovedSvgWithoutItsEndTagEndsWhereItsParentEnds() {
        String page = "<div><svg data-consent=\"marketing\"><use href=\"#logo\"></div><p>Important</p>";
        assertEquals("<div></div><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
        String breakout = "<svg data-consent=\"marketing\"><rect><p>Important</p>";
        assertEquals("<p>Important</p>", rewrite(REMOVE, breakout, NONE));
    }

    @Test
    void endTagsABrowserIgnoresInForeignContentDoNotEndTheRemoval() {
        // </body>, </img> and a stray </math> close nothing in SVG content
        String page = "<div><svg><g data-consent=\"marketing\">a</body>b</img>c</math>d</g>"
            + "<text>Kept</text></svg></div>";
        assertEquals("<div><svg><text>Kept</text></svg></div>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
        // in HTML content, an SVG element's end tag names no open element
        String root = "<div><svg data-consent=\"marketing\"><g></g></g>gated</svg><p>Important</p></div>";
        assertEquals("<div><p>Important</p></div>", rewrite(REMOVE, root, NONE));
        assertSameTreeAsJsoup(root);
    }

    @Test
    void aSelfClosedForeignElementHasNoContent() {
        String page = "<svg><image href=\"" + PIXEL + "\"/><text>Kept</text></svg><p>Important</p>";
        assertEquals("<svg><text>Kept</text></svg><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    @Test
    void mathMLElementsEndLikeSvgOnes() {
        String page = "<p><math><mrow data-consent=\"marketing\"><mi>x</mi><mo>+</mo></math> after</p>"
            + "<p>Important</p>";
        assertEquals("<p><math></math> after</p><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
        String mi = "<math><mrow><mi data-consent=\"marketing\">x<b>bold</b></mrow><mn>2</mn></math><p>Important</p>";
        assertEquals("<math><mrow></mrow><mn>2</mn></math><p>Important</p>", rewrite(REMOVE, mi, NONE));
        assertSameTreeAsJsoup(mi);
        String breakout = "<math><mi data-consent=\"marketing\">x</mi><mo data-consent=\"marketing\">+<div>Important"
            + "</div>";
        // in <mo> (a text integration point) a <div> is HTML content: the browser keeps it inside
        assertEquals("<math>", rewrite(REMOVE, breakout, NONE));
        assertSameTreeAsJsoup(breakout);
    }

    @Test
    void inAnIntegrationPointInsideTheRemovedElementHtmlRulesApply() {
        // a <p> in a <foreignObject> is HTML, and the </svg> that follows only closes what a browser would
        String page = "<svg><g data-consent=\"marketing\"><foreignObject><p>gated</p></foreignObject></svg>"
            + "<p>Important</p>";
        assertEquals("<svg></svg><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
        // </svg> with an HTML element current in the integration point is ignored: the rest is still in it
        String open = "<svg><g data-consent=\"marketing\"><foreignObject><div>gated</svg><p>still gated</p>";
        assertEquals("<svg>", rewrite(REMOVE, open, NONE));
        assertSameTreeAsJsoup(open);
        // with the integration point itself current, the end tag walks out to the <svg>
        String ip = "<svg><g data-consent=\"marketing\"><desc>gated</svg><p>Important</p>";
        assertEquals("<svg></svg><p>Important</p>", rewrite(REMOVE, ip, NONE));
        assertSameTreeAsJsoup(ip);
    }

    @Test
    void aRemovedElementInsideAForeignObjectFollowsTheHtmlRules() {
        String page = "<svg><foreignObject><ul><li data-consent=\"marketing\">gated<li>Kept</ul></foreignObject>"
            + "</svg><p>Important</p>";
        assertEquals("<svg><foreignObject><ul><li>Kept</ul></foreignObject></svg><p>Important</p>",
            rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
        // a browser ignores </foreignObject> and </svg> with a paragraph open in the integration point
        String ignored = "<svg><foreignObject><p data-consent=\"marketing\">gated</foreignObject></svg>still gated"
            + "<p>Kept</p></foreignObject></svg>";
        assertEquals("<svg><foreignObject><p>Kept</p></foreignObject></svg>", rewrite(REMOVE, ignored, NONE));
        assertSameTreeAsJsoup(ignored);
        String desc = "<svg><desc><p data-consent=\"marketing\">gated<p>Kept</p></desc></svg><p>Important</p>";
        assertEquals("<svg><desc><p>Kept</p></desc></svg><p>Important</p>", rewrite(REMOVE, desc, NONE));
        assertSameTreeAsJsoup(desc);
    }

    @Test
    void aMathMLNameInSvgContentIsAnOrdinarySvgElementThatAnEndTagCloses() {
        // <mi> in an <svg> is an SVG element, not a text integration point: </mi> closes it like </g>
        String page = "<svg><mrow><mi><a data-consent=\"marketing\" href=\"/x\">G</mi>Kept</mrow></svg>"
            + "<p>Important</p>";
        assertEquals("<svg><mrow><mi></mi>Kept</mrow></svg><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
        // in SVG content every <foreignObject> is tracked: with none open around, its end tag closes nothing
        String stray = "<svg><g data-consent=\"marketing\"><rect/></foreignObject>gated</g><text>Kept</text></svg>";
        assertEquals("<svg><text>Kept</text></svg>", rewrite(REMOVE, stray, NONE));
        assertSameTreeAsJsoup(stray);
    }

    @Test
    void anMglyphInATextIntegrationPointIsMathML() {
        // in <mi> a start tag is HTML, but for <mglyph> and <malignmark>: those stay MathML, and self-close
        String page = "<math><mi><mglyph data-consent=\"marketing\">x</mi><mn>2</mn></math><p>Important</p>";
        assertEquals("<math><mi></mi><mn>2</mn></math><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
        String closed = "<math><mi><mglyph data-consent=\"marketing\"/>x</mi></math><p>Important</p>";
        assertEquals("<math><mi>x</mi></math><p>Important</p>", rewrite(REMOVE, closed, NONE));
        assertSameTreeAsJsoup(closed);
    }

    @Test
    void anHtmlAnnotationIsAnIntegrationPoint() {
        String page = "<math><annotation-xml encoding=\"text/html\" data-consent=\"marketing\"><div>gated</div>"
            + "</math><p>Important</p>";
        assertEquals("<math></math><p>Important</p>", rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    @Test
    void inANoscriptTheRemovalEndsAsItDoesOutside() {
        assertEquals("<noscript><svg></svg><p>Important</p></noscript><p>x</p>", rewrite(REMOVE,
            "<noscript><svg><image href=\"" + PIXEL + "\"></svg><p>Important</p></noscript><p>x</p>", NONE));
        assertEquals("<noscript><svg></noscript><p>Important</p>", rewrite(REMOVE,
            "<noscript><svg><image href=\"" + PIXEL + "\"></noscript><p>Important</p>", NONE));
    }

    @Test
    void pastTheLimitOfOpenElementsOnlyItsOwnEndTagEndsTheRemoval() {
        String groups = "<g>".repeat(ForeignEnds.MAX_OPEN + 1);
        assertEquals("<div><svg><text>x</text></svg><p>kept</p></div>", rewrite(REMOVE,
            "<div><svg><g data-consent=\"marketing\">" + groups + "</svg>still gated"
            + "</g>".repeat(ForeignEnds.MAX_OPEN + 2) + "<text>x</text></svg><p>kept</p></div>", NONE));
        String fewer = "<g>".repeat(ForeignEnds.MAX_OPEN - 1);
        assertEquals("<div><svg></svg>still gated</g><p>kept</p></div>", rewrite(REMOVE,
            "<div><svg><g data-consent=\"marketing\">" + fewer + "</svg>still gated</g><p>kept</p></div>", NONE));
    }

    @Test
    void theRemovalEndsAtTheSamePlaceWhereverTheInputIsSplit() {
        String page = "<div><svg><g><image href=\"" + PIXEL + "\"><g><rect></g></g><foreignObject><p>x</p>"
            + "</foreignObject><a data-consent=\"marketing\" href=\"/p\"><desc>d</desc>G</svg><p>Important</p></div>";
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(
            rewrite(REMOVE, in, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
        assertEquals("<div><svg><g></g><foreignObject><p>x</p></foreignObject></svg><p>Important</p></div>",
            rewrite(REMOVE, page, NONE));
        assertSameTreeAsJsoup(page);
    }

    /**
     * jsoup's tree of the rewriter's output is its tree of {@code page} less the elements with a tracker URL or the
     * category attribute.
     */
    private static void assertSameTreeAsJsoup(String page) {
        Document expected = Jsoup.parse(page);
        for (Element e : expected.select("[data-consent], [href*=facebook.com]")) {
            e.remove();
        }
        Document actual = Jsoup.parse(rewrite(REMOVE, page, NONE));
        assertEquals(expected.body().html(), actual.body().html(), page);
    }
}
