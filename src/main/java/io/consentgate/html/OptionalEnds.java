package io.consentgate.html;

import static io.consentgate.html.HtmlElementKinds.BLOCK_ENDS;
import static io.consentgate.html.HtmlElementKinds.CLOSING_ENDS;
import static io.consentgate.html.HtmlElementKinds.CLOSING_STARTS;
import static io.consentgate.html.HtmlElementKinds.INTEGRATION_POINTS;
import static io.consentgate.html.HtmlElementKinds.PHRASING;
import static io.consentgate.html.HtmlElementKinds.SCOPES;
import static io.consentgate.html.HtmlElementKinds.TABLE_ENDS;

import java.util.Set;

/**
 * Where a removed element whose end tag may be left out ends, for {@link ImpliedEnds}: the first kind of element in
 * its Javadoc ({@code <li>}, {@code <option>}, {@code <p>}, table cells and rows, {@code <caption>}, {@code
 * <colgroup>}…). A paragraph or an item follows what is open inside it ({@link OpenInside}), as the elements of the
 * other kind do; the others count the containers of their own kind, the templates and the noscript opened inside them,
 * and an option or option group in a table the tables.
 */
final class OptionalEnds {

    /**
     * The start tags that, read in a select in a table ("in select in table"), close the select, and an option or
     * option group in it. Not {@code <col>} or {@code <colgroup>}, which that select ignores (a browser that parses
     * a select as it does the body closes the cell at them), nor {@code <table>}, which closes that select but such a
     * browser may nest in it: where they disagree the removal goes on (fail-closed).
     */
    private static final Set<String> SELECT_IN_TABLE_ENDS = Set.of("caption", "tbody", "td", "tfoot", "th", "thead",
        "tr");

    /** The removed element's name. */
    private final String element;
    /**
     * Which of a paragraph, a list item and a description item the element is itself ({@link OpenBlocks}), else
     * none: what is open inside it is followed, and the tags that close it do so as they close one that the element
     * began in ({@link OpenInside#closesBlock}).
     */
    private final int ownBlock;
    /** How many tables are open around the element ({@link ImpliedEnds}'s), for {@link OpenInside#tablePart}. */
    private final int tables;
    /** What is open inside the element, which a paragraph or an item follows. */
    private final OpenInside inside;
    /** Containers of {@link #SCOPES} opened inside the element and not closed yet. */
    private int scopes;
    /** For an element whose end tag may be left out: templates opened inside it and not closed yet. */
    private int templates;
    /**
     * For an element whose end tag may be left out: whether a {@code <noscript>} opened inside it is open, whose
     * content a browser that runs scripts reads as text up to the first {@code </noscript>}.
     */
    private boolean noscript;
    /** For an option or option group in a table: the tables opened inside it and not closed yet. */
    private int tablesInside;

    OptionalEnds(String element, int ownBlock, int tables, OpenInside inside) {
        this.element = element;
        this.ownBlock = ownBlock;
        this.tables = tables;
        this.inside = inside;
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
            int i = inside.innermost(element);
            if (i >= 0) {
                inside.popTo(i, element);
                return true;
            }
            return !inside.lost && !ownEndInScope(); // out of scope: a browser ignores it, or puts an empty one in
        }
        if (inside.lost || inside.closesBlock(ownBlock, element)) {
            return false;
        }
        inside.push(element);
        return true;
    }

    /**
     * Whether the end tag of the removed paragraph or item, none of its name being open inside, finds it: in button
     * scope for a paragraph, list item scope for a list item, in scope for a description item.
     */
    private boolean ownEndInScope() {
        if (inside.boundaryOpen()) {
            return false;
        }
        return switch (element) {
            case "p" -> !inside.isOpen("button");
            case "li" -> !inside.isOpen("ul") && !inside.isOpen("ol");
            default -> true;
        };
    }

    /**
     * {@link ImpliedEnds#closes} for a paragraph or an item: follows what is open inside it. A start tag closes it as
     * it would one the element began in ({@link OpenInside#closesBlock}); an end tag that closes nothing open inside
     * it is an ancestor's, and closes it unless a scope boundary open inside stops it (a paragraph's, any but a
     * phrasing end tag; an item's, a block's). Past {@link ImpliedEnds#MAX_OPEN}, only the tags that close it by name
     * do.
     */
    private boolean closesOwnBlock(String name, boolean end, boolean isVoid) {
        int table = inside.tablePart(name, end, tables);
        if (table >= 0 && !end) {
            return table == 1;
        }
        if (!end) {
            if (inside.lost ? CLOSING_STARTS.get(element).contains(name) : inside.closesBlock(ownBlock, name)) {
                return true;
            }
            if (!isVoid && !name.equals("svg") && !name.equals("math")) {
                inside.push(name);
            }
            return false;
        }
        int i = inside.innermost(name);
        if (i >= 0) {
            inside.popTo(i, name);
            return false;
        }
        if (table == 0) {
            return false;
        }
        if (name.equals("template")) {
            return !inside.isOpen("noscript"); // the removal began in a template: it closes all that is open in it
        }
        if (ownBlock == OpenBlocks.PARAGRAPH) {
            // an SVG/MathML integration point's end tag, read with the paragraph open in it, finds the paragraph (a
            // special element) first: a browser ignores it
            return (inside.lost || !inside.boundaryOpen()) && !PHRASING.contains(name)
                && !INTEGRATION_POINTS.contains(name);
        }
        if (inside.lost) {
            return CLOSING_ENDS.get(element).contains(name);
        }
        // a list item left open in a block: the block's end tag, an ancestor's, closes it too, unless a boundary
        // stops it (<div><ul><li …>Gated</div>)
        return BLOCK_ENDS.contains(name) && !name.equals("p") && !inside.boundaryOpen()
            && !(name.equals("li") && (inside.isOpen("ul") || inside.isOpen("ol")));
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

    /**
     * {@link ImpliedEnds#closes} for an element whose end tag may be left out; counts the containers {@code name}
     * opens.
     */
    boolean closesOptional(String name, boolean end, boolean isVoid) {
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
