package io.consentgate.html;

import java.util.Arrays;

/**
 * The SVG and MathML elements open in SVG/MathML content inside a removed HTML element, for {@link ElementDrop}. By
 * the WHATWG rules for tokens in foreign content ("any other end tag"), an end tag read there closes the innermost
 * open SVG/MathML element of its name, and reaches the HTML rules ({@link ImpliedEnds}) only when it meets an HTML
 * element first. Only the breakout start tags leave that content: {@code <section>}, {@code <form>}, {@code <td>},
 * {@code <input>}… read in an {@code <svg>} are SVG elements (none of them void), so in {@code <div
 * data-consent=…>ad<svg><section>x</section></svg>still ad</div>} the {@code </section>} closes the SVG section and
 * the removal goes on to the {@code </div>}.
 *
 * <p>Each element is kept with the SVG/MathML context depth ({@link Tokenizer#foreignDepth}) it is open at: when its
 * content closes ({@code </svg>}, a breakout, an integration point's end tag), it is gone by the next tag. The search
 * for an end tag's element goes on past an integration point ({@code <foreignObject>}, {@code <mi>}…) while no HTML
 * element was opened in it: the point is then the current node, and an end tag read in its content goes by the rules
 * for foreign content too ({@code <svg><section><foreignObject></section>} closes the SVG section). Once an HTML
 * element was opened there, the search stops at the point, as a browser's stops at that element (the element is taken
 * for open until the point closes: the removal then goes on). Past {@value #MAX_OPEN} open elements, an end tag that
 * may name an SVG/MathML element is taken for one until that content is left: the removal goes on (fail-closed). Every
 * tag of the removal is read here; nothing is allocated per tag.
 */
final class OpenForeignElements {

    static final int MAX_OPEN = 64;

    /** The element opened an SVG/MathML context of its own (a nested {@code <svg>}, an integration point…). */
    private static final byte OPENS_CONTEXT = 1;
    /** The element is an integration point ({@code <foreignObject>}, {@code <desc>}, {@code <mi>}…). */
    private static final byte POINT = 2;
    /** The element's name is one of an integration point: it is one if it opened a context. */
    private static final byte POINT_NAME = 4;
    /**
     * An HTML element was opened in the integration point's content, and may be open still: an end tag read there
     * meets it first, and the HTML rules take it.
     */
    private static final byte HTML_OPENED = 8;
    /**
     * The element is a MathML {@code <annotation-xml>}: without an HTML encoding it is no integration point, but the
     * HTML rules' scope stops at it all the same, so an end tag that reaches them through it closes nothing.
     */
    private static final byte ANNOTATION = 16;

    /** The open elements' lower-case names, {@link Tokenizer#NAME_MAX} bytes each, innermost last. */
    private final byte[] names = new byte[MAX_OPEN * Tokenizer.NAME_MAX];
    private final int[] lengths = new int[MAX_OPEN];
    /** The SVG/MathML context depth while the element is open; past it, its content has closed. */
    private final int[] depths = new int[MAX_OPEN];
    private final byte[] kinds = new byte[MAX_OPEN];
    private int count;
    /**
     * The innermost element was opened by the last tag: whether it opened a context of its own shows only once that
     * tag is handled, at the next one.
     */
    private boolean settling;
    /** The context depth at which an element past {@link #MAX_OPEN} was opened; -1 when none was. */
    private int lostAt = -1;

    /** A new removal: nothing is open in it. */
    void clear() {
        count = 0;
        settling = false;
        lostAt = -1;
    }

