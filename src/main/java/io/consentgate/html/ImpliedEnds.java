package io.consentgate.html;

import static io.consentgate.html.HtmlElementKinds.BLOCK_ENDS;
import static io.consentgate.html.HtmlElementKinds.CLOSING_ENDS;
import static io.consentgate.html.HtmlElementKinds.CLOSING_STARTS;
import static io.consentgate.html.HtmlElementKinds.FORMATTING;
import static io.consentgate.html.HtmlElementKinds.HEADINGS;
import static io.consentgate.html.HtmlElementKinds.IMPLIED_ENDS;
import static io.consentgate.html.HtmlElementKinds.INTEGRATION_POINTS;
import static io.consentgate.html.HtmlElementKinds.NOT_NESTED;
import static io.consentgate.html.HtmlElementKinds.NO_ELEMENTS;
import static io.consentgate.html.HtmlElementKinds.OTHER_CONTAINERS;
import static io.consentgate.html.HtmlElementKinds.PHRASING;
import static io.consentgate.html.HtmlElementKinds.RUBY_PARTS;
import static io.consentgate.html.HtmlElementKinds.SCOPES;
import static io.consentgate.html.HtmlElementKinds.SCOPE_BOUNDARIES;
import static io.consentgate.html.HtmlElementKinds.SPECIAL;
import static io.consentgate.html.HtmlElementKinds.TABLE_ENDS;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Where a browser ends a removed element whose end tag does not come, so that its removal does not run on to the end
 * of the document. Two kinds of element:
 *
 * <ul>
 *   <li>Elements whose end tag may be left out ({@code <li>}, {@code <option>}, {@code <p>}, table cells and
 *       rows, {@code <caption>}, {@code <colgroup>}…): {@code <li data-consent="marketing">…<li>} is closed by the
 *       next {@code <li>}, by the list's end tag, by {@code </body>}. Containers of the same kind opened inside the
 *       element (a nested list inside a list item, a table in a caption) are counted, and only at the element's own
 *       level do those tags close it; none inside a template or noscript opened in it does. A {@code <colgroup>} is
 *       closed by any tag but a {@code <col>}. The parts of a ruby ({@code <rt>}…) are followed as other elements
 *       are, and another part's start tag closes one as the browser's implied end tags do.</li>
 *   <li>Any other element ({@code <video>}, {@code <section>}, {@code <amp-ad>}…) whose end tag is missing: the tags
 *       opened inside it are kept on a small stack, and an end tag that closes none of them is an ancestor's, which
 *       a browser closes the element with ({@code <p>a<video src=…></p>}), unless the browser would ignore it
 *       there: an end tag without a block-level rule stops at the first special element ({@code <div>}, {@code
 *       <li>}…) that is open, and none passes a scope boundary ({@code <table>}, {@code <object>}, {@code <td>}…).
 *       A second {@code <a>}, {@code <button>} or {@code <nobr>} closes the first, a heading the heading it opens
 *       in. A formatting element ({@code <b>}, {@code <code>}, {@code <a>}…) is reopened by a browser in every
 *       block that follows, with its attributes: it ends at its own end tag, or at a marker's ({@code </td>},
 *       {@code </object>}…), past which it is not reopened. Elements of the element's own name opened inside it
 *       are on the same stack, so that an end tag which closes several open elements at once ({@code </section>}
 *       with a {@code <div>} open in the section) closes those too, and the element's own end tag after it is still
 *       found (a formatting element's are counted apart: a browser reopens them up to their own end tags). Past
 *       {@value #MAX_OPEN} open tags inside, the removal goes on to the element's own end tag: it fails closed.</li>
 * </ul>
 *
 * Inside an open paragraph ({@link OpenBlocks}), a start tag that closes the paragraph ({@code <div>}, {@code
 * <ul>}, {@code <p>}…) ends an element that is neither special nor a formatting element, unless a scope boundary or
 * a button is open inside it; inside an open list item, an {@code <li>} does (a {@code <dd>} or {@code <dt>} in a
 * description item), unless a special element other than {@code <address>}, {@code <div>} and {@code <p>} is.
 * Inside an open table ({@link OpenBlocks#tables}), the start tag of a table's part ({@code <td>}, {@code <tr>},
 * {@code <caption>}…) ends any element but a table, a table's part or a template, as a browser closes the cell or
 * caption it is in, unless a table, template or noscript is open inside it; where no table is open, a browser ignores
 * those tags and {@code </table>}, and so does the removal. An option or option group in a table ends at the same
 * start tags but {@code <col>} and {@code <colgroup>}, and at a table part's end tag, which close the select it is in.
 *
 * <p>A simplified reading of the WHATWG tree-construction rules: beyond that one flag, the removal does not know what
 * is open around the element, so it assumes that an end tag the element's content does not explain closes an
 * ancestor, and leaves out the reconstruction of formatting elements.
 */
final class ImpliedEnds {

    /** The items a list item's start tag closes, and a description term's or details'. */
    private static final Set<String> LIST_ITEMS = Set.of("li");
    private static final Set<String> DESCRIPTION_ITEMS = Set.of("dd", "dt");

    /**
     * The parts of a table, whose start tags close a cell, a caption or what a browser foster-parents out of a table
     * ({@code <div>} read between rows), and which a browser ignores, start or end tag, where no table is open.
     */
    private static final Set<String> TABLE_PARTS = Set.of("caption", "col", "colgroup", "tbody", "td", "tfoot", "th",
        "thead", "tr");
    /**
     * The start tags that, read in a select in a table ("in select in table"), close the select, and an option or
     * option group in it. Not {@code <col>} or {@code <colgroup>}, which that select ignores (a browser that parses
     * a select as it does the body closes the cell at them), nor {@code <table>}, which closes that select but such a
     * browser may nest in it: where they disagree the removal goes on (fail-closed).
     */
    private static final Set<String> SELECT_IN_TABLE_ENDS = Set.of("caption", "tbody", "td", "tfoot", "th", "thead",
        "tr");
    /** {@link #tables} when whether a table is open around the element is not known: those rules do not apply. */
    private static final int TABLES_UNKNOWN = -1;

    /** How many tags open inside the removed element are followed; past that, only its own end tag ends it. */
    static final int MAX_OPEN = 64;

    private final String element;
    /** Whether the element's end tag may be left out: {@link #CLOSING_STARTS} and {@link #CLOSING_ENDS} apply. */
    private final boolean optionalEnd;
    /**
     * Whether the removal began inside a {@code <template>}: there a browser keeps no form element pointer, and a
     * form's end tag closes the form like any other element's.
     */
    private final boolean inTemplate;
    /** Containers of {@link #SCOPES} opened inside the element and not closed yet. */
    private int scopes;
    /** For an element whose end tag may be left out: templates opened inside it and not closed yet. */
    private int templates;
    /**
     * For an element whose end tag may be left out: whether a {@code <noscript>} opened inside it is open, whose
     * content a browser that runs scripts reads as text up to the first {@code </noscript>}.
     */
    private boolean noscript;
    /** The names of the elements opened inside the element and not closed yet, innermost last. */
    private String[] open;
    private int openCount;
    /**
     * Set when the removed element is a form whose end tag came with elements open in it: a browser takes the form
     * out of the open elements, and its content goes on to where the last of them is closed ({@link #emptied()}).
     */
    private boolean formOut;
    /** Set when the removed form's end tag came where it was not in scope: its later end tags close nothing. */
    private boolean formForgotten;
    /** Set once an element of the element's own name has been opened inside it ({@link #openOwn()}). */
    private boolean ownOpened;
    /** Set when more than {@link #MAX_OPEN} were open: end tags are no longer explained. */
    private boolean lost;
    /**
     * Elements of the element's own name opened past {@link #MAX_OPEN}, nested one in the other on top of what is
     * followed: counted, so that their end tags close them and not the removed element. Any other tag while there
     * are some sets {@link #lost}.
     */
    private int ownOverflow;

    /**
     * Which of a paragraph, a list item and a description item the element began in ({@link OpenBlocks}), when it is
     * one that their closing closes: neither special (a block or boundary, which is never inside a paragraph, and
     * stops the search for an item to close) nor a formatting element (which a browser reopens in the block that
     * follows); else none.
     */
    private final int openBlocks;
    /**
     * Which of a paragraph, a list item and a description item the element is itself ({@link OpenBlocks}), else
     * none: what is open inside it is followed, and the tags that close it do so as they close one that the element
     * began in ({@link #closesBlock}).
     */
    private final int ownBlock;
    /**
     * Whether the element is a part of a ruby annotation ({@code <rb>}, {@code <rt>}, {@code <rp>}, {@code <rtc>}):
     * what is open inside it is followed, and the start tag of another part closes it only when nothing but elements
     * whose end tags may be left out is open in it ({@link #rubyPartClosedBy}).
     */
    private final boolean ruby;
    /**
     * How many tables are open around the element ({@link OpenBlocks#tables}): none (a browser ignores the tags of
     * a table's parts), some (their start tags close the cell, caption or section the element is in, or end the
     * element foster-parented out of the table), or {@link #TABLES_UNKNOWN}: not known, in a template (whose content
     * has rules of its own), or for a table, a table's part, a template or an element whose end tag may be left out,
     * whose own rules apply; but an option or option group, which a select in a table closes as the cell does
     * ({@link #closesSelectInTable}).
     */
    private final int tables;
    /** For an option or option group in a table: the tables opened inside it and not closed yet. */
    private int tablesInside;

    private ImpliedEnds(String element, boolean optionalEnd, boolean inTemplate, int openBlocks, int tables) {
        this.element = element;
        this.optionalEnd = optionalEnd;
        this.inTemplate = inTemplate;
        this.openBlocks = optionalEnd || SPECIAL.contains(element) || FORMATTING.contains(element) ? 0 : openBlocks;
        this.ownBlock = switch (element) {
            case "p" -> OpenBlocks.PARAGRAPH;
            case "li" -> OpenBlocks.LIST_ITEM;
            case "dd", "dt" -> OpenBlocks.DESCRIPTION_ITEM;
            default -> 0;
        };
        this.ruby = RUBY_PARTS.contains(element);
        this.tables = tables == OpenBlocks.TABLES_LOST || inTemplate
            || optionalEnd && ownBlock == 0 && !element.equals("option") && !element.equals("optgroup")
            || element.equals("table") || element.equals("template") || TABLE_PARTS.contains(element)
            ? TABLES_UNKNOWN : tables;
    }

    /**
     * A reader for a removal of the HTML element {@code name} (lower case) with name id {@code id}, or null when
     * only its own end tag ends it: raw text and script elements, whose content has no tags.
     */
    static ImpliedEnds of(int id, byte[] name, int len, boolean inTemplate, int openBlocks, int tables) {
        // Most removed elements are scripts, frames and noscript pixels: passed on without making a string.
        if (id == ElementNames.SCRIPT || id == ElementNames.IFRAME || id == ElementNames.NOSCRIPT
            || id == ElementNames.STYLE || id == ElementNames.TEXTAREA || id == ElementNames.TITLE
            || id == ElementNames.XMP || id == ElementNames.NOEMBED || id == ElementNames.NOFRAMES
            || id == ElementNames.PLAINTEXT || len == 0) {
            return null;
        }
        String n = new String(name, 0, len, StandardCharsets.ISO_8859_1);
        return new ImpliedEnds(n, !RUBY_PARTS.contains(n) && (CLOSING_STARTS.containsKey(n)
            || CLOSING_ENDS.containsKey(n)), inTemplate, openBlocks, tables);
    }

    /** Whether the end tag may be left out: a start tag of the element's own name then closes it. */
    boolean optionalEnd() {
        return optionalEnd;
    }

    /**
     * Whether a start tag of the element's own name closes it (where the end tag may be left out: once {@link
     * #ownTagInside} has found that it is not a nested one's; for {@code <a>}, {@code <button>}, {@code <nobr>}; for
     * a heading in the heading itself), rather than opening a nested one.
     */
    boolean closedBySameStart() {
        if (optionalEnd) {
            return true;
        }
        if (ruby) {
            return rubyPartClosedBy(element);
        }
        if (element.equals("table")) {
            return tableClosedByTable();
        }
        return NOT_NESTED.contains(element) ? !boundaryOpen() : HEADINGS.contains(element) && openCount == 0 && !lost;
    }

    /**
     * Whether the tag {@code name} (lower case; an end tag when {@code end}; not the element's own name; {@code
     * isVoid}: an element without content) closes the removed element; follows what it opens or closes otherwise.
     */
    boolean closes(String name, boolean end, boolean isVoid) {
        if (optionalEnd) {
            return closesOptional(name, end, isVoid);
        }
        if (!end) {
            int table = tablePart(name, false);
            if (table >= 0) {
                return table == 1; // <td><div …>ad<td>: the browser closes the cell; a stray <td> it ignores
            }
            if (HEADINGS.contains(name) && HEADINGS.contains(element) && openCount == 0 && !lost) {
                return true;
            }
            if (ruby && CLOSING_STARTS.get(element).contains(name) && rubyPartClosedBy(name)) {
                return true; // <rt …>x<rt>: the browser's implied end tags close it
            }
            if (openBlocks != 0 && !lost && !name.equals("table") && closesBlock(openBlocks, name)) {
                // <p>Text <span …>gated<div>, <li>a <span …>b<li>: the browser closes the paragraph or item, and
                // with it everything open in it (not at a <table>, which a page in quirks mode puts in the paragraph)
                return true;
            }
            // <svg> and <math> are not followed: their content and end tag are SVG/MathML, which the removal does
            // not read (a self-closing one has none)
            if (!isVoid && !name.equals("svg") && !name.equals("math")) {
                return !push(name);
            }
            return false;
        }
        if (ownOverflow > 0 && !NO_ELEMENTS.contains(name)) {
            lost = true; // it may close some of the untracked nested ones, or none
            return false;
        }
        int i = innermost(name);
        if (i >= 0) {
            popTo(i, name);
            return false;
        }
        if (lost || NO_ELEMENTS.contains(name)) {
            return false;
        }
        if (tablePart(name, true) == 0) {
            return false; // no table is open: a browser ignores it
        }
        if (name.equals("template")) {
            return !isOpen("noscript"); // it closes all that is open in the template, past any boundary
        }
        if (TABLE_ENDS.contains(name)) {
            // In a cell a browser looks for these in table scope: past an <object> or a <select>, and a formatting
            // element they close is not reopened past the cell's marker. In a caption only </table> closes it.
            return !element.equals("table") && !element.equals("template") && !isOpen("table")
                && !isOpen("template") && !isOpen("noscript")
                && (name.equals("table") || !element.equals("caption") && !isOpen("caption"));
        }
        // a formatting element is reopened past any end tag but a marker's (<object>, <applet>, <marquee>)
        if (SCOPE_BOUNDARIES.contains(element) || FORMATTING.contains(element) && !name.equals("object")
            && !name.equals("applet") && !name.equals("marquee") || boundaryOpen()) {
            return false;
        }
        if (name.equals("body") || name.equals("html")) {
            return false; // a browser closes nothing there: what follows goes on inside the element
        }
        if (name.equals("p")) {
            // a block element is never inside an open <p>: its start tag closed the paragraph; and no paragraph is
            // in button scope past a <button> (a browser puts an empty one in it)
            return !CLOSING_STARTS.get("p").contains(element) && !specialOpen(true) && !element.equals("button")
                && !isOpen("button");
        }
        if (name.equals("li") && (element.equals("ul") || element.equals("ol") || isOpen("ul") || isOpen("ol"))) {
            return false; // no list item is in list item scope past a list: a browser ignores the tag
        }
        if (BLOCK_ENDS.contains(name)) {
            return true;
        }
        // "any other end tag": it walks out from the innermost open element and stops at a special one. A name
        // HTML does not know and no custom element has (a hyphen) is taken for a stray tag, not an ancestor.
        return !SPECIAL.contains(element) && !specialOpen(false)
            && (PHRASING.contains(name) || name.indexOf('-') > 0 || OTHER_CONTAINERS.contains(name));
    }

    /**
     * Whether the start tag {@code name} closes a paragraph, list item or description item ({@code blocks}: which,
     * as {@link OpenBlocks} flags) that is the removed element or that it began in, as a browser's "in body" rules
     * for that tag look for one: a paragraph in button scope (not past a scope boundary or a {@code <button>} open
     * inside), an item up to the first special element other than {@code <address>}, {@code <div>} and {@code <p>}.
     */
    private boolean closesBlock(int blocks, String name) {
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
     * otherwise, and when what is open is not known: the tag is read as before.
     */
    private int tablePart(String name, boolean end) {
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
     * For an option or option group in a table (the element's {@link #tables} known and not zero): whether the tag
     * {@code name}, outside the templates and noscript opened in it, closes it, as it closes the select it is in:
     * the start tag of a cell, a row, a table's section or a caption, or the end tag of a table's part ({@code
     * </td>}, {@code </table>}…: read as in a cell; in a caption a browser ignores all but {@code </caption>} and
     * {@code </table>}). Not past a table opened inside the element, whose tags those are.
     */
    private boolean closesSelectInTable(String name, boolean end) {
        if (name.equals("table")) {
            if (!end) {
                tablesInside++;
                return false;
            }
            if (tablesInside > 0) {
                tablesInside--;
                return false;
            }
        }
        return tablesInside == 0 && (end ? TABLE_ENDS : SELECT_IN_TABLE_ENDS).contains(name);
    }

    /**
     * For a ruby part, the start tag {@code name} of one that closes it: whether a browser's "generate implied end
     * tags" (for {@code <rt>} and {@code <rp>}: but an {@code <rtc>}) reaches it, which pops only elements whose end
     * tags may be left out ({@code <rt>x<span>y<rt>} nests the second in the span).
     */
    private boolean rubyPartClosedBy(String name) {
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
    private boolean tableClosedByTable() {
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
     * Opens {@code name} inside the element; past {@link #MAX_OPEN}, end tags are no longer explained. False when it
     * closes the last element open in a removed form whose end tag has come: it opens outside the form.
     */
    private boolean push(String name) {
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
    private int innermost(String name) {
        boolean heading = HEADINGS.contains(name);
        for (int i = openCount - 1; i >= 0; i--) {
            if (open[i].equals(name) || heading && HEADINGS.contains(open[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether elements of the element's own name opened inside it are followed here, with the rest of what is open,
     * so that an end tag which closes several open elements at once closes those too ({@code
     * <div><section><div>…</section>}): not for an element whose end tag may be left out (its own rules), nor for a
     * formatting element (a browser reopens one closed that way, up to its own end tag), nor past the limit.
     */
    boolean followsOwnName() {
        return !optionalEnd && !lost && !FORMATTING.contains(element);
    }

    /**
     * A start tag of the element's own name that does not close it ({@link #closedBySameStart} is false): opens a
     * nested one. A {@code <form>} in a form is ignored by a browser, outside a template. Only while {@link
     * #followsOwnName()}.
     */
    void openOwn() {
        if (!element.equals("form") || inTemplate || isOpen("template")) {
            ownOpened = true;
            push(element);
        }
    }

    /**
     * The element's own end tag, while {@link #followsOwnName()}: whether it closes the removed element. It closes
     * the innermost nested one instead if one is open (popping what a browser pops), and a browser ignores it when
     * what is open inside stops it: a scope boundary ({@code <table>}, {@code <object>}, {@code <noscript>}…), and
     * for an end tag without a rule of its own ({@code </span>}, {@code </video>}), a special element ({@code
     * <div>}). A table part's end tag is looked for in table scope, and a select's passes what is open in it.
     */
    boolean closedByOwnEnd() {
        if (element.equals("form") && !inTemplate && !isOpen("template")) {
            if (formOut || formForgotten) {
                return false; // a browser has no form to close
            }
            if (boundaryOpen()) {
                formForgotten = true; // not in scope: ignored, and the browser forgets the form all the same
                return false;
            }
            if (openCount > 0) {
                formOut = true; // out of the open elements; what is open in it goes on in it
                return false;
            }
            return true;
        }
        if (ownOverflow > 0) {
            ownOverflow--; // it closes the innermost of the untracked nested ones
            return false;
        }
        int i = innermost(element);
        if (i >= 0) {
            popTo(i, element);
            return false;
        }
        if (TABLE_ENDS.contains(element) || element.equals("template") || element.equals("select")) {
            return true;
        }
        return !boundaryOpen() && (BLOCK_ENDS.contains(element) || !specialOpen(false));
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
     * once {@link #followsOwnName()} no longer holds.
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
    private void popTo(int i, String name) {
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
    private boolean isOpen(String name) {
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
    private boolean boundaryOpen() {
        for (int i = 0; i < openCount; i++) {
            if (SCOPE_BOUNDARIES.contains(open[i]) || open[i].equals("noscript")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a special element (with {@code blocks}: one that closes a paragraph) is open inside the element. */
    private boolean specialOpen(boolean blocks) {
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

    /**
     * A tag of the element's own name ({@code end}: its end tag), where the element's end tag may be left out: whether
     * it is one of an element nested inside it, rather than one that closes it. For an item or a paragraph, what is
     * open inside it tells (a list opened in the item, a {@code <button>}, an {@code <object>}: a nested one opens,
     * and its end tag closes it); for the others, whether a container of the element's kind is open inside it.
     */
    boolean ownTagInside(boolean end) {
        if (ownBlock == 0) {
            return scopes > 0 || templates > 0 || noscript;
        }
        if (end) {
            int i = innermost(element);
            if (i >= 0) {
                popTo(i, element);
                return true;
            }
            return !lost && !ownEndInScope(); // out of scope: a browser ignores it, or puts an empty one in
        }
        if (lost || closesBlock(ownBlock, element)) {
            return false;
        }
        push(element);
        return true;
    }

    /**
     * Whether the end tag of the removed paragraph or item, none of its name being open inside, finds it: in button
     * scope for a paragraph, list item scope for a list item, in scope for a description item.
     */
    private boolean ownEndInScope() {
        if (boundaryOpen()) {
            return false;
        }
        return switch (element) {
            case "p" -> !isOpen("button");
            case "li" -> !isOpen("ul") && !isOpen("ol");
            default -> true;
        };
    }

    /**
     * {@link #closes} for a paragraph or an item: follows what is open inside it. A start tag closes it as it would
     * one the element began in ({@link #closesBlock}); an end tag that closes nothing open inside it is an
     * ancestor's, and closes it unless a scope boundary open inside stops it (a paragraph's, any but a phrasing end
     * tag; an item's, a block's). Past {@link #MAX_OPEN}, only the tags that close it by name do.
     */
    private boolean closesOwnBlock(String name, boolean end, boolean isVoid) {
        int table = tablePart(name, end);
        if (table >= 0 && !end) {
            return table == 1;
        }
        if (!end) {
            if (lost ? CLOSING_STARTS.get(element).contains(name) : closesBlock(ownBlock, name)) {
                return true;
            }
            if (!isVoid && !name.equals("svg") && !name.equals("math")) {
                push(name);
            }
            return false;
        }
        int i = innermost(name);
        if (i >= 0) {
            popTo(i, name);
            return false;
        }
        if (table == 0) {
            return false;
        }
        if (name.equals("template")) {
            return !isOpen("noscript"); // the removal began in a template: it closes all that is open in it
        }
        if (ownBlock == OpenBlocks.PARAGRAPH) {
            // an SVG/MathML integration point's end tag, read with the paragraph open in it, finds the paragraph (a
            // special element) first: a browser ignores it
            return (lost || !boundaryOpen()) && !PHRASING.contains(name) && !INTEGRATION_POINTS.contains(name);
        }
        if (lost) {
            return CLOSING_ENDS.get(element).contains(name);
        }
        // a list item left open in a block: the block's end tag, an ancestor's, closes it too, unless a boundary
        // stops it (<div><ul><li …>Gated</div>)
        return BLOCK_ENDS.contains(name) && !name.equals("p") && !boundaryOpen()
            && !(name.equals("li") && (isOpen("ul") || isOpen("ol")));
    }

    /**
     * For an element whose end tag may be left out: follows the templates and the {@code <noscript>} opened inside
     * it, and tells whether the tag {@code name} is in one of them, or opens or closes one: it closes nothing then (a
     * template's content is its own; a noscript's, text to a browser that runs scripts). Not the end tag of a
     * template the element is in.
     */
    private boolean inTemplateOrNoscript(String name, boolean end) {
        if (noscript) {
            noscript = !(end && name.equals("noscript"));
            return true;
        }
        if (name.equals("noscript")) {
            noscript = !end;
            return !end;
        }
        if (name.equals("template")) {
            if (!end) {
                templates++;
                return true;
            }
            if (templates > 0) {
                templates--;
                return true;
            }
            return false;
        }
        return templates > 0;
    }

    /** {@link #closes} for an element whose end tag may be left out; counts the containers {@code name} opens. */
    private boolean closesOptional(String name, boolean end, boolean isVoid) {
        boolean documentEnd = end && (name.equals("body") || name.equals("html"));
        if (ownBlock != 0) {
            return documentEnd || closesOwnBlock(name, end, isVoid);
        }
        if (element.equals("colgroup") && templates == 0 && !name.equals("template")) {
            return !name.equals("col"); // "in column group": anything but a column closes it (</col> is ignored)
        }
        if (inTemplateOrNoscript(name, end)) {
            return false;
        }
        if (documentEnd || name.equals("template")) {
            return true; // a template's end tag closes all that is open in it: the element too
        }
        if (tables > 0 && closesSelectInTable(name, end)) {
            return true;
        }
        Set<String> scope = SCOPES.getOrDefault(element, Set.of());
        if (scope.contains(name)) {
            if (!end) {
                scopes++;
                return false;
            }
            if (scopes > 0) {
                scopes--;
                return false;
            }
        }
        if (scopes > 0) {
            return false;
        }
        return (end ? CLOSING_ENDS : CLOSING_STARTS).getOrDefault(element, Set.of()).contains(name);
    }
}
