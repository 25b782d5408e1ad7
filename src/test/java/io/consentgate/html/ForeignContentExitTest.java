package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.consentgate.ConsentDecision;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where SVG/MathML content ends for the browser's tree builder, and so where a {@code <![CDATA[} section, a
 * {@code <style>} or a {@code <textarea>} changes how the following bytes are read: a tag the browser sees as
 * markup must not be hidden from the rewriter as text, nor the other way round.
 */
class ForeignContentExitTest {

    private static final String PIXEL = "<img src=https://www.facebook.com/tr?id=1&ev=PageView>";

    static Stream<Arguments> exits() {
        return Stream.of(
            // </p> and </br> close SVG/MathML content: the CDATA is then a bogus comment that ends at its first >
            Arguments.of("<svg></p><![CDATA[>" + PIXEL + "]]></svg>", "<svg></p><![CDATA[>]]></svg>"),
            Arguments.of("<svg><g></br><![CDATA[>" + PIXEL + "]]></g></svg>", "<svg><g></br><![CDATA[>]]></g></svg>"),
            Arguments.of("<math><mrow></P><![CDATA[>" + PIXEL + "]]></math>", "<math><mrow></P><![CDATA[>]]></math>"),
            // <font> with color, face or size closes it too; without them it is an SVG element
            Arguments.of("<svg><font color=red><![CDATA[>" + PIXEL + "]]></font></svg>",
                "<svg><font color=red><![CDATA[>]]></font></svg>"),
            Arguments.of("<svg><font FACE=serif><![CDATA[>" + PIXEL + "]]></svg>",
                "<svg><font FACE=serif><![CDATA[>]]></svg>"),
            Arguments.of("<svg><font size=2><![CDATA[>" + PIXEL + "]]></svg>", "<svg><font size=2><![CDATA[>]]></svg>"),
            // the end tag of an HTML element around an unclosed icon: no SVG element has its name, so a browser reads
            // it by the HTML rules, which close the element and the SVG in it
            Arguments.of("<div class=icon><svg><path d=\"M0 0h24\"></div><![CDATA[>" + PIXEL + "]]>",
                "<div class=icon><svg><path d=\"M0 0h24\"></div><![CDATA[>]]>"),
            Arguments.of("<span><svg viewBox=\"0 0 8 8\"><g><circle r=4></SPAN><![CDATA[>" + PIXEL + "]]>",
                "<span><svg viewBox=\"0 0 8 8\"><g><circle r=4></SPAN><![CDATA[>]]>"),
            Arguments.of("<section><math><mrow><mn>2</mn></section><![CDATA[>" + PIXEL + "]]>",
                "<section><math><mrow><mn>2</mn></section><![CDATA[>]]>"));
    }

    static Stream<Arguments> afterAnUnclosedIcon() {
        return Stream.of(
            Arguments.of("<div class=icon><svg><use href=\"#cart\"></div>"
                + "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script><p>Teas</p>",
                "<div class=icon><svg><use href=\"#cart\"></div><p>Teas</p>"),
            Arguments.of("<li><a href=/cart><svg><path d=\"M0\"></a></li><script>if (a<b) {}"
                + " fbq('init', '1234');</script><p>Teas</p>", "<li><a href=/cart><svg><path d=\"M0\"></a></li><p>Teas</p>"),
            // an SVG link's end tag is the SVG element's: the SVG goes on, and its script is an SVG script
            Arguments.of("<svg><a href=\"/x\"><text>t</text></a><script>fbq('init', '1234');</script></svg>",
                "<svg><a href=\"/x\"><text>t</text></a></svg>"));
    }

