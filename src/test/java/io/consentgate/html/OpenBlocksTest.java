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
        return OpenBlocks.flags(state(tags));
    }

    private static int tables(String... tags) {
        return OpenBlocks.tables(state(tags));
    }

    private static long state(String... tags) {
        long open = 0;
        for (String t : tags) {
            boolean end = t.startsWith("/");
            byte[] name = (end ? t.substring(1) : t).getBytes(StandardCharsets.ISO_8859_1);
            int id = ElementNames.lookup(name, name.length);
            if (open != 0 || !end && OpenBlocks.opens(id)) {
                open = OpenBlocks.after(open, end, id, ElementNames.pack(name, Math.min(name.length, 8)), name,
                    name.length);
            }
        }
        return open;
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

    @Test
    void aDivisionsEndTagClosesAnItemOpenedInsideIt() {
        // </div> and </address> pop what was opened in their element: an item opened inside one is closed
        assertEquals(0, after("ul", "div", "li", "/div"));
        assertEquals(0, after("ul", "address", "li", "/address"));
        assertEquals(0, after("dl", "div", "dd", "/div"));
        assertEquals(0, after("div", "ul", "li", "/div"));
        // a new item is another: what was open in the item it closed is gone with it
        assertEquals(0, after("li", "div", "li", "/div"));
        // with no such element in scope a browser ignores the end tag, but which is open outside the item is not
        // followed: the flag is cleared
        assertEquals(0, after("li", "/div"));
    }

    @Test
    void aDivisionOpenedInsideTheItemClosesOnlyItself() {
        int dd = OpenBlocks.DESCRIPTION_ITEM;
        assertEquals(LI, after("li", "div", "/div"));
        assertEquals(LI, after("li", "address", "/address"));
        assertEquals(dd, after("dt", "div", "/div"));
        assertEquals(LI, after("li", "div", "div", "/div", "/div"));
        assertEquals(0, after("li", "div", "div", "/div", "/div", "/div"));
        // an end tag pops the innermost element of its name and what is open in it, the other kind too
        assertEquals(LI, after("li", "div", "address", "/div"));
        assertEquals(0, after("li", "div", "address", "/div", "/address"));
        assertEquals(LI, after("li", "address", "div", "/address"));
        assertEquals(0, after("li", "address", "div", "/address", "/div"));
        assertEquals(LI, after("li", "div", "address", "/address", "/div"));
        // kept aside with the item by an element that puts it out of reach
        assertEquals(LI, after("li", "div", "button", "/button", "/div"));
        assertEquals(0, after("li", "div", "button", "/button", "/div", "/div"));
        // eight deep are followed; past that the flag is cleared
        assertEquals(LI, after("li", "div", "div", "div", "div", "div", "div", "div", "div", "/div", "/div", "/div",
            "/div", "/div", "/div", "/div", "/div"));
        assertEquals(0, after("li", "div", "div", "div", "div", "div", "div", "div", "div", "div"));
        // a paragraph in the division is closed by its end tag, as before
        assertEquals(LI, after("li", "div", "p", "/div"));
    }

    @Test
    void theOpenTablesAreCountedByTheirStartAndEndTags() {
        assertEquals(0, tables("div", "p", "/p", "/div"));
        assertEquals(1, tables("table", "tr", "td", "div"));
        assertEquals(2, tables("table", "tr", "td", "table", "tr", "td"));
        assertEquals(1, tables("table", "tr", "td", "table", "tr", "td", "/td", "/tr", "/table", "/td"));
        assertEquals(0, tables("table", "tr", "td", "/td", "/tr", "/table"));
        assertEquals(0, tables("/table", "/table")); // a browser ignores a </table> with none open
        assertEquals(0, tables("table", "/table", "/table", "table", "/table"));
    }

    @Test
    void theTableCountGoesThroughWhatHoldersKeepAside() {
        // a holder keeps the paragraph aside, and brings it back, with the table around still counted
        long open = state("table", "td", "p", "button", "b", "/b", "/button");
        assertEquals(P, OpenBlocks.flags(open));
        assertEquals(1, OpenBlocks.tables(open));
        // a table in it ends what it keeps (a scope boundary), and is counted
        assertEquals(2, tables("table", "td", "p", "object", "table", "td"));
        open = state("table", "td", "p", "object", "table", "/table", "/object");
        assertEquals(0, OpenBlocks.flags(open));
        assertEquals(1, OpenBlocks.tables(open));
        assertEquals(1, tables("table", "td", "p", "svg", "/svg", "template", "/template"));
        // and the flags are as they were without a table around
        assertEquals(P | LI, after("table", "td", "li", "p", "object", "/object"));
    }

    @Test
    void pastSixOpenTablesTheCountIsLostForGood() {
        String[] seven = {"table", "td", "table", "td", "table", "td", "table", "td", "table", "td", "table", "td",
            "table"};
        assertEquals(OpenBlocks.TABLES_LOST, tables(seven));
        String[] closed = java.util.Arrays.copyOf(seven, seven.length + 7);
        java.util.Arrays.fill(closed, seven.length, closed.length, "/table");
        assertEquals(OpenBlocks.TABLES_LOST, tables(closed));
        assertEquals(6, tables(java.util.Arrays.copyOf(seven, seven.length - 2)));
    }
}
