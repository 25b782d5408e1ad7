package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.api.Test;

/**
 * The operator's category attribute ({@code data-consent}) on elements the site also uses it on, and on elements whose
 * end tag HTML lets the page leave out: a gated element goes, and nothing of the page after it.
 */
class CategoryAttributeTest {

    private static final ConsentDecision NONE = ConsentDecision.refuseAll();

    @Test
    void aValueThatNamesNoCategoryGatesOnlyAnElementThatLoadsSomething() {
        // a home-made banner and form: the site's own meaning of the attribute
        String banner = "<div class=\"cookie-bar\"><button data-consent=\"declined\">Decline</button>"
            + "<button data-consent=\"accepted\">Accept</button></div>"
            + "<form><select name=\"offers\"><option value=\"\">Choose\n<option value=\"yes\" data-consent=\"granted\">Yes"
            + "\n<option value=\"no\" data-consent=\"denied\">No</select><button>Send</button></form><main>page</main>";
        assertEquals(banner, rewrite(REMOVE, banner, NONE));
        // where the element loads something a typo must not let it through: every category is needed
        String typo = "<p>a</p><img data-consent=\"analytcs\" src=\"https://stats.partner.example/p.gif\"><p>b</p>"
            + "<script data-consent=\"marketting\">loadPartnerTag();</script>"
            + "<div data-consent=\"nonsense\" data-src=\"https://cdn.partner.example/w.js\">x</div><p>c</p>";
        assertEquals("<p>a</p><p>b</p><p>c</p>", rewrite(REMOVE, typo, NONE));
        assertEquals(typo, rewrite(REMOVE, typo, ConsentDecision.allowAll()));
    }

    @Test
    void theDocumentsOwnElementsAreNeverGated() {
        String page = "<!doctype html><html lang=\"en\" data-consent=\"pending\"><head data-consent=\"marketing\">"
            + "<title>Shop</title></head><body data-consent=\"0\"><p>Everything</p></body></html>";
        assertEquals(page, rewrite(REMOVE, page, NONE));
        String tagged = "<body data-consent=\"marketing\"><p>Everything</p></body>";
        assertEquals(tagged, rewrite(REMOVE, tagged, NONE));
    }

    @Test
    void aGatedElementWithoutItsEndTagEndsWhereTheBrowserClosesIt() {
        assertEquals("<ul><li>One<li>Three</ul><p>after</p>", rewrite(REMOVE,
            "<ul><li>One<li data-consent=\"marketing\">Two<li>Three</ul><p>after</p>", NONE));
        assertEquals("<ul><li>One</ul><p>after</p>", rewrite(REMOVE,
            "<ul><li>One<li data-consent=\"marketing\">Two</ul><p>after</p>", NONE));
        // a list inside the item: its items do not close the removed one
        assertEquals("<ul><li>One<li>Four</ul>", rewrite(REMOVE,
            "<ul><li>One<li data-consent=\"marketing\">Two<ul><li>Two a<li>Two b</ul>more of two<li>Four</ul>", NONE));
        assertEquals("<select><option>a<option>c</select><p>after</p>", rewrite(REMOVE,
            "<select><option>a<option data-consent=\"marketing\">b<option>c</select><p>after</p>", NONE));
        assertEquals("<select><option>a</select><p>after</p>", rewrite(REMOVE,
            "<select><option>a<option data-consent=\"marketing\">b</select><p>after</p>", NONE));
        assertEquals("<table><tr><td>a<td>c</table><p>after</p>", rewrite(REMOVE,
            "<table><tr><td>a<td data-consent=\"marketing\">b<td>c</table><p>after</p>", NONE));
        assertEquals("<dl><dt>a<dd>c</dl>", rewrite(REMOVE, "<dl><dt>a<dd data-consent=\"marketing\">b<dd>c</dl>", NONE));
        // a paragraph ends at a block, not at the end of its phrasing content
        assertEquals("<div>kept</div>", rewrite(REMOVE,
            "<p data-consent=\"marketing\">Partner <b>offer</b> <a href=\"/x\">here</a><div>kept</div>", NONE));
        assertEquals("<section><h2>t</h2></section><p>after</p>", rewrite(REMOVE,
            "<section><h2>t</h2><p data-consent=\"marketing\">Partner <span>offer</span></section><p>after</p>", NONE));
        // inside a <noscript>, its end tag still ends the removal and the noscript
        assertEquals("<noscript><ul><li>a</noscript><p>after</p>", rewrite(REMOVE,
            "<noscript><ul><li>a<li data-consent=\"marketing\">b</noscript><p>after</p>", NONE));
        // with its end tag written, nothing changes
        assertEquals("<ul><li>One<li>Three</ul>", rewrite(REMOVE,
            "<ul><li>One<li data-consent=\"marketing\">Two</li><li>Three</ul>", NONE));
    }

    @Test
    void aTagThatClosesTheRemovedElementIsReadLikeAnyOther() {
        // the next item is itself gated, or carries a refused tracker
        assertEquals("<ul><li>One<li>Four</ul>", rewrite(REMOVE, "<ul><li>One<li data-consent=\"marketing\">Two"
            + "<li data-consent=\"analytics\">Three<li>Four</ul>", NONE));
        assertEquals("<div><p>c</p></div>", rewrite(REMOVE, "<p data-consent=\"marketing\">a"
            + "<div><img src=\"https://www.facebook.com/tr?id=1&amp;ev=PageView\"><p>c</p></div>", NONE));
    }
}