    /**
     * A tracker after an inline icon whose {@code </svg>} is missing: read as HTML, as the browser reads it, and
     * removed. Read as SVG, its {@code src} would be no script's address and an inline script's text would be read as
     * markup.
     */
    @ParameterizedTest
    @MethodSource("afterAnUnclosedIcon")
    void aTrackerAfterAnIconLeftOpenInAnHtmlElementGoes(String in, String out) {
        assertEquals(out, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    static Stream<Arguments> afterAStrayEndTagInSvg() {
        return Stream.of(
            Arguments.of("<svg viewBox=\"0 0 8 8\"></div><image href=\"https://www.facebook.com/tr?id=1&amp;ev=PageView\""
                + " width=1 height=1/></svg><p>Teas</p>", "<svg viewBox=\"0 0 8 8\"></div></svg><p>Teas</p>"),
            // read as HTML these have content, which stays: only the URL goes
            Arguments.of("<svg><g></span><feImage xlink:href=\"https://www.facebook.com/tr?id=1\"/></g></svg>",
                "<svg><g></span><feImage/></g></svg>"),
            Arguments.of("<svg></section><use width=8 href=\"https://static.hotjar.com/c/hotjar-1.js#i\"></use></svg>",
                "<svg></section><use width=8></use></svg>"),
            Arguments.of("<svg></ul><script href=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script></svg>",
                "<svg></ul></svg>"));
    }

    /**
     * An HTML end tag in SVG content with no element of its name open: a browser ignores it and stays in SVG, where
     * {@code <image>}, {@code <feImage>}, {@code <use>} and {@code <script>} load their {@code href}. The rewriter
     * takes such an end tag as leaving SVG (README), so it checks those URLs in HTML content too: such an element with
     * a tracker's URL goes either way. An HTML {@code <image>} without one is still read as the {@code <img>} it is.
     */
    @ParameterizedTest
    @MethodSource("afterAStrayEndTagInSvg")
    void svgUrlsAfterAStrayEndTagAreCheckedEitherWay(String in, String out) {
        assertEquals(out, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
        String own = "<p><image href=\"/img/logo.svg\" src=\"/img/logo.png\"><use href=\"#icon\"></p>";
        assertEquals(own, rewrite(REMOVE, own, ConsentDecision.refuseAll()));
    }

    static Stream<Arguments> cutBreakouts() {
        return Stream.of(
            // HTML after the pixel stays HTML, deep in SVG too: the CDATA after it is a bogus comment
            Arguments.of("<svg><rect/>" + PIXEL + "<p>Teas</p></svg>", "<svg><rect/><img><p>Teas</p></svg>"),
            Arguments.of("<svg>".repeat(100) + PIXEL + "<![CDATA[>" + PIXEL + "]]>", "<svg>".repeat(100)
                + "<img><![CDATA[>]]>"),
            // the SVG script ended at the pixel: what followed it is HTML text, and must not become script text; the
            // script, ended by another tag than its own, never runs, and its start tag goes (the preload scanner
            // would read script text from it to the next </script>)
            Arguments.of("<svg><script>document.write('" + PIXEL + "');x('https://www.google-analytics.com/"
                + "analytics.js')</script></svg>", "<svg><img>');x('https://"
                + "www.google-analytics.com/analytics.js')</script></svg>"),
            Arguments.of("<math><mrow><IMG SRC=https://www.facebook.com/tr/>x</math>", "<math><mrow><img>x</math>"),
            // an element the operator tagged goes with its content; an empty one of its name stays
            Arguments.of("<svg><div data-consent=marketing>Sale " + PIXEL + "</div><p>Teas</p></svg>",
                "<svg><div></div><p>Teas</p></svg>"),
            Arguments.of("<svg><font color=red data-consent=marketing>Sale</font><p>Teas</p></svg>",
                "<svg><font size></font><p>Teas</p></svg>"),
            // an SVG element cut before it leaves no SVG context to return to after the tagged element's end
            Arguments.of("<svg><iframe src=https://www.googletagmanager.com/ns.html?id=GTM-1></iframe>"
                + "<div data-consent=marketing>Sale</div><![CDATA[>" + PIXEL + "]]>",
                "<svg><div></div><![CDATA[>]]>"));
    }

    static Stream<Arguments> staysForeign() {
        return Stream.of(
            // <mglyph> and <malignmark> in <mi> are MathML: a <style> in them is not raw text, the pixel breaks out (and
            // leaves a bare <img> that breaks out the same way)
            Arguments.of("<math><mi><mglyph><style>" + PIXEL + "</style></mglyph></mi></math>",
                "<math><mi><mglyph><style><img></style></mglyph></mi></math>"),
            Arguments.of("<math><mtext><malignmark><textarea>" + PIXEL + "</textarea></malignmark></mtext></math>",
                "<math><mtext><malignmark><textarea><img></textarea></malignmark></mtext></math>"),
            Arguments.of("<math><mi><mglyph><mglyph></mglyph><style>" + PIXEL + "</style></mglyph></mi></math>",
                "<math><mi><mglyph><mglyph></mglyph><style><img></style></mglyph></mi></math>"),
            // annotation-xml is an HTML integration point only for an encoding of exactly text/html (any case)
            Arguments.of("<math><annotation-xml encoding=\" text/html\"><style>" + PIXEL + "</style></annotation-xml>"
                + "</math>", "<math><annotation-xml encoding=\" text/html\"><style><img></style></annotation-xml></math>"),
            Arguments.of("<math><annotation-xml encoding=\"text/html\t\"><style>" + PIXEL + "</style></math>",
                "<math><annotation-xml encoding=\"text/html\t\"><style><img></style></math>"),
            // SVG nested deeper than the tokenizer's first stack: closing all but a few still leaves SVG content
            // (an SVG <style> with a tag inside loses its start tag, see StyleSheetTest)
            Arguments.of("<svg>".repeat(70) + "</svg>".repeat(66) + "<style>" + PIXEL + "</style>",
                "<svg>".repeat(70) + "</svg>".repeat(66) + "<img></style>"),
            Arguments.of("<svg>".repeat(4100) + "</svg>".repeat(4098) + "<style>" + PIXEL + "</style>",
                "<svg>".repeat(4100) + "</svg>".repeat(4098) + "<img></style>"),
            // a plain <font> stays SVG: its <style> is not raw text either
            Arguments.of("<svg><font><style>" + PIXEL + "</style></font></svg>",
                "<svg><font><img></style></font></svg>"));
    }

    @ParameterizedTest
    @MethodSource("exits")
    void readsMarkupAfterTheTagThatClosesForeignContent(String in, String out) {
        assertEquals(out, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        assertFalse(rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll()).contains(" src=https://www.facebook"));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @MethodSource("staysForeign")
    void readsMarkupInsideElementsThatStayForeign(String in, String out) {
        assertEquals(out, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        assertFalse(rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll()).contains(" src=https://www.facebook"));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    static Stream<Arguments> unchanged() {
        return Stream.of(
            // still SVG: a CDATA section is text, also where the preload scanner reads no fetch in it
            Arguments.of("<svg><font><![CDATA[> <b>" + PIXEL.replace("<", "&lt;") + "</b> ]]></font></svg>"),
            Arguments.of("<svg><g></g><![CDATA[ if (a < b && c > d) { draw(); } ]]></svg>"),
            // </p> at an HTML integration point is HTML: the <textarea> is raw text
            Arguments.of("<svg><foreignObject></p><textarea>" + PIXEL + "</textarea></foreignObject></svg>"),
            Arguments.of("<math><annotation-xml encoding=\"TEXT/HTML\"><style>" + PIXEL + "</style></math>"),
            Arguments.of("<svg>".repeat(70) + "</svg>".repeat(70) + "<style>" + PIXEL + "</style>"),
            // <mglyph> outside <mi> in HTML is an unknown HTML element: its <style> is raw text
            Arguments.of("<mglyph><style>" + PIXEL + "</style></mglyph>"),
            // an HTML end tag closes the SVG left open in a foreignObject's div: the <style> after it is HTML, raw text
            Arguments.of("<svg><foreignObject><div><svg><rect></div><style>" + PIXEL + "</style></foreignObject></svg>"));
    }

    @ParameterizedTest
    @MethodSource("cutBreakouts")
    void keepsTheExitOfACutTagThatClosedForeignContent(String in, String out) {
        assertEquals(out, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        assertEquals(out, rewrite(REMOVE, out, ConsentDecision.refuseAll()), "a second pass changes nothing");
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    /**
     * A held element dropped at the cap (fail-closed) ends in the context it started in. Its drop used to return to the
     * context saved for an earlier cut element, here the SVG of the {@code <image>}: the HTML after it was then read
     * as SVG content, so a {@code <style>}'s tracker stayed and a {@code <textarea>}'s text was rewritten.
     */
    @ParameterizedTest
    @MethodSource("droppedAtTheCap")
    void anElementDroppedAtTheCapEndsInTheContextItStartedIn(String held, String kept) {
        HtmlRewriter closed = HtmlRewriter.builder(RewriteAssertions.CATALOG).maxHeldBytes(1024).build();
        String before = "<svg><image href=https://www.facebook.com/tr></image></svg>";
        String after = "<style>p{background:url(https://www.facebook.com/tr)}</style><textarea>" + PIXEL
            + "</textarea>";
        assertEquals("<svg></svg>" + kept + "<style>p{background:url(about:invalid)}</style><textarea>" + PIXEL
            + "</textarea>", rewrite(closed, before + held + after, ConsentDecision.refuseAll()));
    }

    static Stream<Arguments> droppedAtTheCap() {
        String big = "a".repeat(1100);
        return Stream.of(
            // an HTML script past the cap streams (StreamedScript): it changes no context either
            Arguments.of("<script>var a='" + big + "'</script>", "<script>var a='" + big + "'</script>"),
            Arguments.of("<noscript><p>" + big + "</p></noscript>", ""),
            Arguments.of("<style>p{background:url(data:," + big + ")}</style>", "<style>p{</style>"));
    }

    /**
     * The parser reads a CDATA section in SVG as text; Chromium's preload scanner, which does not follow SVG, reads
     * {@code <![CDATA[} as a bogus comment that ends at the first {@code >} and fetches from the markup after it. A
     * section whose markup in that reading loads a refused tracker goes whole, also one that runs to the end of the
     * input; the parser loses only text.
     */
    @ParameterizedTest
    @MethodSource("preloadScannerReadings")
    void aCdataSectionWhosePreloadScannerReadingFetchesATrackerGoes(String in, String out) {
        assertEquals(out, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        // however the input is split
        byte[] bytes = in.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
            try (RewriteStream s = REMOVE.open(ConsentDecision.refuseAll(), null, sink, null)) {
                s.write(bytes, 0, cut);
                s.write(bytes, cut, bytes.length - cut);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(out, sink.toString(java.nio.charset.StandardCharsets.UTF_8), "split at " + cut);
        }
    }

    static Stream<Arguments> preloadScannerReadings() {
        return Stream.of(
            Arguments.of("<svg><font><![CDATA[>" + PIXEL + "]]></font></svg>", "<svg><font></font></svg>"),
            Arguments.of("<svg><g></g><![CDATA[>" + PIXEL + "]]></svg><p>after</p>", "<svg><g></g></svg><p>after</p>"),
            Arguments.of("<p>a</p><svg><![CDATA[ <a> ></title></svg>\n" + PIXEL, "<p>a</p><svg>"),
            Arguments.of("<svg><g><![CDATA[ x > <script src=\"https://connect.facebook.net/en_US/fbevents.js\">"
                + "</script> ]]></g></svg>", "<svg><g></g></svg>"),
            // at an HTML integration point the parser reads a CDATA section when no HTML element is open inside it
            // (which the rewriter does not track) and a bogus comment when one is: either reading, the pixel goes
            Arguments.of("<svg><desc><![CDATA[ > <textarea> ]]></desc></svg>" + PIXEL + "<p>x</textarea></p>",
                "<svg><desc><![CDATA[ > <textarea> ]]></desc></svg><p>x</textarea></p>"),
            Arguments.of("<svg><desc><p><![CDATA[ > " + PIXEL + " ]]></p></desc></svg><p>y</p>",
                "<svg><desc><p></p></desc></svg><p>y</p>"),
            // an allowed URL, or none, in the same reading: the section stays
            Arguments.of("<svg><![CDATA[ a > <img src=\"/img/ok.png\"> ]]></svg>",
                "<svg><![CDATA[ a > <img src=\"/img/ok.png\"> ]]></svg>"));
    }

    @ParameterizedTest
    @MethodSource("unchanged")
    void keepsTextTheBrowserAlsoReadsAsText(String in) {
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
    }
}
