package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A removed element whose end tag the page leaves out ends where a browser closes it, and the page after it stays.
 * Each expected output was read off the WHATWG tree-construction rules for its input: an ancestor's end tag closes the
 * element; end tags a browser ignores there (stray, or stopped by a special element or a scope boundary) do not; a
 * formatting element, which a browser reopens in the blocks that follow, runs on to its own end tag.
 */
class MissingEndTagTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    @Test
    void anAncestorsEndTagClosesTheRemovedElement() {
        // a tracker video in a paragraph, its end tag missing
        assertEquals("<p>a</p><p>Important</p>", rewrite(REMOVE,
            "<p>a<video src=\"https://www.facebook.com/tr?id=1\"></p><p>Important</p>", NONE));
        // an operator's section without </section>, with content of its own that is closed properly
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE, "<div><section data-consent=\"marketing\">"
            + "<h2>Offer</h2><div>x</div><ul><li>a</ul><p>Gated</div><p>kept</p>", NONE));
        // a custom element closed by its custom parent
        assertEquals("<promo-box></promo-box><p>kept</p>", rewrite(REMOVE,
            "<promo-box><my-widget data-consent=\"marketing\">Gated</promo-box><p>kept</p>", NONE));
        // a table cell's end tag closes what is open in the cell
        assertEquals("<table><tr><td></td><td>b</td></tr></table>", rewrite(REMOVE,
            "<table><tr><td><span data-consent=\"marketing\">a</td><td>b</td></tr></table>", NONE));
    }

    @Test
    void listItemsAndLiteralBlocksCloseARemovedParagraph() {
        // <dt>, <dd>, <li> close an open paragraph as the block start tags do, and so do <xmp> and <listing>
        assertEquals("<dl><dt>T<dd><dt>Term2<dd>def2</dl><p>after</p>", rewrite(REMOVE,
            "<dl><dt>T<dd><p data-consent=\"marketing\">gated<dt>Term2<dd>def2</dl><p>after</p>", NONE));
        assertEquals("<ul><li><li>b</ul>", rewrite(REMOVE, "<ul><li><p data-consent=\"marketing\">gated<li>b</ul>",
            NONE));
        assertEquals("<div><xmp>x</xmp></div>", rewrite(REMOVE,
            "<div><p data-consent=\"marketing\">gated<xmp>x</xmp></div>", NONE));
    }

    @Test
    void aStartTagThatClosesTheParagraphTheElementIsInEndsIt() {
        // "close a p element" pops everything opened in the paragraph: the unclosed span, the picture, the video
        assertEquals("<p>Text <div>rest</div><div>more</div>", rewrite(REMOVE,
            "<p>Text <span data-consent=\"marketing\">gated<div>rest</div><div>more</div>", NONE));
        assertEquals("<P CLASS=x>Text <ul><li>one</ul><p>after", rewrite(REMOVE,
            "<P CLASS=x>Text <picture data-consent=\"marketing\"><source srcset=\"/a.webp\"><img src=\"/a.png\">"
                + "<ul><li>one</ul><p>after", NONE));
        // blocks whose names the tokenizer has no id for, a heading, a list item, and a second paragraph
        assertEquals("<p>x <section>s</section><p>y <h2>h</h2><p>z <p>next</p>", rewrite(REMOVE,
            "<p>x <label data-consent=\"marketing\">a<section>s</section><p>y <my-ad data-consent=\"marketing\">b"
                + "<h2>h</h2><p>z <span data-consent=\"marketing\">c<p>next</p>", NONE));
        assertEquals("<ul><li><p>a <li>b</ul>", rewrite(REMOVE,
            "<ul><li><p>a <span data-consent=\"marketing\">c<li>b</ul>", NONE));
        // the element's own phrasing content does not end it
        assertEquals("<p>x <div>after</div>", rewrite(REMOVE,
            "<p>x <span data-consent=\"marketing\">a <b>b</b> <a href=\"/y\">c</a><img src=\"/i.png\">"
                + "</span><div>after</div>", NONE));
    }

    @Test
    void anElementClosedInTheParagraphBeforeTheRemovedOneLeavesTheParagraphOpen() {
        // raw text, a select, a button, an object, SVG, a template, a slot, a noscript: closed inside the paragraph,
        // they leave it open (Chromium closes the span and the paragraph at the <div>)
        for (String closed : new String[] {"<script>document.write(\"9.99\")</script>", "<style>b{color:red}</style>",
            "<textarea name=q>note</textarea>", "<iframe src=\"/embed/map\"></iframe>",
            "<select name=size><option>S<option selected>M</option></select>", "<button type=button>Add</button>",
            "<button class=share><svg viewBox=\"0 0 16 16\"><path d=\"M0 0h16v16H0z\"/></svg></button>",
            "<object data=\"/img/logo.svg\" type=\"image/svg+xml\">Logo</object>",
            "<svg class=\"icon\" viewBox=\"0 0 8 8\"><path d=\"M0 0h8v8z\"></path></svg>",
            "<math><msqrt></msqrt></math>", "<template><div class=tip>t</div></template>",
            "<slot name=price>9.99</slot>",
            "<noscript><img src=\"/img/price.png\"></noscript>", "<svg class=\"icon\"/>"}) {
            assertEquals("<p>Price: " + closed + " <div>Shipping info</div><p>Rest</p>", rewrite(REMOVE,
                "<p>Price: " + closed + " <span data-consent=\"marketing\">Partner deal<div>Shipping info</div>"
                    + "<p>Rest</p>", NONE), closed);
        }
        // and the list item they are in
        assertEquals("<ul><li>a<select><option>o</select> <li>y</ul>", rewrite(REMOVE,
            "<ul><li>a<select><option>o</select> <span data-consent=\"marketing\">x<li>y</ul>", NONE));
    }

    @Test
    void anElementThatMayHaveClosedTheParagraphOrBeenLeftOpenLeavesItClear() {
        // the block's end tag closes the button and the paragraph with it; the button's end tag is ignored
        assertEquals("<div><p>a<button>b</div>c</button>", rewrite(REMOVE, "<div><p>a<button>b</div>c</button>"
            + "<span data-consent=\"marketing\">x<div>y</div>tail", NONE));
        // a block leaves SVG content and closes the paragraph
        assertEquals("<p>a<svg><div>b</div></svg>", rewrite(REMOVE,
            "<p>a<svg><div>b</div></svg><span data-consent=\"marketing\">x<div>y</div>tail", NONE));
        // the inner object's end tag leaves the outer one open: the block nests in the span, which ends with it
        assertEquals("<p>a<object><object>b</object></object>tail", rewrite(REMOVE, "<p>a<object><object>b</object>"
            + "<span data-consent=\"marketing\">x<div>y</div>c</object>tail", NONE));
        // a block inside the button closes nothing outside it, nor does text in an SVG title, but neither is
        // followed: fail-closed
        assertEquals("<p>a<svg><title>t</title></svg>", rewrite(REMOVE,
            "<p>a<svg><title>t</title></svg><span data-consent=\"marketing\">x<div>y</div>tail", NONE));
        assertEquals("<p>a<button>b<div>c</div></button>", rewrite(REMOVE,
            "<p>a<button>b<div>c</div></button><span data-consent=\"marketing\">x<div>y</div>tail", NONE));
    }

    @Test
    void aSummaryClosesTheParagraph() {
        assertEquals("<details><p>a <summary>More</summary><div>kept</div></details>", rewrite(REMOVE,
            "<details><p>a <span data-consent=\"marketing\">x<summary>More</summary><div>kept</div></details>",
            NONE));
    }

    @Test
    void withoutAnOpenParagraphABlockNestsInTheRemovedElement() {
        // the paragraph was closed before the element began, by its end tag or by a block's
        assertEquals("<p>x</p><p>after</p>", rewrite(REMOVE,
            "<p>x</p><span data-consent=\"marketing\">gated<div>inner</div>still</span><p>after</p>", NONE));
        assertEquals("<p>x<div><p>after</p>", rewrite(REMOVE,
            "<p>x<div><span data-consent=\"marketing\">gated<div>inner</div>still</span><p>after</p>", NONE));
        assertEquals("<div><p>x</div><p>after</p>", rewrite(REMOVE,
            "<div><p>x</div><span data-consent=\"marketing\">gated<div>inner</div>still</span><p>after</p>", NONE));
        // a paragraph outside a button, an object or a table cell is out of the reach of a block inside it
        assertEquals("<p>x <button></button> y</p>", rewrite(REMOVE,
            "<p>x <button><span data-consent=\"marketing\">g<div>in</div>g</span></button> y</p>", NONE));
        assertEquals("<p>x <object data=\"/m.svg\"></object> y</p>", rewrite(REMOVE,
            "<p>x <object data=\"/m.svg\"><span data-consent=\"marketing\">g<div>in</div>g</span></object> y</p>",
            NONE));
        assertEquals("<p>x <span> y</p>", rewrite(REMOVE,
            "<p>x <span><span data-consent=\"marketing\">g<button><div>in</div></button>g</span> y</p>", NONE));
        // a formatting element is reopened by a browser in the block: it runs on to its own end tag
        assertEquals("<p>x  after</p>", rewrite(REMOVE,
            "<p>x <b data-consent=\"marketing\">g<div>in</div>g</b> after</p>", NONE));
    }

    @Test
    void anItemStartTagClosesTheItemTheElementIsIn() {
        // a browser closes the list item it finds before any special element but <address>, <div> and <p>
        assertEquals("<ul><li>a <li>b</ul><p>after</p>", rewrite(REMOVE,
            "<ul><li>a <span data-consent=\"marketing\">x<li>b</ul><p>after</p>", NONE));
        assertEquals("<ol><li><div>a <li>b</ol>", rewrite(REMOVE,
            "<ol><li><div>a <label data-consent=\"marketing\">x<i>y</i><li>b</ol>", NONE));
        assertEquals("<ul><li><p>a</p><li>b</ul>", rewrite(REMOVE,
            "<ul><li><p>a</p><my-badge data-consent=\"marketing\">x<li>b</ul>", NONE));
        assertEquals("<dl><dt>T <dd>d<dt>U <dt>V</dl>", rewrite(REMOVE, "<dl><dt>T <span data-consent=\"marketing\">x"
            + "<dd>d<dt>U <video data-consent=\"marketing\"><source src=\"/v.mp4\"><dt>V</dl>", NONE));
        // a list opened inside the removed element holds its own items
        assertEquals("<ul><li>a <li>b</ul>", rewrite(REMOVE,
            "<ul><li>a <span data-consent=\"marketing\">x<ul><li>y<li>z</ul>w</span><li>b</ul>", NONE));
        // a formatting element is reopened in the next item: it runs on to its own end tag
        assertEquals("<ul><li>a </ul><p>after</p>", rewrite(REMOVE,
            "<ul><li>a <b data-consent=\"marketing\">x<li>b</b></ul><p>after</p>", NONE));
    }

    @Test
    void aRemovedParagraphRunsOnPastAParagraphInsideAButtonScopeBoundary() {
        // a paragraph is closed only in button scope: one opened in an <object>'s fallback, a template, a button, a
        // select or a marquee is nested in the removed paragraph, and so is a block there (Chromium's tree)
        String ad = "<iframe src=\"https://ads.partner.example/slot\"></iframe>";
        assertEquals("<p>Article text</p>", rewrite(REMOVE, "<p data-consent=\"marketing\">Sponsored video: "
            + "<object data=\"/promo.mp4\" type=\"video/mp4\"><p>Your browser cannot play it.</p></object> " + ad
            + "</p><p>Article text</p>", NONE));
        assertEquals("<p>Article text</p>", rewrite(REMOVE, "<p data-consent=\"marketing\">Follow us "
            + "<template x-if=\"open\"><p>Thanks!</p></template> " + ad + "</p><p>Article text</p>", NONE));
        assertEquals("<div>kept</div>", rewrite(REMOVE, "<p data-consent=\"marketing\">Deal <button>Buy"
            + "<div>now</div></button>" + ad + "<div>kept</div>", NONE));
        assertEquals("<h2>kept</h2>", rewrite(REMOVE, "<p data-consent=\"marketing\">Deal <select><option>a<p>b"
            + "</select>" + ad + "<h2>kept</h2>", NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<p data-consent=\"marketing\">Deal <marquee><p>Today only</p>"
            + "</marquee>" + ad + "</p><p>kept</p>", NONE));
        // an ancestor's end tag does not reach past the boundary either
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE, "<div><p data-consent=\"marketing\">a <object><div>x</div>"
            + "</div></object>" + ad + "</div><p>kept</p>", NONE));
        // outside the boundary a block closes the paragraph as before
        assertEquals("<div>kept</div>", rewrite(REMOVE, "<p data-consent=\"marketing\">a <object><p>x</p></object>"
            + "<div>kept</div>", NONE));
    }

    @Test
    void aRemovedItemRunsOnPastAnItemInsideASpecialElement() {
        // a browser looks for the item to close only as far as a special element other than <address>, <div> and
        // <p>: an item in a button, a section, a form, a nested menu… is nested in the removed one (Chromium's tree)
        String ad = "<iframe src=\"https://ads.partner.example/slot\"></iframe>";
        assertEquals("<ul><li>Next item</li></ul>", rewrite(REMOVE, "<ul><li data-consent=\"marketing\">Partner offer "
            + "<button><li>Details</li></button>" + ad + "</li><li>Next item</li></ul>", NONE));
        for (String block : new String[] {"section", "article", "nav", "h2", "form", "fieldset", "details", "figure",
            "blockquote", "center", "dir", "object", "select", "template", "marquee", "table"}) {
            assertEquals("<ul><li>kept</ul>", rewrite(REMOVE, "<ul><li data-consent=\"marketing\">a <" + block
                + "><li>x</" + block + ">" + ad + "</li><li>kept</ul>", NONE), block);
            assertEquals("<dl><dt>kept</dl>", rewrite(REMOVE, "<dl><dd data-consent=\"marketing\">a <" + block
                + "><dt>x</" + block + ">" + ad + "</dd><dt>kept</dl>", NONE), block);
            assertEquals("<dl><dd>kept</dl>", rewrite(REMOVE, "<dl><dt data-consent=\"marketing\">a <" + block
                + "><dd>x</" + block + ">" + ad + "</dt><dd>kept</dl>", NONE), block);
        }
        // a <menu> holds its own items, and the outer list's end tag closes it with the removed item
        assertEquals("<ul></ul><p>kept</p>", rewrite(REMOVE, "<ul><li data-consent=\"marketing\">a <menu><li>x"
            + ad + "</ul><p>kept</p>", NONE));
        // the item's end tag closes it past a button (list item scope), where an item start tag does not
        assertEquals("<ul>b</button><li>kept</ul>", rewrite(REMOVE, "<ul><li data-consent=\"marketing\">a <button>"
            + "</li>b</button><li>kept</ul>", NONE));
        // past <div>, <address> and <p> the next item closes the removed one, as before
        assertEquals("<ul><li>kept</ul>", rewrite(REMOVE,
            "<ul><li data-consent=\"marketing\">a <div><p>b <address>c<li>kept</ul>", NONE));
    }

    @Test
    void aDivisionsEndTagClosesAnItemOpenedInsideIt() {
        // the item is closed with the <div> or <address> it was opened in: the element after it is in the list, and
        // the next item opens inside it (a <ul> is special: its items do not close what is open in it)
        assertEquals("<ul><div><li>a</div></ul><p>after</p>", rewrite(REMOVE, "<ul><div><li>a</div>"
            + "<span data-consent=\"marketing\">x<li>y</li></span></ul><p>after</p>", NONE));
        assertEquals("<ul><address><li>a</address></ul><p>after</p>", rewrite(REMOVE, "<ul><address><li>a"
            + "</address><span data-consent=\"marketing\">x<li>y</li></span></ul><p>after</p>", NONE));
        assertEquals("<dl><div><dt>T<dd>a</div></dl><p>after</p>", rewrite(REMOVE, "<dl><div><dt>T<dd>a</div>"
            + "<span data-consent=\"marketing\">x<dd>y</dd></span></dl><p>after</p>", NONE));
        assertEquals("<div><ul><li>a</div><p>after</p>", rewrite(REMOVE, "<div><ul><li>a</div>"
            + "<span data-consent=\"marketing\">x<li>y</li></span><p>after</p>", NONE));
        // an <address> opened in the item, a <div> in that: the </div> closes the item around them
        assertEquals("<ul><div><li>a<address>b<div>c</address></div></ul><p>after</p>", rewrite(REMOVE,
            "<ul><div><li>a<address>b<div>c</address></div><span data-consent=\"marketing\">x<li>y</li></span></ul>"
                + "<p>after</p>", NONE));
    }

    @Test
    void aDivisionOpenedInsideTheItemLeavesItOpen() {
        // the <div> closes only itself: the next item closes the item and the element in it
        assertEquals("<ul><li>a<div>b</div><li>y</li></ul><p>after</p>", rewrite(REMOVE, "<ul><li>a<div>b</div>"
            + "<span data-consent=\"marketing\">x<li>y</li></ul><p>after</p>", NONE));
        assertEquals("<ul><li>a<address>b</address><li>y</li></ul>", rewrite(REMOVE, "<ul><li>a<address>b</address>"
            + "<span data-consent=\"marketing\">x<li>y</li></ul>", NONE));
        assertEquals("<dl><dt>T<div>d</div><dd>y</dd></dl>", rewrite(REMOVE, "<dl><dt>T<div>d</div>"
            + "<span data-consent=\"marketing\">x<dd>y</dd></dl>", NONE));
        // a product card: a button in the division, an address closed by the division's end tag
        assertEquals("<ul class=\"products\"><li><div class=\"card\">Shirt <button>Add</button></div><li>Next</ul>",
            rewrite(REMOVE, "<ul class=\"products\"><li><div class=\"card\">Shirt <button>Add</button></div>"
                + "<span data-consent=\"marketing\">Partner price<li>Next</ul>", NONE));
        assertEquals("<ul><li>a<div>b<address>c</div><li>y</li></ul>", rewrite(REMOVE, "<ul><li>a<div>b<address>c"
            + "</div><span data-consent=\"marketing\">x<li>y</li></ul>", NONE));
    }

    @Test
    void withoutAnOpenItemAnItemNestsInTheRemovedElement() {
        // the item was closed, or a special element stands between it and the element
        assertEquals("<ul><li>a</li></ul><p>after</p>", rewrite(REMOVE,
            "<ul><li>a</li></ul><span data-consent=\"marketing\">x<li>y</li>z</span><p>after</p>", NONE));
        assertEquals("<ul><li><section></section></ul>", rewrite(REMOVE,
            "<ul><li><section><span data-consent=\"marketing\">x<li>y</span></section></ul>", NONE));
        assertEquals("<ul><li><table><tr><td></td></tr></table></ul>", rewrite(REMOVE,
            "<ul><li><table><tr><td><span data-consent=\"marketing\">x<li>y</span></td></tr></table></ul>", NONE));
    }

    @Test
    void aParagraphOrItemOutsideSvgOrMathMLIsOutOfReachInside() {
        // <mi>, <desc>, <foreignObject> are scope boundaries: a block inside them closes no paragraph or item outside
        assertEquals("<p>a<math><mi></mi></math>tail</p>", rewrite(REMOVE, "<p>a<math><mi><span data-consent=\"marketing\">"
            + "x<div><iframe src=\"https://ads.example.net/x\"></iframe></div>y</span></mi></math>tail</p>", NONE));
        assertEquals("<p>a<svg><desc></desc></svg>tail</p>", rewrite(REMOVE, "<p>a<svg><desc><span data-consent=\"marketing\">"
            + "x<div>y</div>z</span></desc></svg>tail</p>", NONE));
        // (the <li> opens inside the span, whose end tag a browser then ignores, as it does the rest: the removal
        // takes the </ul> for the list's, as before)
        assertEquals("<ul><li>a<svg><foreignObject></ul>", rewrite(REMOVE,
            "<ul><li>a<svg><foreignObject><span data-consent=\"marketing\">x<li>y</span></foreignObject></svg></ul>",
            NONE));
    }

    @Test
    void aTableDoesNotEndTheRemovalItMayNestIn() {
        // without a doctype (quirks mode) a <table> does not close the paragraph: the removal goes on, fail-closed
        assertEquals("<html><body><p>Intro  more</p><p>end</p>", rewrite(REMOVE, "<html><body><p>Intro "
            + "<span data-consent=\"marketing\">Ad:<table><tr><td><iframe src=\"https://ads.example.net/slot\"></iframe>"
            + "</td></tr></table></span> more</p><p>end</p>", NONE));
    }

    @Test
    void aParagraphOpenedInsideANoscriptIsNotOpenAfterIt() {
        // a browser that runs scripts reads the noscript's content as text: no paragraph is open after it
        assertEquals("<noscript><p>Enable JavaScript</noscript><p>after</p>", rewrite(REMOVE,
            "<noscript><p>Enable JavaScript</noscript><span data-consent=\"marketing\">g<div>in</div>g</span>"
                + "<p>after</p>", NONE));
    }

    @Test
    void aRemovedFormInATemplateEndsAtItsEndTagWithWhatIsOpenInIt() {
        // in a template a browser keeps no form pointer: </form> closes the form and the div open in it
        assertEquals("<template><p>in template</p></template><main>m</main>", rewrite(REMOVE,
            "<template><form data-consent=\"marketing\"><div>gated</form><p>in template</p></template><main>m</main>",
            NONE));
        // outside a template the form's content goes on in the div the form's end tag left open
        assertEquals("<main>m</main>", rewrite(REMOVE,
            "<form data-consent=\"marketing\"><div>gated</form>still in the div</div><main>m</main>", NONE));
    }

    @Test
    void endTagsABrowserIgnoresThereDoNotEndTheRemoval() {
        // end tags of elements that never hold an element, and of names HTML does not know
        assertEquals("<p>d</p>", rewrite(REMOVE,
            "<p><video data-consent=\"marketing\">a</script>b</img>c</foo></video>d</p>", NONE));
        // a phrasing end tag stops at the special element that is removed…
        assertEquals("<span><p>kept</p>", rewrite(REMOVE,
            "<span><div data-consent=\"marketing\">Gated</span>still gated</div><p>kept</p>", NONE));
        // …and at a special element open inside it
        assertEquals("<span><p>kept</p>", rewrite(REMOVE,
            "<span><video data-consent=\"marketing\"><div>Gated</span>still gated</div></video><p>kept</p>", NONE));
        // a block's end tag does not reach past a scope boundary: the removed <object>, a table inside
        assertEquals("<div><p>kept</p>", rewrite(REMOVE, "<div><object data-consent=\"marketing\" data=\"/a.swf\">"
            + "fallback</div>still inside</object><p>kept</p>", NONE));
        assertEquals("<div><p>kept</p>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><table><tr><td>"
            + "cell</div>more</td></tr></table></section><p>kept</p>", NONE));
        // </p> closes nothing in a block element: no paragraph is open around it
        assertEquals("<div><p>x</p><p>kept</p>", rewrite(REMOVE,
            "<div><p>x</p><section data-consent=\"marketing\">Gated</p>still gated</section><p>kept</p>", NONE));
        // </body> closes nothing: a browser puts what follows in the element
        assertEquals("<div>", rewrite(REMOVE, "<div><aside data-consent=\"marketing\">Gated</body></html>more", NONE));
    }

    @Test
    void aStartTagClosesTheElementOnlyWhereItCannotNest() {
        assertEquals("<p><a href=\"/next\">Next</a></p>", rewrite(REMOVE,
            "<p><a data-consent=\"marketing\" href=\"/promo\">Gated<a href=\"/next\">Next</a></p>", NONE));
        assertEquals("<h2>Next</h2><p>kept</p>", rewrite(REMOVE,
            "<h2 data-consent=\"marketing\">Offer<h2>Next</h2><p>kept</p>", NONE));
        // a heading opened inside something in the heading nests
        assertEquals("<p>kept</p>", rewrite(REMOVE,
            "<h2 data-consent=\"marketing\">Offer<span><h3>x</h3></span></h2><p>kept</p>", NONE));
        // a section in a section nests: only the outer end tag ends the removal
        assertEquals("<main><p>kept</p></main>", rewrite(REMOVE, "<main><section data-consent=\"marketing\">"
            + "<section>inner</section>still gated</section><p>kept</p></main>", NONE));
    }

    @Test
    void aFormattingElementRunsOnToItsOwnEndTag() {
        // a browser reopens the <b> in the next paragraph, attributes and all: that text is gated too (the paragraph
        // break inside goes with it)
        assertEquals("<p> after</p>", rewrite(REMOVE,
            "<p><b data-consent=\"marketing\">Gated</p><p>still gated</b> after</p>", NONE));
    }

    @Test
    void pastTheLimitOfOpenTagsTheRemovalEndsOnlyAtItsOwnEndTag() {
        String spans = "<span>".repeat(ImpliedEnds.MAX_OPEN + 1);
        assertEquals("<div><p>kept</p>", rewrite(REMOVE,
            "<div><section data-consent=\"marketing\">" + spans + "</div>after</section><p>kept</p>", NONE));
        String fewer = "<span>".repeat(ImpliedEnds.MAX_OPEN - 1);
        assertEquals("<div></div>after</section><p>kept</p>", rewrite(REMOVE,
            "<div><section data-consent=\"marketing\">" + fewer + "</div>after</section><p>kept</p>", NONE));
    }

    @Test
    void theRemovalEndsAtTheSamePlaceWhereverTheInputIsSplit() {
        String page = "<div><p>a<video src=\"https://www.facebook.com/tr?id=1\"><source src=\"/v.mp4\">"
            + "<span>fallback</span></p><section data-consent=\"marketing\"><em>x</em></div><p>Important</p>"
            + "<P>b <Span data-consent=\"marketing\">c<Em>e</Em><DIV>d</div><p>e</p><span data-consent=\"marketing\">f"
            + "<div>g</div></span><p>h <script>w(1)</script><button>i</button> <span data-consent=\"marketing\">j"
            + "<div>k</div>";
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(
            rewrite(REMOVE, in, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
        assertEquals("<div><p>a</p></div><p>Important</p><P>b <DIV>d</div><p>e</p><p>h <script>w(1)</script>"
            + "<button>i</button> <div>k</div>", rewrite(REMOVE, page, NONE));
    }

    @Test
    void anEndTagOfAParagraphDoesNotReachPastAButton() {
        // a browser finds no paragraph in button scope: it puts an empty one in the button, which goes on
        assertEquals("<p>after</p>", rewrite(REMOVE,
            "<p><button data-consent=\"marketing\">Gated</p>still gated</button>after</p>", NONE));
        assertEquals("<p>after</p>", rewrite(REMOVE,
            "<p><span data-consent=\"marketing\"><button>x</p>still gated</button>z</span>after</p>", NONE));
    }

    @Test
    void anEndTagOfAListItemDoesNotReachPastAList() {
        // a nested list without its end tag: a browser finds no list item in list item scope at the outer </li>,
        // and the next item goes in the removed list (Chromium's tree)
        assertEquals("<ul><li>Menu</ul>", rewrite(REMOVE, "<ul><li>Menu<ul data-consent=\"marketing\">"
            + "<li>Promo</li></li><li>Gated</li></ul></ul>", NONE));
        assertEquals("<ul><li>Menu</ul>", rewrite(REMOVE, "<ul><li>Menu<div data-consent=\"marketing\"><ol>"
            + "<li>Promo</li></li><li>Gated</li></ol></div></ul>", NONE));
    }

    @Test
    void anSvgIconInTheRemovedElementIsClosedByItsOwnEndTag() {
        // </svg> is read in SVG content: the icon must not stay open in what the removal follows
        assertEquals("<div><h2>Next</h2><p>kept</p></div>", rewrite(REMOVE, "<div><h2 data-consent=\"marketing\">"
            + "<svg class=\"icon\"><use href=\"#offer\"></use></svg>Offer<h2>Next</h2><p>kept</p></div>", NONE));
        assertEquals("<div><h2>Next</h2><p>kept</p></div>", rewrite(REMOVE,
            "<div><h2 data-consent=\"marketing\"><svg/><math/>Offer<h2>Next</h2><p>kept</p></div>", NONE));
    }

    @Test
    void anAncestorsEndTagReadInAnUnclosedSvgInTheRemovedElementEndsIt() {
        // the end tag walks out of the SVG content to the HTML rules, which close the <svg> with the element
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE,
            "<div><section data-consent=\"marketing\"><svg><image href=\"/x.png\"></div><p>kept</p>", NONE));
        assertEquals("<ul></ul><p>kept</p>", rewrite(REMOVE,
            "<ul><li data-consent=\"marketing\">Offer <svg><use href=\"#i\"></ul><p>kept</p>", NONE));
        // an element opened inside the removed one is the one it closes
        assertEquals("<div><p>kept</p>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><div><svg><rect>"
            + "</div>still gated</section><p>kept</p>", NONE));
        // an <svg> in a <foreignObject> in the removed element: the integration point is a scope boundary, where
        // the </div> and the </section> are ignored, and the <p> leaves the inner SVG for the <foreignObject> (in
        // Chromium's tree "kept" is in the removed section)
        assertEquals("<div>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><svg>"
            + "<foreignObject><svg><rect></div>still gated</section><p>kept</p>", NONE));
    }

    @Test
    void aStrayEndTagOfSvgOrMathInHtmlContentEndsNothing() {
        // no HTML element is named svg or math: a browser ignores the tag (Chromium's tree)
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE,
            "<div><video data-consent=\"marketing\">x</svg>still gated</math>more</div><p>kept</p>", NONE));
    }

    @Test
    void noEndTagReachesOutOfAnSvgOrMathMLIntegrationPoint() {
        // <foreignObject>, <mi>… are scope boundaries: a browser ignores </div> there and puts an empty paragraph in
        // for </p> (Chromium's tree)
        assertEquals("<div><p>kept</p>", rewrite(REMOVE, "<div><video data-consent=\"marketing\"><svg><foreignObject>"
            + "</div><b>still gated</b></foreignObject></svg>more</video><p>kept</p>", NONE));
        assertEquals("<p>after</p>", rewrite(REMOVE, "<p><video data-consent=\"marketing\"><math><mi></p>still gated"
            + "</mi></math>more</video>after</p>", NONE));
    }

    @Test
    void noTagInsideANoscriptInTheRemovedElementEndsIt() {
        // with scripting on, a browser reads a <noscript>'s content as text: its tags close nothing
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><noscript>"
            + "</div></noscript>still gated</div><p>kept</p>", NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<a data-consent=\"marketing\" href=\"/promo\"><noscript>"
            + "<a href=\"/x\">x</a></noscript>still gated</a><p>kept</p>", NONE));
    }

    @Test
    void noTagInsideATemplateOrNoscriptInARemovedCellOrOptionEndsIt() {
        // a template's content is its own, and to a browser that runs scripts a noscript's is text: the cell, row or
        // option ends at the next one after them (Chromium's tree)
        assertEquals("<table><tr><td>z</td></tr></table>", rewrite(REMOVE, "<table><tr><td data-consent=\"marketing\">"
            + "x<template><td>n</template>y<td>z</td></tr></table>", NONE));
        assertEquals("<table><tr><td>z</td></tr></table>", rewrite(REMOVE, "<table><tr><td data-consent=\"marketing\">"
            + "x<noscript></td><td>n</noscript>y<td>z</td></tr></table>", NONE));
        assertEquals("<table><tr><td>z</td></tr></table>", rewrite(REMOVE, "<table><tr data-consent=\"marketing\">"
            + "<td>x<template><tr><td>n</template>y<tr><td>z</td></tr></table>", NONE));
        assertEquals("<select><option>d</select>", rewrite(REMOVE, "<select><option data-consent=\"marketing\">a"
            + "<template><option>b</template>c<option>d</select>", NONE));
        assertEquals("<select><option>d</select>", rewrite(REMOVE, "<select><option data-consent=\"marketing\">a"
            + "<noscript><option>b</noscript>c<option>d</select>", NONE));
        // the template the removal began in: its end tag ends it
        assertEquals("<template><table><tr></template><p>kept</p>", rewrite(REMOVE, "<template><table><tr>"
            + "<td data-consent=\"marketing\">x</template><p>kept</p>", NONE));
    }

    @Test
    void aRemovedCaptionEndsWhereTheTablesPartsBegin() {
        // "in caption": the start tag of a table part and </table> close it, past whatever is open in it but a
        // table, a template or a noscript (Chromium's tree)
        String row = "<tr><td>Row 1</td></tr></table><p>After</p>";
        assertEquals("<table>" + row, rewrite(REMOVE, gate("<table><caption @>Sponsored" + row), NONE));
        assertEquals("<table><tbody>" + row, rewrite(REMOVE, gate("<table><caption @>Sponsored<tbody>" + row), NONE));
        assertEquals("<table><col>" + row, rewrite(REMOVE, gate("<table><caption @>Sponsored<col>" + row), NONE));
        assertEquals("<table><td>Row 1</td></table>", rewrite(REMOVE, gate("<table><caption @>Sponsored <div>by "
            + "<button>partner</button></div><td>Row 1</td></table>"), NONE));
        assertEquals("<table>" + row, rewrite(REMOVE, gate("<table><caption @>x<table><tr><td>in</td></tr></table>y"
            + row), NONE));
        assertEquals("<table>" + row, rewrite(REMOVE, gate("<table><caption @>x<template><tr><td>t</td></tr></template>"
            + "<noscript><tr></noscript><svg><tr></tr></svg>y" + row), NONE));
        // a second caption closes the first
        assertEquals("<table><caption>Prices</caption>" + row, rewrite(REMOVE, gate("<table><caption @>Sponsored"
            + "<caption>Prices</caption>" + row), NONE));
        // </table> closes it; a browser ignores other end tags there
        assertEquals("<table></table><p>After</p>", rewrite(REMOVE, gate("<table><caption @>x</div>y</tbody>z</table>"
            + "<p>After</p>"), NONE));
        assertEquals("<table>" + row, rewrite(REMOVE, gate("<table><caption @>Sponsored</caption>" + row), NONE));
    }

    @Test
    void aRemovedColumnGroupEndsAtAnyTagButAColumn() {
        // "in column group": anything but <col>, a template, whitespace and comments closes it (Chromium's tree)
        String row = "<tr><td>Row 1</td></tr></table><p>After</p>";
        assertEquals("<table>" + row, rewrite(REMOVE, gate("<table><colgroup @><col><col>" + row), NONE));
        assertEquals("<table><thead><tr><th>H</th></tr></thead></table>", rewrite(REMOVE, gate("<table>"
            + "<colgroup @ span=\"2\"><thead><tr><th>H</th></tr></thead></table>"), NONE));
        assertEquals("<table><colgroup><col></colgroup>" + row, rewrite(REMOVE, gate("<table><colgroup @><col>"
            + "<colgroup><col></colgroup>" + row), NONE));
        assertEquals("<table><caption>C</caption>" + row, rewrite(REMOVE, gate("<table><colgroup @><col><template><col>"
            + "<tr></template><caption>C</caption>" + row), NONE));
        assertEquals("<table></table><p>After</p>", rewrite(REMOVE, gate("<table><colgroup @><col></table>"
            + "<p>After</p>"), NONE));
        // what a browser moves out in front of the table is the page's
        assertEquals("<table><div>x</div><noscript>n</noscript>" + row, rewrite(REMOVE, gate("<table><colgroup @><col>"
            + "<div>x</div><noscript>n</noscript>" + row), NONE));
        assertEquals("<table></tbody>" + row, rewrite(REMOVE, gate("<table><colgroup @><col></col></tbody>" + row),
            NONE));
    }

    @Test
    void aRemovedRubyPartEndsAtTheNextRubyPart() {
        // <rb>, <rt>, <rp> end at the next <rb>, <rt>, <rtc> or <rp>, an <rtc> at the next <rb> or <rtc>, when only
        // elements whose end tags may be left out are open in them; all at </ruby> (Chromium's tree)
        String after = "<p>After</p>";
        assertEquals("<ruby>漢<rt>kan</rt></ruby>", rewrite(REMOVE, gate("<ruby>漢<rt @>x<rt>kan</rt></ruby>"), NONE));
        assertEquals("<ruby>漢<rb>字</rb></ruby>", rewrite(REMOVE, gate("<ruby>漢<rt @>x<rb>字</rb></ruby>"), NONE));
        assertEquals("<ruby><rt>kan</ruby>", rewrite(REMOVE, gate("<ruby><rb @>漢<rt>kan</ruby>"), NONE));
        assertEquals("<ruby><rb>字<rtc>kanji</ruby>", rewrite(REMOVE, gate("<ruby><rb @>漢<rb>字<rtc>kanji</ruby>"),
            NONE));
        assertEquals("<ruby><rb>漢<rb>字</ruby>", rewrite(REMOVE, gate("<ruby><rb>漢<rtc @>kan<rt>x<rb>字</ruby>"),
            NONE));
        assertEquals("<ruby>漢<rt>kan<rp>)</rp></ruby>", rewrite(REMOVE, gate("<ruby>漢<rp @>(<rt>kan<rp>)</rp></ruby>"),
            NONE));
        assertEquals("<ruby>漢<rt>kan</ruby>", rewrite(REMOVE, gate("<ruby>漢<rt @>x<p>y<rt>kan</ruby>"), NONE));
        // an <rp> does not close an <rtc>; an element open in the part holds the next one
        assertEquals("<ruby></ruby>" + after, rewrite(REMOVE, gate("<ruby><rtc @>kan<rp>(</rp>z</ruby>" + after),
            NONE));
        assertEquals("<ruby>漢</ruby>" + after, rewrite(REMOVE, gate("<ruby>漢<rt @>x<span>y<rt>z</ruby>" + after),
            NONE));
        assertEquals("<ruby></ruby>" + after, rewrite(REMOVE, gate("<ruby><rb @>漢<b>y<rt>kan</rt></b></ruby>" + after),
            NONE));
        assertEquals("<ruby>漢</ruby>z" + after, rewrite(REMOVE, gate("<ruby>漢<rt @>x<div>d<rt>k</div></ruby>z" + after),
            NONE));
        assertEquals("<ruby></ruby>" + after, rewrite(REMOVE, gate("<ruby><rb @>漢</ruby>" + after), NONE));
    }

    @Test
    void aRemovedTableEndsAtATableStartedOutsideItsCells() {
        // "in table": a <table> start tag closes the open table, past what is foster-parented in front of it (a
        // <div>, a <select>, an <object>); in a cell or caption it nests (Chromium's tree)
        String next = "<table><tr><td>Row 1</td></tr></table><p>After</p>";
        assertEquals(next, rewrite(REMOVE, gate("<table @><tr><td>Partner</td></tr>" + next), NONE));
        for (String fostered : new String[] {"<div>x", "<select><option>o", "<object>"}) {
            assertEquals(next, rewrite(REMOVE, gate("<table @><tr><td>Partner</td></tr>" + fostered + next), NONE),
                fostered);
        }
        assertEquals(next, rewrite(REMOVE, gate("<table @><tr><td>Partner<table><tr><td>in</td></tr></table>y</td>"
            + "</tr></table>" + next), NONE));
        assertEquals("", rewrite(REMOVE, gate("<table @><tr><td>Partner" + next), NONE));
        assertEquals("", rewrite(REMOVE, gate("<table @><caption>c" + next), NONE));
        assertEquals("<p>After</p>", rewrite(REMOVE, gate("<table @><tr><td>a</td></tr><template><table></template>"
            + "<tr><td>b</td></tr></table><p>After</p>"), NONE));
    }

    /** {@code html} with each {@code @} replaced by the attribute that gates an element by the marketing category. */
    private static String gate(String html) {
        return html.replace("@", "data-consent=\"marketing\"");
    }

    @Test
    void noEndTagButTheSelectsOwnEndsARemovalInsideASelect() {
        // a browser ignores other end tags in a <select> (Chromium's tree)
        assertEquals("<div><p>kept</p>", rewrite(REMOVE, "<div><span data-consent=\"marketing\"><select><option>x"
            + "</div>still gated</select></span><p>kept</p>", NONE));
        assertEquals("<div><p>kept</p>", rewrite(REMOVE, "<div><select data-consent=\"marketing\"><option>x"
            + "</div>still gated</p></select><p>kept</p>", NONE));
    }

    @Test
    void aTableCellsEndTagEndsTheRemovalPastAnObjectOrAFormattingElement() {
        // in a cell a browser looks for </td> in table scope: it passes an <object>, a <select>, and closes a <b>
        // or <a>, which it does not reopen past the cell (Chromium's tree)
        assertEquals("<table><tr><td></td><td>kept</td></tr></table><p>after</p>", rewrite(REMOVE,
            "<table><tr><td><b data-consent=\"marketing\">Gated</td><td>kept</td></tr></table><p>after</p>", NONE));
        assertEquals("<table><tr><td></td><td>kept</td></tr></table>", rewrite(REMOVE, "<table><tr><td>"
            + "<div data-consent=\"marketing\"><object>x</td><td>kept</td></tr></table>", NONE));
        assertEquals("<table><tr><td></td><td>kept</td></tr></table>", rewrite(REMOVE, "<table><tr><td>"
            + "<object data-consent=\"marketing\" data=\"/a.swf\">x</td><td>kept</td></tr></table>", NONE));
        // but not past a table inside the removed element
        assertEquals("<table><tr><td><p>kept</p>", rewrite(REMOVE, "<table><tr><td><div data-consent=\"marketing\">"
            + "<table><tr><td>x</td></tr></td>still gated</table></div><p>kept</p>", NONE));
    }

    @Test
    void aGatedElementInATableCellEndsAtTheStartTagThatClosesTheCell() {
        // "in cell": the start tag of a cell, a row, a section or a caption closes the cell, and all that is open in
        // it, past an <object> or a <button>, but not past a table opened inside the removed element (Chromium's tree)
        String after = "kept</td></tr></table><p>after</p>";
        assertEquals("<table><tr><td><td>" + after, rewrite(REMOVE, gate("<table><tr><td><div @>ad<td>" + after),
            NONE));
        assertEquals("<table><tr><td><th>" + after, rewrite(REMOVE, gate("<table><tr><td><div @>ad<th>" + after),
            NONE));
        assertEquals("<table><tr><td><tr><td>" + after, rewrite(REMOVE, gate("<table><tr><td><section @>ad<tr><td>"
            + after), NONE));
        assertEquals("<table><tr><td><tbody><tr><td>" + after, rewrite(REMOVE, gate("<table><tr><td><span @>ad"
            + "<tbody><tr><td>" + after), NONE));
        assertEquals("<table><tr><td><td>" + after, rewrite(REMOVE, gate("<table><tr><td><div @><button>ad<object>"
            + "x<td>" + after), NONE));
        // a table closed in the cell before the removed element leaves the cell's table counted
        assertEquals("<table><tr><td><table><tr><td>in</td></tr></table><td>" + after, rewrite(REMOVE, gate(
            "<table><tr><td><table><tr><td>in</td></tr></table><div @>ad<td>" + after), NONE));
        // a caption ends at the start of the table's rows, and the removal with it
        assertEquals("<table><caption><tr><td>kept", rewrite(REMOVE,
            "<table><caption><div data-consent=marketing>x<tr><td>kept", NONE));
        // a <div> read between rows, which a browser puts in front of the table, ends at the next row
        assertEquals("<table><tr><td>" + after, rewrite(REMOVE, gate("<table><div @>ad<tr><td>" + after), NONE));
        for (String page : new String[] {"<table><tr><td><div @>ad<td>" + after,
            "<table><caption><div @>x<tr><td>kept", "<table><div @>ad<tr><td>" + after,
            "<table><tr><td><table><tr><td>in</td></tr></table><div @>ad<td>" + after}) {
            assertSameTreeAsJsoup(gate(page));
        }
    }

    @Test
    void aGatedParagraphOrItemInACellEndsAtTheNextCell() {
        String after = "kept</td></tr></table>";
        assertEquals("<table><tr><td><td>" + after, rewrite(REMOVE, gate("<table><tr><td><p @>ad<td>" + after),
            NONE));
        assertEquals("<table><tr><td><ul><td>" + after, rewrite(REMOVE, gate("<table><tr><td><ul><li @>ad<td>"
            + after), NONE));
        assertEquals("<table><tr><td><dl><th>" + after, rewrite(REMOVE, gate("<table><tr><td><dl><dd @>ad<th>"
            + after), NONE));
        assertEquals("<table><caption><tr><td>" + after, rewrite(REMOVE, gate("<table><caption><p @>ad<tr><td>"
            + after), NONE));
        for (String page : new String[] {"<table><tr><td><p @>ad<td>" + after,
            "<table><tr><td><ul><li @>ad<td>" + after, "<table><tr><td><dl><dd @>ad<th>" + after}) {
            assertSameTreeAsJsoup(gate(page));
        }
    }

    @Test
    void aGatedOptionInATableCellEndsWhereTheCellEnds() {
        // "in select in table": the start tag of a cell, a row or a table's section, and the end tag of one that is
        // open, close the select, and the option with it; then the cell closes (Chromium's tree)
        String after = "kept</td></tr></table><p>after</p>";
        assertEquals("<table><tr><td><select><td>" + after, rewrite(REMOVE, gate("<table><tr><td><select>"
            + "<option @>x<td>" + after), NONE));
        assertEquals("<table><tr><td><select><option>a<th>" + after, rewrite(REMOVE, gate("<table><tr><td><select>"
            + "<option>a<option @>x<th>" + after), NONE));
        assertEquals("<table><tr><td><select><tr><td>" + after, rewrite(REMOVE, gate("<table><tr><td><select>"
            + "<optgroup @ label=g><option>x<tr><td>" + after), NONE));
        assertEquals("<table><tr><td><select><tbody><tr><td>" + after, rewrite(REMOVE, gate("<table><tr><td><select>"
            + "<option @>x<tbody><tr><td>" + after), NONE));
        assertEquals("<table><tr><td><select></td><td>" + after, rewrite(REMOVE, gate("<table><tr><td><select>"
            + "<option @>x</td><td>" + after), NONE));
        assertEquals("<table><tr><td><select></table><p>kept</p>", rewrite(REMOVE, gate("<table><tr><td><select>"
            + "<option @>x</table><p>kept</p>"), NONE));
        // the select ignores a <col>; a template's content is its own (jsoup, unlike the rules, drops the rest of the
        // table after it: not compared)
        assertEquals("<table><tr><td><select><td>" + after, rewrite(REMOVE, gate("<table><tr><td><select>"
            + "<option @>x<col>y<td>" + after), NONE));
        assertEquals("<table><tr><td><select><td>" + after, rewrite(REMOVE, gate("<table><tr><td><select>"
            + "<option @>x<template><td>n</template>y<td>" + after), NONE));
        // a gated select ends there too
        assertEquals("<table><tr><td><td>" + after, rewrite(REMOVE, gate("<table><tr><td><select @><option>x<td>"
            + after), NONE));
        for (String page : new String[] {"<table><tr><td><select><option @>x<td>" + after,
            "<table><tr><td><select><option @>x<col>y<td>" + after,
            "<table><tr><td><select><option>a<option @>x<th>" + after,
            "<table><tr><td><select><optgroup @ label=g><option>x<tr><td>" + after,
            "<table><tr><td><select><option @>x<tbody><tr><td>" + after,
            "<table><tr><td><select><option @>x</td><td>" + after,
            "<table><tr><td><select><option @>x</table><p>kept</p>",
            "<table><tr><td><select @><option>x<td>" + after}) {
            assertSameTreeAsJsoup(gate(page));
        }
    }

    @Test
    void aGatedOptionInATableCaptionEndsWhereTheCaptionEnds() {
        // "in select in table", then "in caption": a row's start tag, </caption> and </table> close the select and
        // the caption (Chromium's tree)
        String rows = "<tr><td>kept</td></tr></table><p>after</p>";
        assertEquals("<table><caption><select>" + rows, rewrite(REMOVE, gate("<table><caption><select><option @>x"
            + rows), NONE));
        assertEquals("<table><caption><select></caption>" + rows, rewrite(REMOVE, gate("<table><caption><select>"
            + "<option @>x</caption>" + rows), NONE));
        assertEquals("<table><caption>" + rows, rewrite(REMOVE, gate("<table><caption><select @><option>x" + rows),
            NONE));
        for (String page : new String[] {"<table><caption><select><option @>x" + rows,
            "<table><caption><select><option @>x</caption>" + rows,
            "<table><caption><select @><option>x" + rows}) {
            assertSameTreeAsJsoup(gate(page));
        }
    }

    @Test
    void aGatedOptionOutsideAnyTableIgnoresTheTablesTags() {
        // "in select": a browser ignores a cell's, a row's tags and </table>: the option runs on to the next option
        assertEquals("<select><option>kept</select>", rewrite(REMOVE, gate("<select><option @>x<td>y</td></table>"
            + "<tr>z<option>kept</select>"), NONE));
        assertSameTreeAsJsoup(gate("<select><option @>x<td>y</td></table><tr>z<option>kept</select>"));
    }

    @Test
    void aTablesTagsOutsideAnyTableEndNothing() {
        // "in body" a browser ignores a cell's start and end tags, a row's, a caption's and </table>: the removed
        // element ends at its own end tag, which they do not hide (Chromium's tree)
        assertEquals("<p>kept</p>", rewrite(REMOVE, gate("<div @>ad<td>more ad</div><p>kept</p>"), NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, gate("<div @>ad<td>x</td>more ad</div><p>kept</p>"), NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, gate("<div @>ad<tr><caption>x</table></tr>y</div><p>kept</p>"),
            NONE));
        assertEquals("<p>kept", rewrite(REMOVE, gate("<p><a @ href=x>ad <td>y</a>kept"), NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, gate("<p @>ad<td>x</td>y</p><p>kept</p>"), NONE));
        // after a table is closed, as before it
        assertEquals("<table><tr><td>a</td></tr></table><p>kept</p>", rewrite(REMOVE, gate(
            "<table><tr><td>a</td></tr></table><div @>ad<td>x</td></div><p>kept</p>"), NONE));
        // a table opened inside the removed element has its own cells
        assertEquals("<p>kept</p>", rewrite(REMOVE, gate("<div @><table><tr><td>x<td>y</table>z</div><p>kept</p>"),
            NONE));
        for (String page : new String[] {"<div @>ad<td>more ad</div><p>kept</p>",
            "<div @>ad<td>x</td>more ad</div><p>kept</p>", "<p @>ad<td>x</td>y</p><p>kept</p>",
            "<table><tr><td>a</td></tr></table><div @>ad<td>x</td></div><p>kept</p>"}) {
            assertSameTreeAsJsoup(gate(page));
        }
    }

    @Test
    void aTableStartTagOverTheCapIsCountedOnceWhereverTheInputIsSplit() {
        // a table with its data in an attribute longer than the cap, closed, then a stray <td> in a gated element: a
        // browser ignores it, and the removal must too, however the table's start tag arrives (read whole, it was
        // counted again as its attributes were streamed, and the <td> ended the removal: "more ad" stayed)
        HtmlRewriter capped = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false)
            .maxHeldBytes(1024).build();
        String page = gate("<table data-rows=\"" + "r".repeat(1100) + "\"><tr><td>a</td></tr></table>"
            + "<div @>ad<td>more ad</div><p>kept</p>");
        byte[] in = page.getBytes(StandardCharsets.UTF_8);
        String whole = new String(RewriteAssertions.rewrite(capped, in, NONE, StandardCharsets.UTF_8, null,
            new int[0]), StandardCharsets.UTF_8);
        assertEquals(page.substring(0, page.indexOf("<div")) + "<p>kept</p>", whole);
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(capped, in,
            NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @Test
    void aHolderStartTagOverTheCapKeepsTheParagraphAsideOnceWhereverTheInputIsSplit() {
        // a <button> or <select> with a long attribute (page data in a data- attribute) in a paragraph: its end tag
        // brings the paragraph back, and the <div> closes it and the gated span; read whole, the holder was pushed
        // twice, its end tag popped one, and the removal ran to the end of the page
        HtmlRewriter capped = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false)
            .maxHeldBytes(1024).build();
        String data = "d".repeat(1100);
        for (String holder : new String[] {"<button data-props=\"" + data + "\">b</button>",
            "<select name=s data-props=\"" + data + "\"><option>a</select>"}) {
            String page = gate("<p>Text " + holder + " <span @>gated<div>rest</div><p>after</p>");
            byte[] in = page.getBytes(StandardCharsets.UTF_8);
            String whole = new String(RewriteAssertions.rewrite(capped, in, NONE, StandardCharsets.UTF_8, null,
                new int[0]), StandardCharsets.UTF_8);
            assertEquals("<p>Text " + holder + " <div>rest</div><p>after</p>", whole);
            RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(capped,
                in, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
        }
    }

    /**
     * The rewriter's output of {@code page} reads, to jsoup's WHATWG tree builder, as the tree of {@code page} less
     * its gated elements.
     */
    private static void assertSameTreeAsJsoup(String page) {
        org.jsoup.nodes.Document expected = org.jsoup.Jsoup.parse(page);
        expected.select("[data-consent]").remove();
        org.jsoup.nodes.Document actual = org.jsoup.Jsoup.parse(rewrite(REMOVE, page, NONE));
        assertEquals(expected.body().html(), actual.body().html(), page);
    }

    @Test
    void itemsWithoutEndTagsInsideTheRemovedElementCloseEachOther() {
        // a country list: each <option> closes the one before, so they do not pile up past the limit of open tags
        String options = "<option>Country".repeat(ImpliedEnds.MAX_OPEN * 2);
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE, "<div><form data-consent=\"marketing\"><select>"
            + options + "</select>still gated</div><p>kept</p>", NONE));
        String items = "<li>Item".repeat(ImpliedEnds.MAX_OPEN * 2);
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><ul>"
            + items + "</ul><p>a<p>b</div><p>kept</p>", NONE));
    }

    @Test
    void anEndTagMatchedInsideTheRemovedElementPopsWhatABrowserPops() {
        // </span> stops at the <div> opened after it: a browser ignores it, and </div> is the inner div's
        assertEquals("<div><p>kept</p></div>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><span><div>x"
            + "</span>y</div>still gated</section><p>kept</p></div>", NONE));
        // </b> with a <div> after it: the adoption agency closes the <b>, the <div> stays open
        assertEquals("<div><p>kept</p></div>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><b><div>x"
            + "</b>y</div>still gated</section><p>kept</p></div>", NONE));
        // </div> does not reach the div past a table cell
        assertEquals("<div><p>kept</p></div>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><div><table>"
            + "<tr><td>x</div>y</td></tr></table></div>still gated</section><p>kept</p></div>", NONE));
        // a <noscript>'s and a <template>'s end tags close what is open in them
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><noscript>"
            + "<div><span></noscript><template><div></template>still gated</div><p>kept</p>", NONE));
    }

    @Test
    void aTemplatesEndTagEndsARemovalInTheTemplate() {
        // </template> closes all that is open in the template, past a special element or a table (Chromium's tree)
        assertEquals("<template></template><p>kept</p>", rewrite(REMOVE,
            "<template><div data-consent=\"marketing\">x</template><p>kept</p>", NONE));
        assertEquals("<template></template><p>kept</p>", rewrite(REMOVE,
            "<template><span data-consent=\"marketing\"><table><tr><td>x</template><p>kept</p>", NONE));
        // and an element whose end tag may be left out, in a nested list too
        assertEquals("<template></template><p>kept</p>", rewrite(REMOVE,
            "<template><p data-consent=\"marketing\">x</template><p>kept</p>", NONE));
        assertEquals("<template><ul></template><p>kept</p>", rewrite(REMOVE,
            "<template><ul><li data-consent=\"marketing\">x<ul><li>y</template><p>kept</p>", NONE));
        // a template opened in the element closes only what is open in it
        assertEquals("<div>kept</div>", rewrite(REMOVE,
            "<p data-consent=\"marketing\">x<template>y</template>still gated<div>kept</div>", NONE));
    }

    @Test
    void aFormattingElementEndsAtTheEndTagOfAnObjectItIsIn() {
        // an <object> (<applet>, <marquee>) is a marker: a browser does not reopen the link past it (Chromium's tree)
        assertEquals("<object data=\"/a.swf\"></object><p>kept</p>", rewrite(REMOVE,
            "<object data=\"/a.swf\"><a data-consent=\"marketing\" href=\"/p\">G</object><p>kept</p>", NONE));
    }
}
