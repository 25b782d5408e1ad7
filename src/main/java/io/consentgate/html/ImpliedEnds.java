package io.consentgate.html;

import static io.consentgate.html.HtmlElementKinds.BLOCK_ENDS;
import static io.consentgate.html.HtmlElementKinds.CLOSING_ENDS;
import static io.consentgate.html.HtmlElementKinds.CLOSING_STARTS;
import static io.consentgate.html.HtmlElementKinds.FORMATTING;
import static io.consentgate.html.HtmlElementKinds.HEADINGS;
import static io.consentgate.html.HtmlElementKinds.NOT_NESTED;
import static io.consentgate.html.HtmlElementKinds.NO_ELEMENTS;
import static io.consentgate.html.HtmlElementKinds.OTHER_CONTAINERS;
import static io.consentgate.html.HtmlElementKinds.PHRASING;
import static io.consentgate.html.HtmlElementKinds.RUBY_PARTS;
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
 *
 * <p>What is open inside the element is kept, and searched as a browser searches it, by {@link OpenInside}; the
 * rules for an element whose end tag may be left out are {@link OptionalEnds}.
 */
final class ImpliedEnds {

    /**
     * The parts of a table, whose start tags close a cell, a caption or what a browser foster-parents out of a table
     * ({@code <div>} read between rows), and which a browser ignores, start or end tag, where no table is open.
     */
    static final Set<String> TABLE_PARTS = Set.of("caption", "col", "colgroup", "tbody", "td", "tfoot", "th",
        "thead", "tr");
    /** {@link #tables} when whether a table is open around the element is not known: those rules do not apply. */
    static final int TABLES_UNKNOWN = -1;

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
    /** Set when the removed form's end tag came where it was not in scope: its later end tags close nothing. */
    private boolean formForgotten;
    /** The elements opened inside the element and not closed yet. */
    private final OpenInside inside;
    /** For an element whose end tag may be left out: its rules; else null. */
    private final OptionalEnds optionalEnds;

    /**
     * Which of a paragraph, a list item and a description item the element began in ({@link OpenBlocks}), when it is
     * one that their closing closes: neither special (a block or boundary, which is never inside a paragraph, and
     * stops the search for an item to close) nor a formatting element (which a browser reopens in the block that
     * follows); else none.
     */
    private final int openBlocks;
    /**
     * Whether the element is a part of a ruby annotation ({@code <rb>}, {@code <rt>}, {@code <rp>}, {@code <rtc>}):
     * what is open inside it is followed, and the start tag of another part closes it only when nothing but elements
     * whose end tags may be left out is open in it ({@link OpenInside#rubyPartClosedBy}).
     */
    private final boolean ruby;
    /**
     * How many tables are open around the element ({@link OpenBlocks#tables}): none (a browser ignores the tags of
     * a table's parts), some (their start tags close the cell, caption or section the element is in, or end the
     * element foster-parented out of the table), or {@link #TABLES_UNKNOWN}: not known, in a template (whose content
     * has rules of its own), or for a table, a table's part, a template or an element whose end tag may be left out,
     * whose own rules apply; but an option or option group, which a select in a table closes as the cell does
     * ({@link OptionalEnds#closesSelectInTable}).
     */
    private final int tables;

    private ImpliedEnds(String element, boolean optionalEnd, boolean inTemplate, int openBlocks, int tables) {
        this.element = element;
        this.optionalEnd = optionalEnd;
        this.inTemplate = inTemplate;
        this.openBlocks = optionalEnd || SPECIAL.contains(element) || FORMATTING.contains(element) ? 0 : openBlocks;
        int ownBlock = switch (element) {
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
        this.inside = new OpenInside(element);
        this.optionalEnds = optionalEnd ? new OptionalEnds(element, ownBlock, this.tables, inside) : null;
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
            return inside.rubyPartClosedBy(element);
        }
        if (element.equals("table")) {
            return inside.tableClosedByTable();
        }
        return NOT_NESTED.contains(element) ? !inside.boundaryOpen()
            : HEADINGS.contains(element) && inside.openCount == 0 && !inside.lost;
    }

    /**
     * Whether the tag {@code name} (lower case; an end tag when {@code end}; not the element's own name; {@code
     * isVoid}: an element without content) closes the removed element; follows what it opens or closes otherwise.
     */
    boolean closes(String name, boolean end, boolean isVoid) {
        if (optionalEnd) {
            return optionalEnds.closesOptional(name, end, isVoid);
        }
        if (!end) {
            return startTagCloses(name, isVoid);
        }
        return endTagCloses(name);
    }

    /**
     * {@link #closes} for a start tag, the element's end tag not being one that may be left out: a table's part, a
     * heading, another ruby part or a tag that closes the paragraph or item the element began in closes it; any other
     * is pushed on what is open inside it.
     */
    private boolean startTagCloses(String name, boolean isVoid) {
        int table = inside.tablePart(name, false, tables);
        if (table >= 0) {
            return table == 1; // <td><div …>ad<td>: the browser closes the cell; a stray <td> it ignores
        }
        if (HEADINGS.contains(name) && HEADINGS.contains(element) && inside.openCount == 0 && !inside.lost) {
            return true;
        }
        if (ruby && CLOSING_STARTS.get(element).contains(name) && inside.rubyPartClosedBy(name)) {
            return true; // <rt …>x<rt>: the browser's implied end tags close it
        }
        if (openBlocks != 0 && !inside.lost && !name.equals("table") && inside.closesBlock(openBlocks, name)) {
            // <p>Text <span …>gated<div>, <li>a <span …>b<li>: the browser closes the paragraph or item, and
            // with it everything open in it (not at a <table>, which a page in quirks mode puts in the paragraph)
            return true;
        }
        // <svg> and <math> are not followed: their content and end tag are SVG/MathML, which the removal does
        // not read (a self-closing one has none)
        if (!isVoid && !name.equals("svg") && !name.equals("math")) {
            return !inside.push(name);
        }
        return false;
    }

