package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The flags the tokenizer keeps of what is open around the current position ({@link OpenBlocks}), followed over
 * sequences of tags ({@code div} a start tag, {@code /div} an end tag), each expectation read off the WHATWG
 * tree-construction rules and checked against Chromium's tree.
 */
class OpenBlocksTest {

    private static final int P = OpenBlocks.PARAGRAPH;
    private static final int LI = OpenBlocks.LIST_ITEM;

    private static int after(String... tags) {
        int open = 0;
        for (String t : tags) {
            boolean end = t.startsWith("/");
            byte[] name = (end ? t.substring(1) : t).getBytes(StandardCharsets.ISO_8859_1);
            int id = ElementNames.lookup(name, name.length);
            if (open != 0 || !end && OpenBlocks.opens(id)) {
                open = OpenBlocks.after(open, end, id, ElementNames.pack(name, Math.min(name.length, 8)), name,
                    name.length);
            }
        }
        return OpenBlocks.flags(open);
    }

    @Test
    void endTagsThatCannotCloseAParagraphLeaveItOpen() {
        for (String end : new String[] {"/script", "/style", "/textarea", "/iframe", "/title", "/slot", "/font",
            "/option", "/span", "/body", "/html", "/legend"}) {
            assertEquals(P, after("p", end), end);
        }
        for (String end : new String[] {"/p", "/div", "/li", "/td", "/button", "/object", "/select", "/template",
            "/h2", "/blockquote", "/form"}) {
            assertEquals(0, after("p", end), end);
        }
    }

    @Test
    void aSummaryClosesAParagraph() {
        assertEquals(0, after("p", "summary"));
    }

    @Test
    void whatAnElementPutOutOfReachIsBackAfterItsEndTag() {
        assertEquals(0, after("p", "button"));
        assertEquals(P, after("p", "button", "b", "/b", "/button"));
        assertEquals(P, after("p", "object", "div", "/object")); // a start tag in it reaches nothing outside
        assertEquals(P, after("p", "select", "option", "/option", "option", "/select"));
        assertEquals(P, after("p", "template", "div", "p", "/p", "table", "/div", "/template"));
        assertEquals(P, after("p", "svg", "path", "/path", "g", "/g", "/svg"));
        assertEquals(P, after("p", "noscript", "img", "/noscript"));
        assertEquals(LI, after("li", "button", "/button"));
        assertEquals(P | LI, after("li", "p", "object", "/object"));
        // one inside another
        assertEquals(P, after("p", "button", "svg", "path", "/path", "/svg", "/button"));
        assertEquals(0, after("p", "button", "svg", "/svg"));
        assertEquals(P, after("p", "template", "button", "/button", "div", "/template"));
        assertEquals(P, after("p", "template", "template", "/template", "/template"));
        assertEquals(P, after("p", "object", "object", "object", "/object", "/object", "/object"));
        assertEquals(0, after("p", "object", "object", "object", "object", "/object", "/object", "/object",
            "/object")); // deeper than followed
    }

    @Test
    void whatMayHaveClosedItOrLeftTheElementOpenKeepsItClear() {
        assertEquals(0, after("p", "button", "/div", "/button")); // the </div> of a block around: closes the p
        assertEquals(0, after("p", "button", "table", "td", "/button")); // ignored past the cell
        assertEquals(0, after("p", "object", "object", "/object")); // the outer one is still open
        assertEquals(0, after("p", "button", "svg", "div", "/svg", "/button")); // left SVG, closed the paragraph
        assertEquals(0, after("p", "svg", "div", "/svg")); // the <div> left SVG and closed the paragraph
        assertEquals(0, after("p", "svg", "title", "/title", "/svg")); // not followed: fail-closed
        assertEquals(0, after("p", "noscript", "div", "/noscript")); // a browser without scripts reads the <div>
        // a stray second end tag is not followed (a browser ignores it): fail-closed
        assertEquals(0, after("p", "button", "/button", "/button"));
    }
}
