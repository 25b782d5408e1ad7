package io.consentgate.html;

import static io.consentgate.html.HtmlElementKinds.BLOCK_ENDS;
import static io.consentgate.html.HtmlElementKinds.CLOSING_STARTS;
import static io.consentgate.html.HtmlElementKinds.FORMATTING;
import static io.consentgate.html.HtmlElementKinds.HEADINGS;
import static io.consentgate.html.HtmlElementKinds.IMPLIED_ENDS;
import static io.consentgate.html.HtmlElementKinds.SCOPE_BOUNDARIES;
import static io.consentgate.html.HtmlElementKinds.SPECIAL;
import static io.consentgate.html.HtmlElementKinds.TABLE_ENDS;
import static io.consentgate.html.ImpliedEnds.MAX_OPEN;
import static io.consentgate.html.ImpliedEnds.TABLES_UNKNOWN;
import static io.consentgate.html.ImpliedEnds.TABLE_PARTS;

import java.util.Set;

/**
 * The elements opened inside a removed element and not closed yet, innermost last, for {@link ImpliedEnds}: a start
 * tag pushes its element as a browser's rules for that tag do (closing an item whose end tag may be left out, a
 * button in a button, a heading in a heading), an end tag pops what a browser pops, and the searches those rules make
 * (in scope, in button or list item scope, up to a special element) go through what is open here. Past {@link
 * ImpliedEnds#MAX_OPEN} open elements, end tags are no longer explained ({@link #lost}), but nested elements of the
 * removed element's own name are still counted ({@link #ownOverflow}). A removed form taken out of the open elements
 * ends where the last element open in it closes ({@link #emptied()}). The array of names grows eight at a time up
 * to {@link ImpliedEnds#MAX_OPEN}.
 */
final class OpenInside {

    /** The items a list item's start tag closes, and a description term's or details'. */
    private static final Set<String> LIST_ITEMS = Set.of("li");
    private static final Set<String> DESCRIPTION_ITEMS = Set.of("dd", "dt");

    /** The removed element's name. */
    private final String element;
    /** The names of the elements opened inside the element and not closed yet, innermost last. */
    private String[] open;
    int openCount;
    /**
     * Set when the removed element is a form whose end tag came with elements open in it: a browser takes the form
     * out of the open elements, and its content goes on to where the last of them is closed ({@link #emptied()}).
     */
    boolean formOut;
    /**
     * Set once an element of the element's own name has been opened inside it ({@link ImpliedEnds#openOwn()}).
     */
    boolean ownOpened;
    /** Set when more than {@link ImpliedEnds#MAX_OPEN} were open: end tags are no longer explained. */
    boolean lost;
    /**
     * Elements of the element's own name opened past {@link ImpliedEnds#MAX_OPEN}, nested one in the other on top of
     * what is followed: counted, so that their end tags close them and not the removed element. Any other tag while
     * there are some sets {@link #lost}.
     */
    int ownOverflow;

    OpenInside(String element) {
        this.element = element;
    }

    /**
     * Whether the start tag {@code name} closes a paragraph, list item or description item ({@code blocks}: which,
     * as {@link OpenBlocks} flags) that is the removed element or that it began in, as a browser's "in body" rules
     * for that tag look for one: a paragraph in button scope (not past a scope boundary or a {@code <button>} open
     * inside), an item up to the first special element other than {@code <address>}, {@code <div>} and {@code <p>}.
     */
    boolean closesBlock(int blocks, String name) {
        if ((blocks & OpenBlocks.PARAGRAPH) != 0 && HtmlElementKinds.closesParagraph(name) && !boundaryOpen()
            && !isOpen("button")) {
            return true;
        }
        return ((blocks & OpenBlocks.LIST_ITEM) != 0 && name.equals("li")
            || (blocks & OpenBlocks.DESCRIPTION_ITEM) != 0 && (name.equals("dd") || name.equals("dt")))
            && !boundaryOpen() && !itemSearchStopped();
    }

    /**
     * For a tag of a table's part ({@code <td>}, {@code </tr>}, {@code <caption>}…, or {@code </table>}), read where
     * no table, template or noscript opened inside the element is open: 0 when no table is open around the element
     * either, and a browser ignores it ("in body"); 1 for a start tag when one is, which closes the cell or caption
     * the element is in and it with them (or, in a row or a table's section, what the browser foster-parented); -1
     * otherwise, and when what is open is not known: the tag is read as before. {@code tables}: how many tables are
     * open around the element, or {@link ImpliedEnds#TABLES_UNKNOWN}.
     */
    int tablePart(String name, boolean end, int tables) {
        if (tables == TABLES_UNKNOWN || lost || ownOverflow > 0
            || !TABLE_PARTS.contains(name) && !(end && name.equals("table"))) {
            return -1;
        }
        if (isOpen("table") || isOpen("template") || isOpen("noscript")) {
            return -1;
        }
        if (tables == 0) {
            return 0;
        }
        return end ? -1 : 1;
    }