    /**
     * {@link #closes} for an end tag, the element's end tag not being one that may be left out: one that closes an
     * element open inside it pops what a browser pops; one that closes none is an ancestor's, and closes the element
     * unless a browser would ignore it there.
     */
    private boolean endTagCloses(String name) {
        if (inside.ownOverflow > 0 && !NO_ELEMENTS.contains(name)) {
            inside.lost = true; // it may close some of the untracked nested ones, or none
            return false;
        }
        int i = inside.innermost(name);
        if (i >= 0) {
            inside.popTo(i, name);
            return false;
        }
        if (inside.lost || NO_ELEMENTS.contains(name)) {
            return false;
        }
        if (inside.tablePart(name, true, tables) == 0) {
            return false; // no table is open: a browser ignores it
        }
        if (name.equals("template")) {
            return !inside.isOpen("noscript"); // it closes all that is open in the template, past any boundary
        }
        if (TABLE_ENDS.contains(name)) {
            // In a cell a browser looks for these in table scope: past an <object> or a <select>, and a formatting
            // element they close is not reopened past the cell's marker. In a caption only </table> closes it.
            return !element.equals("table") && !element.equals("template") && !inside.isOpen("table")
                && !inside.isOpen("template") && !inside.isOpen("noscript")
                && (name.equals("table") || !element.equals("caption") && !inside.isOpen("caption"));
        }
        // a formatting element is reopened past any end tag but a marker's (<object>, <applet>, <marquee>)
        if (SCOPE_BOUNDARIES.contains(element) || FORMATTING.contains(element) && !name.equals("object")
            && !name.equals("applet") && !name.equals("marquee") || inside.boundaryOpen()) {
            return false;
        }
        if (name.equals("body") || name.equals("html")) {
            return false; // a browser closes nothing there: what follows goes on inside the element
        }
        if (name.equals("p")) {
            // a block element is never inside an open <p>: its start tag closed the paragraph; and no paragraph is
            // in button scope past a <button> (a browser puts an empty one in it)
            return !CLOSING_STARTS.get("p").contains(element) && !inside.specialOpen(true)
                && !element.equals("button") && !inside.isOpen("button");
        }
        if (name.equals("li")
            && (element.equals("ul") || element.equals("ol") || inside.isOpen("ul") || inside.isOpen("ol"))) {
            return false; // no list item is in list item scope past a list: a browser ignores the tag
        }
        if (BLOCK_ENDS.contains(name)) {
            return true;
        }
        // "any other end tag": it walks out from the innermost open element and stops at a special one. A name
        // HTML does not know and no custom element has (a hyphen) is taken for a stray tag, not an ancestor.
        return !SPECIAL.contains(element) && !inside.specialOpen(false)
            && (PHRASING.contains(name) || name.indexOf('-') > 0 || OTHER_CONTAINERS.contains(name));
    }

    /**
     * Whether elements of the element's own name opened inside it are followed here, with the rest of what is open,
     * so that an end tag which closes several open elements at once closes those too ({@code
     * <div><section><div>…</section>}): not for an element whose end tag may be left out (its own rules), nor for a
     * formatting element (a browser reopens one closed that way, up to its own end tag), nor past the limit.
     */
    boolean followsOwnName() {
        return !optionalEnd && !inside.lost && !FORMATTING.contains(element);
    }

    /**
     * A start tag of the element's own name that does not close it ({@link #closedBySameStart} is false): opens a
     * nested one. A {@code <form>} in a form is ignored by a browser, outside a template. Only while {@link
     * #followsOwnName()}.
     */
    void openOwn() {
        if (!element.equals("form") || inTemplate || inside.isOpen("template")) {
            inside.ownOpened = true;
            inside.push(element);
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
        if (element.equals("form") && !inTemplate && !inside.isOpen("template")) {
            if (inside.formOut || formForgotten) {
                return false; // a browser has no form to close
            }
            if (inside.boundaryOpen()) {
                formForgotten = true; // not in scope: ignored, and the browser forgets the form all the same
                return false;
            }
            if (inside.openCount > 0) {
                inside.formOut = true; // out of the open elements; what is open in it goes on in it
                return false;
            }
            return true;
        }
        if (inside.ownOverflow > 0) {
            inside.ownOverflow--; // it closes the innermost of the untracked nested ones
            return false;
        }
        int i = inside.innermost(element);
        if (i >= 0) {
            inside.popTo(i, element);
            return false;
        }
        if (TABLE_ENDS.contains(element) || element.equals("template") || element.equals("select")) {
            return true;
        }
        return !inside.boundaryOpen() && (BLOCK_ENDS.contains(element) || !inside.specialOpen(false));
    }

    /** Whether the removed form's content has ended: {@link OpenInside#emptied()}. */
    boolean emptied() {
        return inside.emptied();
    }

    /** How many elements of the element's own name are open, itself included: {@link OpenInside#ownDepth()}. */
    int ownDepth() {
        return inside.ownDepth();
    }

    /**
     * A tag of the element's own name, where the element's end tag may be left out: whether it is one of an element
     * nested inside it ({@link OptionalEnds#ownTagInside}).
     */
    boolean ownTagInside(boolean end) {
        return optionalEnds.ownTagInside(end);
    }
}
