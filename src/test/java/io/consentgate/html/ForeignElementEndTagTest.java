package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * In SVG or MathML content inside a removed HTML element, an end tag that closes an SVG/MathML element of its name
 * closes only that element: by the WHATWG rules for tokens in foreign content ("any other end tag") it reaches the
 * HTML rules only when it meets an HTML element first. Only the breakout start tags leave that content, so
 * {@code <section>}, {@code <form>}, {@code <td>} or {@code <input>} read in an {@code <svg>} are SVG elements. Each
 * expected output was checked against Chromium's tree of the input (namespaces included) less the removed element.
 * The removals that end in such content are in {@link MissingEndTagTest}.
 */
class ForeignElementEndTagTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    @Test
    void anEndTagThatClosesAnSvgElementOfItsNameDoesNotEndTheRemoval() {
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\">Sponsored"
            + "<svg viewBox=\"0 0 24 24\"><section>x</section></svg>Buy now</div><p>kept</p>", NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><svg class=\"badge\"><form>y"
            + "</form></svg>Offer ends soon</div><p>kept</p>", NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><svg><article><nav><button>"
            + "<label>l</label></button></nav></article></svg>Offer</div><p>kept</p>", NONE));
    }

    @Test
    void aCellEndTagThatClosesAnSvgCellDoesNotEndTheRemovalInATableCell() {
        assertEquals("<table><tr><td>kept</td></tr></table>", rewrite(REMOVE, "<table><tr><td>"
            + "<div data-consent=\"marketing\">ad<svg><td>x</td></svg>still ad</div>kept</td></tr></table>", NONE));
        // an SVG cell's start tag is no cell of the table either; the next HTML cell ends the removal
        assertEquals("<table><tr><td><td>kept</td></tr></table>", rewrite(REMOVE, "<table><tr><td>"
            + "<div data-consent=\"marketing\">ad<svg><td>x</svg><td>kept</td></tr></table>", NONE));
    }

    @Test
    void anEndTagWhoseSvgElementAnEnclosingEndTagClosedReachesTheHtmlRules() {
        // </g> closes the SVG section with the group; </section> then walks out of the SVG to the HTML rules, which
        // close the section around the removed element with it (Chromium's tree: "still ad" after the section)
        assertEquals("<section></section></svg>still ad</div>kept</section>", rewrite(REMOVE, "<section>"
            + "<div data-consent=\"marketing\">ad<svg><g><section></g>y</section></svg>still ad</div>kept</section>",
            NONE));
        // as it does where no SVG was opened
        assertEquals("<section></section>still ad</div>kept</section>", rewrite(REMOVE, "<section>"
            + "<div data-consent=\"marketing\">ad</section>still ad</div>kept</section>", NONE));
    }

    @Test
    void theSvgsEndTagOrABreakoutClosesTheSvgElementsOpenInIt() {
        assertEquals("<section></section>still</div>kept</section>", rewrite(REMOVE, "<section>"
            + "<div data-consent=\"marketing\">ad<svg><section>x</svg></section>still</div>kept</section>", NONE));
        assertEquals("<section></section>still</div>kept</section>", rewrite(REMOVE, "<section>"
            + "<div data-consent=\"marketing\">ad<svg><section>x<p>y</section>still</div>kept</section>", NONE));
    }

    @Test
    void nestedSvgElementsOfTheSameNameAreClosedOneByOne() {
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\">ad<svg><section><section>"
            + "</section>x</section></svg>still ad</div><p>kept</p>", NONE));
        // the removed element's own name: an SVG section is no nested HTML section, and does not hide its end tag
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<section data-consent=\"marketing\">ad<svg><section><section>"
            + "</section>x</section></svg>still</section><p>kept</p>", NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<section data-consent=\"marketing\">ad<svg><section>x</svg>"
            + "still</section><p>kept</p>", NONE));
    }

    @Test
    void anInputInSvgStaysOpenUntilAnEndTagClosesIt() {
        // nothing is void in SVG content: the input holds the text, and the form's end tag closes both
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\">ad<svg><form>"
            + "<input name=\"q\">x</form>y</input></svg>still ad</div><p>kept</p>", NONE));
        assertEquals("<table><tr><td>kept</td></tr></table>", rewrite(REMOVE, "<table><tr><td>"
            + "<div data-consent=\"marketing\">ad<svg><td><input type=\"text\"></td></svg>still ad</div>kept</td>"
            + "</tr></table>", NONE));
    }

    @Test
    void aMathMLElementOfAnHtmlNameIsClosedByItsEndTag() {
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\">ad<math><section>x</section>"
            + "</math>still ad</div><p>kept</p>", NONE));
        assertEquals("<table><tr><td>kept</td></tr></table>", rewrite(REMOVE, "<table><tr><td>"
            + "<div data-consent=\"marketing\">ad<math><mrow><td>1</td></mrow></math>still ad</div>kept</td></tr>"
            + "</table>", NONE));
    }

    @Test
    void anSvgElementClosedWithANestedSvgInItLeavesTheOuterSvgContent() {
        // </g> closes the inner <svg> too: the next </svg> leaves SVG content, and the HTML cell after it ends the
        // removal as a browser closes the cell
        assertEquals("<table><tr><td><td>kept</td></tr></table>", rewrite(REMOVE, "<table><tr><td>"
            + "<div data-consent=\"marketing\">ad<svg><g><svg><rect></g></svg><td>kept</td></tr></table>", NONE));
    }

    @Test
    void elementsThatAlreadyEndedRightInSvgOrMathMLStayAsTheyWere() {
        for (String inside : new String[] {"<svg><title>t</title></svg>", "<svg><style>.a{fill:red}</style></svg>",
            "<svg><script>draw()</script></svg>", "<svg><text x=\"1\">t</text></svg>",
            "<svg><image href=\"/i.png\"></image></svg>", "<svg><desc>d</desc></svg>",
            "<svg><foreignObject><section>x</section></foreignObject></svg>",
            "<svg><desc><section>x</section></desc></svg>", "<math><mtext><section>x</section></mtext></math>",
            "<svg><a href=\"/x\">x</a></svg>"}) {
            assertEquals("<section><p>kept</p></section>", rewrite(REMOVE, "<section>"
                + "<div data-consent=\"marketing\">ad" + inside + "still ad</div><p>kept</p></section>", NONE), inside);
        }
        // an HTML end tag that walks out of the SVG still ends the removal
        assertEquals("<div></div><p>kept</p>", rewrite(REMOVE,
            "<div><section data-consent=\"marketing\"><svg><image href=\"/x.png\"></div><p>kept</p>", NONE));
    }

    @Test
    void anSvgElementsEndTagPastAnIntegrationPointDoesNotEndTheRemoval() {
        // a browser pops the SVG section with what is in it, or ignores the tag where an HTML element is open in the
        // <foreignObject>: either way the removal goes on
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\">ad<svg><section><foreignObject>"
            + "<svg><g></section>y</svg></foreignObject></svg>z</div><p>kept</p>", NONE));
        // a removal inside a <foreignObject> follows the SVG opened in it the same way
        assertEquals("<svg><foreignObject><p>kept</p></foreignObject></svg>", rewrite(REMOVE, "<svg><foreignObject>"
            + "<div data-consent=\"marketing\">ad<svg><section>x</section></svg>still ad</div><p>kept</p>"
            + "</foreignObject></svg>", NONE));
    }

    @Test
    void theRemovedElementsEndTagInAnIntegrationPointOpenedInsideItDoesNotEndTheRemoval() {
        // <foreignObject>, <desc>, <mi>… are scope boundaries: the HTML rules ignore the </div> read in one, and the
        // removal ends at the </div> after the SVG (Chromium's tree: "x" and "still ad" in the removed div)
        for (String inside : new String[] {"<svg><foreignObject></div>x</foreignObject></svg>",
            "<svg><foreignObject><span></div>x</span></foreignObject></svg>", "<svg><desc></div>x</desc></svg>",
            "<math><mi></div>x</mi></math>", "<svg><foreignObject><svg><g></div>x</svg></foreignObject></svg>",
            "<svg><foreignObject><div>x</div></div>y</foreignObject></svg>"}) {
            assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\">ad" + inside + "still ad</div>"
                + "<p>kept</p>", NONE), inside);
        }
        // the </div> and </section> in the <rect> are ignored too; the <foreignObject>'s end tag leaves the SVG in it
        assertEquals("<div><p>kept</p>", rewrite(REMOVE, "<div><section data-consent=\"marketing\"><svg><foreignObject>"
            + "<svg><rect></div>still ad</section>more</foreignObject></svg>ad</section><p>kept</p>", NONE));
    }

    @Test
    void anEndTagOfTheRemovedElementsNameInAnIntegrationPointClosesOnlyElementsOfThatNameOpenedInThePoint() {
        // a div nested in the removed one and opened before the point is out of the point's scope too: the </div>
        // in the point closes neither, and the count of divs stays in step (Chromium's tree: <p>kept</p> follows the
        // removed div); one opened in the point is closed there
        for (String inside : new String[] {"<svg><foreignObject></div>x</foreignObject></svg>",
            "<svg><foreignObject><div>x</div></div>y</foreignObject></svg>",
            "<svg><foreignObject><div><svg></svg></div></div>z</foreignObject></svg>",
            "<math><mi></div>x</mi></math>"}) {
            assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><div>ad" + inside
                + "</div>still</div><p>kept</p>", NONE), inside);
        }
    }

    @Test
    void anEndTagThatReachesTheHtmlRulesPastAnAnnotationXmlClosesNothing() {
        // an <annotation-xml> without an HTML encoding is MathML, but the HTML rules' scope stops at it: the </div>
        // read in it, or in an SVG inside it, is ignored (Chromium's tree: <p>kept</p> follows the removed div)
        for (String inside : new String[] {"<math><annotation-xml><svg></div>x</svg></annotation-xml></math>",
            "<math><annotation-xml></div>x</annotation-xml></math>",
            "<math><annotation-xml encoding=\"text/html\"><span></div>x</span></annotation-xml></math>",
            "<math><annotation-xml><svg></span>x</svg></annotation-xml></math>"}) {
            assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\">ad" + inside
                + "still</div><p>kept</p>", NONE), inside);
        }
        // an element of its name around the <annotation-xml> is still found, and closed with what is open in it
        assertEquals("<section>kept</section>", rewrite(REMOVE, "<section><div data-consent=\"marketing\">ad<math>"
            + "<mrow><annotation-xml><svg></mrow>y</math>still</div>kept</section>", NONE));
    }

    @Test
    void anEndTagReadWhereAnIntegrationPointIsTheCurrentNodeClosesTheSvgElementAroundIt() {
        // no HTML element is open in the <foreignObject> or <title>: </section> goes by the rules for foreign content
        // and closes the SVG section with the point, so the next </section> walks out to the HTML rules (Chromium's
        // tree: "still" after the section around the removed div)
        assertEquals("<section></section></svg>still</div>kept</section>", rewrite(REMOVE, "<section>"
            + "<div data-consent=\"marketing\">ad<svg><section><foreignObject></section>x</foreignObject></section>"
            + "</svg>still</div>kept</section>", NONE));
        assertEquals("<section></section></svg>still</div>kept</section>", rewrite(REMOVE, "<section>"
            + "<div data-consent=\"marketing\">ad<svg><section><title></section>x</title></section></svg>still</div>"
            + "kept</section>", NONE));
        // the removed element's own name: the SVG section is closed, not the removed one
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<section data-consent=\"marketing\">ad<svg><section>"
            + "<foreignObject></section>still</foreignObject></svg>still</section><p>kept</p>", NONE));
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<section data-consent=\"marketing\">ad<svg><section>"
            + "<foreignObject><svg><g></section>x<section>y</section></svg>z</section><p>kept</p>", NONE));
        assertEquals("<section>kept</section>", rewrite(REMOVE, "<section><div data-consent=\"marketing\">ad<math>"
            + "<section><mi><mglyph></section>y</mglyph></mi></math>still</div>kept</section>", NONE));
        // the point's own end tag closes it, and the SVG section's then closes that
        assertEquals("<section>kept</section>", rewrite(REMOVE, "<section><div data-consent=\"marketing\">ad<svg>"
            + "<section><foreignObject></foreignObject></section>y</svg>still</div>kept</section>", NONE));
        // an HTML element open in the point is the current node: the HTML rules ignore the end tag
        assertEquals("<section>kept</section>", rewrite(REMOVE, "<section><div data-consent=\"marketing\">ad<svg>"
            + "<section><foreignObject><div></section>x</div></foreignObject></svg>still</div>kept</section>", NONE));
        byte[] in = ("<section><div data-consent=\"marketing\">ad<svg><section><foreignObject><svg><g></section>x"
            + "</svg></section>still</div>kept</section>").getBytes(StandardCharsets.UTF_8);
        assertEquals("<section></section>still</div>kept</section>", rewrite(REMOVE, new String(in,
            StandardCharsets.UTF_8), NONE));
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(
            RewriteAssertions.rewrite(REMOVE, in, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @Test
    void pastTheLimitOfOpenSvgElementsAnEndTagThatMayNameOneDoesNotEndTheRemoval() {
        String groups = "<g>".repeat(OpenForeignElements.MAX_OPEN);
        // the limit's worth of groups and a <rect> left open: a browser closes the section around at </section>, the
        // removal goes on to the </div> (fail-closed)
        assertEquals("<section>kept</section>", rewrite(REMOVE, "<section><div data-consent=\"marketing\">ad<svg>"
            + groups + "<rect></section>still ad</svg>more</div>kept</section>", NONE));
        // one fewer: the end tag walks out to the HTML rules, as a browser's does
        assertEquals("<section></section>still ad</svg>more</div>kept</section>", rewrite(REMOVE,
            "<section><div data-consent=\"marketing\">ad<svg>" + groups.substring(3)
            + "<rect></section>still ad</svg>more</div>kept</section>", NONE));
        // an SVG section past the limit is closed by its end tag
        assertEquals("<p>kept</p>", rewrite(REMOVE, "<div data-consent=\"marketing\">ad<svg>" + groups
            + "<section>x</section>still ad</svg></div><p>kept</p>", NONE));
        // once that SVG content is left, the elements of the next one are followed again
        assertEquals("<section></section>still ad</div>kept</section>", rewrite(REMOVE, "<section>"
            + "<div data-consent=\"marketing\">ad<svg>" + groups + "<rect></svg><svg><g></section>still ad</div>kept"
            + "</section>", NONE));
    }

    @Test
    void theRemovalEndsAtTheSamePlaceWhereverTheInputIsSplit() {
        byte[] in = ("<table><tr><td><div data-consent=\"marketing\">ad<svg viewBox=\"0 0 8 8\"><g><section><td>"
            + "<input name=\"q\">x</td></section></g></svg><math><section>y</section></math>"
            + "<math><annotation-xml><svg></div>z</svg></annotation-xml></math>still ad</div>kept</td>"
            + "</tr></table>").getBytes(StandardCharsets.UTF_8);
        String expected = "<table><tr><td>kept</td></tr></table>";
        for (int cut = 1; cut < in.length; cut++) {
            assertEquals(expected, new String(RewriteAssertions.rewrite(REMOVE, in, NONE, StandardCharsets.UTF_8,
                null, new int[] {cut}), StandardCharsets.UTF_8), "cut " + cut);
        }
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(
            RewriteAssertions.rewrite(REMOVE, in, NONE, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }
}
