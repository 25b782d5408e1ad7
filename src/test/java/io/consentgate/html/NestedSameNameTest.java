package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.api.Test;

/**
 * An element of the removed element's own name nested inside it and closed without its end tag: a browser closes it
 * with whatever end tag pops it, so the next end tag of that name is the removed element's, and the page after it
 * stays. Each expected output was read off the WHATWG tree-construction rules for its input ("an end tag whose tag
 * name is one of address, article, … section …" and "any other end tag": popping up to the matching open element
 * closes everything opened above it). With them, the other ways a browser closes several open elements at once inside
 * the removal: start tags that close an open paragraph, list item, button or select, a {@code </form>}, a heading's
 * end tag, a list item's ancestors' end tags.
 */
class NestedSameNameTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    @Test
    void aBlockEndTagClosesTheNestedElementOpenInIt() {
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><section><div>x</section></div><p>Important</p>", NONE));
        // two of them, closed at once
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><article><div><div>x</article></div><p>Important</p>", NONE));
        // the other way round, and a custom element's name
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<section data-consent=\"marketing\"><div><section>x</div></section><p>Important</p>", NONE));
        assertEquals("<p>Important</p>", rewrite(REMOVE, "<promo-box data-consent=\"marketing\"><div>"
            + "<promo-box>x</div></promo-box><p>Important</p>", NONE));
    }

    @Test
    void impliedEndsOfListsAndTablesCloseTheNestedElement() {
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><ul><li><div>x</ul></div><p>Important</p>", NONE));
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><ul><li><div>x</li></div><p>Important</p>", NONE));
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><dl><dd><div>x</dd></div><p>Important</p>", NONE));
        assertEquals("<p>Important</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><table><tr><td><div>x"
            + "</td></tr></table></div><p>Important</p>", NONE));
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><button><div>x</button></div><p>Important</p>", NONE));
    }

    @Test
    void aFormattingEndTagClosesTheNestedElementOpenInIt() {
        // no special element between: the adoption agency pops the <span> with the <b>
        assertEquals("z<p>Important</p>", rewrite(REMOVE,
            "<span data-consent=\"marketing\"><b><span>x</b>y</span>z<p>Important</p>", NONE));
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<span data-consent=\"marketing\"><a href=\"/x\"><span>x</a></span><p>Important</p>", NONE));
        // a special element between: the block stays open, and so does the nested element
        assertEquals("z<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><b><div>x</b>y</div>still gated</div>z<p>Important</p>", NONE));
    }

    @Test
    void aNestedElementClosedProperlyIsCountedAsBefore() {
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><div>x<div>y</div></div>still gated</div><p>Important</p>", NONE));
        // a nested formatting element closed by a block's end tag is reopened: its own end tag is still to come
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<b data-consent=\"marketing\"><p><b>x</p>y</b>still gated</b><p>Important</p>", NONE));
    }

    @Test
    void itsOwnEndTagIsIgnoredWhereABrowserIgnoresIt() {
        // a phrasing end tag stops at a special element open inside
        assertEquals("z<p>Important</p>", rewrite(REMOVE, "<span data-consent=\"marketing\"><div>Gated</span>"
            + "still gated</div></span>z<p>Important</p>", NONE));
        assertEquals("z<p>Important</p>", rewrite(REMOVE, "<promo-box data-consent=\"marketing\"><div>Gated"
            + "</promo-box>still gated</div></promo-box>z<p>Important</p>", NONE));
        // no end tag reaches past a scope boundary
        assertEquals("z<p>Important</p>", rewrite(REMOVE, "<section data-consent=\"marketing\"><table><tr><td>"
            + "cell</section>more</td></tr></table></section>z<p>Important</p>", NONE));
        assertEquals("z<p>Important</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><object>Gated</div>"
            + "still gated</object></div>z<p>Important</p>", NONE));
        // but a table's own end tag closes the cell open in it
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<table data-consent=\"marketing\"><tr><td>Gated</table><p>Important</p>", NONE));
    }

    @Test
    void aHeadingsEndTagClosesTheInnermostHeadingWhateverItsLevel() {
        // </h3> closes the nested <h2>; "y" is still in the removed heading's <div>
        assertEquals("<p>Important</p>", rewrite(REMOVE,
            "<h2 data-consent=\"marketing\"><div><h2>x</h3>y</h2><p>Important</p>", NONE));
        // </h2> closes the nested <h3>, not the removed <h2>: the <div> is still open in it
        assertEquals("<div></div>z</div>", rewrite(REMOVE,
            "<div><h2 data-consent=\"marketing\"><div><h3>x</h2>still gated</div>still gated</div>z</div>", NONE));
        // a heading opened in a nested heading closes that one
        assertEquals("</h3>y<p>Important</p>", rewrite(REMOVE, "<h2 data-consent=\"marketing\"><span><h3>x<h2>w</h2>"
            + "still gated</h3>y<p>Important</p>", NONE));
        // in any removed element, </h3> closes an <h2> open inside, not an ancestor
        assertEquals("z<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><h2>a</h3>still gated</div>z<p>Important</p>", NONE));
    }

    @Test
    void aFormsEndTagLeavesOpenWhatIsOpenInIt() {
        // </form> takes the form out of the open elements only: the <div> in it stays open, and so the removed one
        assertEquals("<p>Important</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><form><div>x</form>"
            + "</div>still gated</div><p>Important</p>", NONE));
        // a <form> in a form is ignored: the first </form> is the removed form's
        assertEquals("<p>Important</p>", rewrite(REMOVE, "<form data-consent=\"marketing\"><div><form>x</div>"
            + "</form><p>Important</p>", NONE));
    }

    @Test
    void startTagsThatCloseAnOpenElementCloseWhatIsOpenInItToo() {
        // a block closes a paragraph in button scope, the <b> in it with it: </span> then reaches the removed span
        assertEquals("f<p>Important</p>", rewrite(REMOVE,
            "<span data-consent=\"marketing\"><p>a<b>b<p>c<div>d</div>e</span>f<p>Important</p>", NONE));
        // a list item closes the open item and a <div> in it: the next </div> is the removed one's
        assertEquals("c</ul>d</div>e<p>Important</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><ul><li>"
            + "<div>a<li>b</div>c</ul>d</div>e<p>Important</p>", NONE));
        assertEquals("c</dl>d</div>e<p>Important</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><dl><dt>"
            + "<div>a<dd>b</div>c</dl>d</div>e<p>Important</p>", NONE));
        // a button closes the open button and a <div> in it
        assertEquals("e<p>Important</p>", rewrite(REMOVE, "<div data-consent=\"marketing\"><button>a<div>b"
            + "<button>c</button>d</div>e<p>Important</p>", NONE));
        // a select in a select ends the select
        assertEquals("c<p>Important</p>", rewrite(REMOVE,
            "<div data-consent=\"marketing\"><select>a<select>b</div>c<p>Important</p>", NONE));
    }

    @Test
    void aListItemLeftOpenInABlockEndsAtTheBlocksEndTag() {
        assertEquals("<div><ul></div><p>Important</p>", rewrite(REMOVE,
            "<div><ul><li data-consent=\"marketing\">Gated</div><p>Important</p>", NONE));
        // a block's end tag that closes something opened in the item does not
        assertEquals("<div><ul></div><p>Important</p>", rewrite(REMOVE,
            "<div><ul><li data-consent=\"marketing\"><div>Gated</div>still gated</div><p>Important</p>", NONE));
        assertEquals("<div><dl></div><p>Important</p>", rewrite(REMOVE,
            "<div><dl><dd data-consent=\"marketing\">Gated<span>x</span></div><p>Important</p>", NONE));
        // nor one inside a table in the item, nor </p>, which finds no paragraph in it
        assertEquals("<div><ul><li>next</ul></div>", rewrite(REMOVE, "<div><ul><li data-consent=\"marketing\">Gated"
            + "<table><tr><td>x</div>y</td></tr></table>z</p>still gated<li>next</ul></div>", NONE));
        // a cell's end tag closes the item in it
        assertEquals("<table><tr><td><ul></td><td>kept</td></tr></table>", rewrite(REMOVE,
            "<table><tr><td><ul><li data-consent=\"marketing\">Gated</td><td>kept</td></tr></table>", NONE));
    }

    @Test
    void aRemovedFormsContentGoesOnToWhereWhatIsOpenInItIsClosed() {
        // </form> takes the form out of the open elements: the <div> stays open in it, and its end tag ends the
        // removal
        assertEquals("<div>after</div><p>Important</p>", rewrite(REMOVE, "<div><form data-consent=\"marketing\">"
            + "<div class=\"row\">Gated</form>still gated</div>after</div><p>Important</p>", NONE));
        // a start tag that closes the last of them opens outside the form
        assertEquals("<button>kept</button>", rewrite(REMOVE,
            "<form data-consent=\"marketing\"><button>Gated</form>still gated<button>kept</button>", NONE));
        // a </form> where the form is not in scope is ignored, and the browser forgets the form: a later </form>
        // closes nothing either, and only an ancestor's end tag ends it
        assertEquals("<div></div>after<p>Important</p>", rewrite(REMOVE, "<div><form data-consent=\"marketing\"><table>"
            + "<tr><td>Gated</form>still gated</td></tr></table>gated</form>gated</div>after<p>Important</p>", NONE));
    }

    @Test
    void nestedElementsOfItsNamePastTheFollowedLimitStillCloseInOrder() {
        for (int n : new int[] {63, 64, 65, 66, 130}) {
            String nested = "<div>".repeat(n) + "x" + "</div>".repeat(n);
            // its own end tag missing: the section's end tag closes it, after the nested ones are closed
            assertEquals("<section></section><p>after</p>", rewrite(REMOVE,
                "<section><div data-consent=\"marketing\">" + nested + "</section><p>after</p>", NONE), "n=" + n);
            // its own end tag there: it ends the removal
            assertEquals("<section><p>after</p></section>", rewrite(REMOVE,
                "<section><div data-consent=\"marketing\">" + nested + "</div><p>after</p></section>", NONE),
                "n=" + n);
        }
        // something else inside the nested ones past the limit: only the element's own end tags count from there
        String mixed = "<div>".repeat(65) + "<span>x</span>" + "</div>".repeat(65);
        assertEquals("<section><p>after</p></section>", rewrite(REMOVE,
            "<section><div data-consent=\"marketing\">" + mixed + "</div><p>after</p></section>", NONE));
    }
}