    /**
     * Reads the current tag of the removal: true when it opens or closes an SVG/MathML element inside it, which the
     * HTML rules do not see. An end tag that {@link Tokenizer#breaksOutOfForeign} took for leaving the content and
     * that closes such an element instead leaves the tokenizer in the content, as a browser stays in it.
     */
    boolean read(Tokenizer tok) {
        if (count > 0 || lostAt >= 0) {
            settle(tok.foreignDepthBeforeTag());
        }
        if (!tok.endTag) {
            if (!tok.foreign) {
                startTagInPoint(tok);
                return false;
            }
            if (!tok.selfClosing) {
                open(tok);
            }
            return true;
        }
        if (!tok.foreign && !tok.brokeOut && !inBarePoint(tok) || tok.nameId == ElementNames.P
            || tok.nameId == ElementNames.BR) {
            return false; // </p> and </br> leave the content
        }
        boolean mayName = mayNameForeignElement(tok.nameId); // a breakout start tag's name is never SVG's
        if (mayName && lostAt >= 0) {
            stayInForeignContent(tok);
            return true;
        }
        boolean annotation = false;
        for (int i = count - 1; i >= 0 && (kinds[i] & (POINT | HTML_OPENED)) != (POINT | HTML_OPENED); i--) {
            if (mayName && Arrays.equals(tok.name, 0, tok.nameLen, names, i * Tokenizer.NAME_MAX,
                i * Tokenizer.NAME_MAX + lengths[i])) {
                stayInForeignContent(tok);
                if ((kinds[i] & OPENS_CONTEXT) == 0 && tok.foreignDepth() > depths[i]) {
                    tok.closeForeignTo(depths[i]); // a nested <svg> or <mglyph> opened in it closes with it
                }
                count = i;
                return true;
            }
            annotation |= (kinds[i] & (ANNOTATION | POINT)) == ANNOTATION;
        }
        if (annotation && tok.nameId != ElementNames.TEMPLATE) {
            // past an <annotation-xml> the HTML rules find nothing of its name in scope, and ignore it
            // (<div data-consent=…><math><annotation-xml><svg></div>); a template's end tag is not looked for in scope
            stayInForeignContent(tok);
            return true;
        }
        return false;
    }

    /**
     * Brings the elements up to the context depth from before the current tag: the last one opened gets its own
     * depth, and those whose content has closed since go.
     */
    private void settle(int depth) {
        if (settling) {
            settling = false;
            int i = count - 1;
            if (depth > depths[i]) {
                depths[i] = depth;
                kinds[i] |= (kinds[i] & POINT_NAME) != 0 ? OPENS_CONTEXT | POINT : OPENS_CONTEXT;
            }
        }
        while (count > 0 && depths[count - 1] > depth) {
            count--;
        }
        if (lostAt > depth) {
            lostAt = -1;
        }
    }

    /**
     * A start tag read in HTML content: in an integration point opened in the removal, an {@code <svg>}, a {@code
     * <math>} (or an {@code <mglyph>} in an {@code <mi>}) is one of its SVG/MathML elements, and any other element
     * with content stops the search for an end tag's element at the point from then on.
     */
    private void startTagInPoint(Tokenizer tok) {
        int top = count - 1;
        if (top < 0 || (kinds[top] & POINT) == 0 || depths[top] != tok.foreignDepth()) {
            return;
        }
        int id = tok.nameId;
        if (id == ElementNames.SVG || id == ElementNames.MATH || tok.mathMLInTextPoint()) {
            if (!tok.selfClosing) {
                open(tok);
            }
        } else if (!ElementNames.isVoid(id)) {
            kinds[top] |= HTML_OPENED;
        }
    }

    /**
     * Whether the current end tag, read in HTML content, is read in an integration point opened in the removal with
     * no HTML element opened in it: the point is the current node, and the end tag goes by the rules for foreign
     * content, which search past it.
     */
    private boolean inBarePoint(Tokenizer tok) {
        int top = count - 1;
        return top >= 0 && (kinds[top] & (POINT | HTML_OPENED)) == POINT && depths[top] == tok.foreignDepth();
    }

    private void open(Tokenizer tok) {
        int depth = tok.foreignDepth();
        if (count == MAX_OPEN) {
            if (lostAt < 0) {
                lostAt = depth;
            }
            return;
        }
        System.arraycopy(tok.name, 0, names, count * Tokenizer.NAME_MAX, tok.nameLen);
        lengths[count] = tok.nameLen;
        depths[count] = depth;
        int id = tok.nameId;
        kinds[count] = id == ElementNames.TITLE || id >= ElementNames.FOREIGNOBJECT && id <= ElementNames.ANNOTATION_XML
            ? POINT_NAME : 0;
        if (id == ElementNames.ANNOTATION_XML) {
            kinds[count] |= ANNOTATION;
        }
        count++;
        settling = true;
    }

    /** The tokenizer stays in the SVG/MathML content the current end tag was read in. */
    private static void stayInForeignContent(Tokenizer tok) {
        if (tok.brokeOut) {
            tok.undoBreakOut();
        }
    }

    /**
     * Whether an SVG/MathML element can have this name: not when a start tag of it leaves the content ({@code
     * <div>}, {@code <p>}, {@code <table>}…; {@code <font>} only with some attributes).
     */
    private static boolean mayNameForeignElement(int id) {
        return !ElementNames.breaksOutOfForeign(id);
    }
}