    /**
     * For a ruby part, the start tag {@code name} of one that closes it: whether a browser's "generate implied end
     * tags" (for {@code <rt>} and {@code <rp>}: but an {@code <rtc>}) reaches it, which pops only elements whose end
     * tags may be left out ({@code <rt>x<span>y<rt>} nests the second in the span).
     */
    boolean rubyPartClosedBy(String name) {
        if (lost || ownOverflow > 0) {
            return false;
        }
        boolean rtc = name.equals("rb") || name.equals("rtc");
        for (int i = 0; i < openCount; i++) {
            if (!IMPLIED_ENDS.contains(open[i]) || !rtc && open[i].equals("rtc")) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a removed table, a {@code <table>} start tag: whether it closes the table ("in table": the new one is the
     * page's, after it), as it does wherever the table's own rows are read, past elements a browser foster-parents in
     * front of the table; not in a cell, a caption, a template or a noscript, where it nests.
     */
    boolean tableClosedByTable() {
        if (lost || ownOverflow > 0) {
            return false;
        }
        for (int i = 0; i < openCount; i++) {
            String o = open[i];
            if (o.equals("td") || o.equals("th") || o.equals("caption") || o.equals("template")
                || o.equals("noscript") || o.equals("table")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens {@code name} inside the element; past {@link ImpliedEnds#MAX_OPEN}, end tags are no longer explained.
     * False when it closes the last element open in a removed form whose end tag has come: it opens outside the form.
     */
    boolean push(String name) {
        if (ownOverflow > 0) {
            if (name.equals(element)) {
                ownOverflow++;
            } else {
                lost = true; // something inside the untracked ones: no longer explained
            }
            return true;
        }
        // an item whose end tag may be left out is closed by the next one (<option>…<option>, <li>…<li>,
        // <p>…<div>): it does not pile up toward the limit
        Set<String> closers;
        while (openCount > 0 && (closers = CLOSING_STARTS.get(open[openCount - 1])) != null
            && closers.contains(name)) {
            openCount--;
        }
        // ...and through what is open in it, as a browser's start tag rules close it
        if (name.equals("li")) {
            closeItem(LIST_ITEMS);
        } else if (name.equals("dd") || name.equals("dt")) {
            closeItem(DESCRIPTION_ITEMS);
        } else if (name.equals("button")) {
            closeInScope("button", false); // a button does not nest in a button
        } else if (name.equals("select") && closeInScope("select", false)) {
            return !emptied(); // nor a select in a select: it ends the select instead
        }
        if (name.equals("li") || name.equals("dd") || name.equals("dt") || CLOSING_STARTS.get("p").contains(name)) {
            closeInScope("p", true);
        }
        if (openCount > 0 && HEADINGS.contains(name) && HEADINGS.contains(open[openCount - 1])) {
            openCount--; // a heading does not nest in the heading it opens in
        }
        if (emptied()) {
            return false;
        }
        if (openCount == MAX_OPEN) {
            if (name.equals(element) && ownOpened && !lost) {
                ownOverflow++; // nested in the nested ones: their end tags can still be counted
            } else {
                lost = true;
            }
        } else {
            if (open == null || openCount == open.length) {
                open = java.util.Arrays.copyOf(open == null ? new String[0] : open, Math.min(MAX_OPEN, openCount + 8));
            }
            open[openCount++] = name;
        }
        return true;
    }

    /**
     * Closes the innermost {@code name} open inside the element and what is open in it, if it is in scope (with
     * {@code button}: in button scope); whether it was.
     */
    private boolean closeInScope(String name, boolean button) {
        for (int i = openCount - 1; i >= 0; i--) {
            String o = open[i];
            if (o.equals(name)) {
                openCount = i;
                return true;
            }
            if (SCOPE_BOUNDARIES.contains(o) || o.equals("noscript") || button && o.equals("button")) {
                return false;
            }
        }
        return false;
    }

    /**
     * A list item's start tag ({@code items}: the names it closes): closes the innermost such item open inside the
     * element and what is open in it, unless a special element other than {@code <address>}, {@code <div>} or
     * {@code <p>} is open in the item.
     */
    private void closeItem(Set<String> items) {
        for (int i = openCount - 1; i >= 0; i--) {
            String o = open[i];
            if (items.contains(o)) {
                openCount = i;
                return;
            }
            if (SPECIAL.contains(o) && !o.equals("address") && !o.equals("div") && !o.equals("p")) {
                return;
            }
        }
    }

    /**
     * Where the innermost element open inside the element that the end tag {@code name} closes is, or -1: the
     * element of that name, or for a heading's end tag any heading ({@code </h3>} closes an {@code <h2>}).
     */
    int innermost(String name) {
        boolean heading = HEADINGS.contains(name);
        for (int i = openCount - 1; i >= 0; i--) {
            if (open[i].equals(name) || heading && HEADINGS.contains(open[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the removed form's end tag has come and the last element open in it has now been closed: the removal
     * ends after the current tag.
     */
    boolean emptied() {
        return formOut && openCount == 0;
    }

    /**
     * How many elements of the element's own name are open, itself included: the count its own end tags take down
     * once {@link ImpliedEnds#followsOwnName()} no longer holds.
     */
    int ownDepth() {
        if (!ownOpened) {
            return 1; // most removed elements have none of their name inside: no walk over what is open
        }
        int d = 1 + ownOverflow;
        for (int i = 0; i < openCount; i++) {
            if (open[i].equals(element)) {
                d++;
            }
        }
        return d;
    }

    /**
     * The end tag {@code name} of the element open at {@code i}: pops what a browser pops. One with a rule of its own
     * is ignored past a scope boundary; a formatting element's, past a special element, closes only the formatting
     * element (the adoption agency leaves the block open); any other is ignored past a special element.
     */
    void popTo(int i, String name) {
        if (name.equals("noscript") || name.equals("template")) {
            openCount = i; // text to a browser with scripting on; a template's end tag closes what is open in it
            return;
        }
        if (name.equals("form") && !isOpen("template")) {
            // outside a template a browser takes the form out of the open elements and leaves what is open in it
            // open (<form><div>…</form>…</div>)
            if (!boundaryAbove(i)) {
                System.arraycopy(open, i + 1, open, i, openCount - i - 1);
                openCount--;
            }
            return;
        }
        boolean table = TABLE_ENDS.contains(name);
        if (table || BLOCK_ENDS.contains(name)) {
            for (int j = i + 1; j < openCount; j++) {
                String o = open[j];
                if (table ? o.equals("table") || o.equals("template") : SCOPE_BOUNDARIES.contains(o)
                    || o.equals("noscript") || name.equals("p") && o.equals("button")
                    || name.equals("li") && (o.equals("ul") || o.equals("ol"))) {
                    return;
                }
            }
            openCount = i;
            return;
        }
        for (int j = i + 1; j < openCount; j++) {
            if (SPECIAL.contains(open[j])) {
                if (FORMATTING.contains(name)) {
                    System.arraycopy(open, i + 1, open, i, openCount - i - 1);
                    openCount--;
                }
                return;
            }
        }
        openCount = i;
    }

    /** Whether a scope boundary or a {@code <noscript>} is open above the element open at {@code i}. */
    private boolean boundaryAbove(int i) {
        for (int j = i + 1; j < openCount; j++) {
            if (SCOPE_BOUNDARIES.contains(open[j]) || open[j].equals("noscript")) {
                return true;
            }
        }
        return false;
    }

    /** Whether an element named {@code name} is open inside the removed element. */
    boolean isOpen(String name) {
        for (int i = 0; i < openCount; i++) {
            if (open[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a scope boundary is open inside the element, or a {@code <noscript>}, whose content a browser with
     * scripting on reads as text: no tag in it closes the element.
     */
    boolean boundaryOpen() {
        for (int i = 0; i < openCount; i++) {
            if (SCOPE_BOUNDARIES.contains(open[i]) || open[i].equals("noscript")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a special element (with {@code blocks}: one that closes a paragraph) is open inside the element. */
    boolean specialOpen(boolean blocks) {
        for (int i = 0; i < openCount; i++) {
            if (blocks ? CLOSING_STARTS.get("p").contains(open[i]) : SPECIAL.contains(open[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether a special element other than {@code <address>}, {@code <div>} and {@code <p>} is open inside. */
    private boolean itemSearchStopped() {
        for (int i = 0; i < openCount; i++) {
            String n = open[i];
            if (SPECIAL.contains(n) && !n.equals("address") && !n.equals("div") && !n.equals("p")) {
                return true;
            }
        }
        return false;
    }
}
