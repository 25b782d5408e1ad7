package io.consentgate.html;

import java.io.IOException;

/**
 * Removes an element with its content for the {@link RewriteEngine}: from the element's cut start tag, every byte
 * goes until where a browser ends the element (its own end tag, nested elements of its name counted; an end HTML
 * implies, {@link ImpliedEnds}; the end of the SVG or MathML content it is in, {@link ForeignEnds}), and the tag
 * that ends it is then read as any other. In SVG/MathML content inside a dropped HTML element, an end tag that
 * closes an SVG/MathML element of its name ({@code <svg><section>x</section>}) closes only that element
 * ({@link OpenForeignElements}); one that closes none reaches the HTML rules. While a drop runs, the engine's {@code
 * onTag} hands every tag here. The engine keeps the routing (its {@link RewriteEngine#DROP} mode); this class keeps
 * which element is dropped, how deep, and where it ends.
 */
final class ElementDrop {

    private static final byte[] LT = {'<'};
    private static final byte[] GT = {'>'};
    private static final byte[] END_OPEN = {'<', '/'};
    private static final byte[] FONT_BREAKOUT = {' ', 's', 'i', 'z', 'e'};

    private final RewriteEngine engine;
    private final Tokenizer tok;
    private final ElementRules rules;

    /** The dropped element's name id; for {@link ElementNames#OTHER}, its name is in {@link #dropName}. */
    int dropId;
    private final byte[] dropName = new byte[Tokenizer.NAME_MAX];
    private int dropNameLen;
    /** How many elements of the dropped one's name are open: the drop ends at the end tag that closes the last. */
    int dropDepth;
    /**
     * Where HTML closes the dropped element before its own end tag (an item's next {@code <li>}, an ancestor's end
     * tag…); null for SVG/MathML content and for raw text and script elements, which only their end tag ends.
     */
    private ImpliedEnds dropEnds;
    /**
     * Where a browser closes the dropped element when it is an SVG or MathML one (read in that content, or an
     * {@code <svg>}, {@code <math>}): it reads every tag of the drop; else null, and the drop costs what it did.
     */
    private ForeignEnds dropForeignEnds;
    /**
     * The SVG/MathML depth the dropped element opened at: deeper, inside an integration point ({@code
     * <foreignObject>}, {@code <mi>}…), no tag closes it ({@link #dropEnds} does not apply).
     */
    private int dropForeignDepth;
    /**
     * {@link #dropDepth} when the integration point opened inside the dropped element that the current tag is in
     * was entered: end tags of the element's name read there close only elements of that name opened in the point;
     * -1 outside such a point.
     */
    private int pointDropDepth = -1;
    /**
     * The SVG/MathML elements open in SVG/MathML content inside the dropped HTML element ({@link #dropEnds}); made at
     * the first tag read in such content, as most pages never need it.
     */
    private OpenForeignElements openForeign;
    /**
     * The drop is of a held element past the cap: when it ends, the SVG/MathML context is {@link #dropContext}, the
     * one the element started in (else the one saved when the element was cut, see {@link #cutRest}).
     */
    boolean dropAfterOverflow;
    ForeignContent.Context dropContext;
    /** The element being dropped keeps its end tag ({@link HeldStyle#streamStyle}: the start of a style was sent). */
    boolean keepDropEnd;

    ElementDrop(RewriteEngine engine, ElementRules rules) {
        this.engine = engine;
        this.tok = engine.tok;
        this.rules = rules;
    }

    // ---------------------------------------------------------------- starting a drop

    /**
     * Goes on from a cut start tag: drops the element's content, if it has any, and leaves the reading context as a
     * browser reading the output finds it.
     */
    void cutRest() throws IOException {
        if (tok.brokeOut) {
            keepBreakout();
            if (!isVoid()) {
                tok.saveForeignContextAfterBreakout(); // what the content opens, its end tag closes
                startDrop(1);
            }
            return;
        }
        tok.saveForeignContext();
        if (!isVoid()) {
            startDrop(1);
        } else {
            tok.restoreForeignContextAfterThisTag();
        }
    }

    /**
     * The cut tag closed SVG/MathML content, so a browser reads what follows it as HTML. Without it, the browser would
     * read the rest of the page as SVG: HTML content would vanish from the page, and text this pass read as HTML could
     * become the text of an SVG script that runs. A bare tag of the same name stays in its place: it loads nothing
     * and closes that content the same way.
     */
    private void keepBreakout() throws IOException {
        engine.emit(LT, 0, 1);
        engine.emit(tok.name, 0, tok.nameLen);
        if (tok.nameId == ElementNames.FONT) {
            engine.emit(FONT_BREAKOUT, 0, FONT_BREAKOUT.length); // <font> breaks out only with color, face or size
        }
        engine.emit(GT, 0, 1);
        if (!isVoid()) {
            engine.emit(END_OPEN, 0, END_OPEN.length);
            engine.emit(tok.name, 0, tok.nameLen);
            engine.emit(GT, 0, 1);
        }
    }

    private void startDrop(int depth) {
        engine.setMode(RewriteEngine.DROP);
        dropAfterOverflow = false;
        dropId = tok.nameId;
        dropNameLen = tok.nameLen;
        System.arraycopy(tok.name, 0, dropName, 0, tok.nameLen);
        dropDepth = depth;
        dropForeignEnds = ForeignEnds.of(tok);
        dropEnds = tok.foreign || dropForeignEnds != null ? null : ImpliedEnds.of(tok.nameId, tok.name, tok.nameLen,
            engine.templateDepth > 0, OpenBlocks.flags(tok.openBlocks), OpenBlocks.tables(tok.openBlocks));
        dropForeignDepth = tok.foreignDepth();
        pointDropDepth = -1;
        if (openForeign != null) {
            openForeign.clear();
        }
    }

    /**
     * Drops a held element past the cap up to its end tag ({@code depth} of them, for nested {@code <noscript>}s);
     * the SVG/MathML context is then {@code context}, the one the element started in.
     */
    void startOverflowDrop(int id, int depth, ForeignContent.Context context) {
        engine.setMode(RewriteEngine.DROP);
        dropId = id;
        dropNameLen = 0;
        dropDepth = depth;
        dropEnds = null;
        dropForeignEnds = null;
        dropAfterOverflow = true;
        dropContext = context;
    }

    /**
     * The content of the current start tag goes, its start tag stays ({@link StreamedTag}: it was sent before its
     * category attribute was read), and so does its end tag.
     */
    void dropContentOfKeptTag() throws IOException {
        if (!isVoid()) {
            engine.flushTo(tok.tagEnd);
            tok.saveForeignContext();
            startDrop(1);
            keepDropEnd = true;
        }
    }

    // ---------------------------------------------------------------- the tags inside it

    /** A tag inside the element being dropped: the drop ends before it, ends with it, or goes on over it. */
    void dropTag() throws IOException {
        if (dropForeignEnds != null) {
            foreignDropTag();
            return;
        }
        if (dropEnds != null && (openForeign != null || tok.foreign)
            && !(tok.endTag && engine.inNoscript && tok.nameId == ElementNames.NOSCRIPT) && openForeign().read(tok)) {
            return; // an SVG/MathML element opened or closed inside: the HTML rules do not see it
        }
        boolean same = tok.nameId == dropId && (dropId != ElementNames.OTHER
            || java.util.Arrays.equals(tok.name, 0, tok.nameLen, dropName, 0, dropNameLen));
        if (dropEnds != null && tok.foreign && tok.endTag && !same && endsInForeignContent()) {
            // SVG/MathML content left open in the removed element: an HTML end tag walks out of it to the HTML
            // rules, which close the element and the content in it (<section data-consent=…><svg><image></div>)
            endDropBeforeTag(true);
            return;
        }
        if (dropEnds != null && !tok.foreign && tok.foreignDepth() <= dropForeignDepth && impliedEndTag(same)) {
            return;
        }
        if (dropEnds != null && openForeign != null && tok.integrationPointAbove(dropForeignDepth)) {
            // (openForeign is made at the first SVG/MathML tag read in a removal, before any point can open)
            if (pointDropDepth < 0) {
                pointDropDepth = dropDepth; // the first tag in an integration point opened inside
            }
            if (same && tok.endTag && !tok.foreign && dropDepth <= pointDropDepth) {
                // in an integration point opened inside (<foreignObject>, <mi>…), a scope boundary: the HTML rules
                // ignore an end tag of the removed element's name there unless an element of that name was opened
                // in the point (<div data-consent=…><div><svg><foreignObject></div>: neither div ends)
                return;
            }
        } else {
            pointDropDepth = -1;
        }
        countTag(same);
    }

    /**
     * {@link #dropTag} in HTML content, by the ends HTML implies for the dropped element ({@link #dropEnds}): true when
     * the tag ended the drop or was counted in it, false when the count of the element's name decides
     * ({@link #countTag}).
     */
    private boolean impliedEndTag(boolean same) throws IOException {
        // An element whose end tag may be left out (<li>, <option>, <p>, table cells…): elements of its name
        // inside it are nested ones only inside a container of their own (a list in the list item), or for an
        // item or a paragraph, past what stops a browser's search for the one to close (<li>…<button><li>).
        if (same && dropEnds.optionalEnd() && dropEnds.ownTagInside(tok.endTag)) {
            return true;
        }
        // Nested elements of its name are on dropEnds' stack too: an end tag that closes several open elements
        // at once closes them with the rest (<div …><section><div>…</section></div>: the removed one's </div>).
        int own = dropEnds.followsOwnName() ? dropEnds.ownDepth() : 0;
        if (same && own > 0) {
            if (tok.endTag) {
                if (!dropEnds.closedByOwnEnd()) {
                    dropDepth += dropEnds.ownDepth() - own;
                    return true;
                }
            } else if (!isVoid() && !dropEnds.closedBySameStart()) {
                dropEnds.openOwn();
                if (dropEnds.followsOwnName()) {
                    dropDepth += dropEnds.ownDepth() - own;
                    return true;
                }
            }
        }
        if (same ? !tok.endTag && dropEnds.closedBySameStart()
                : dropEnds.closes(tok.nameString(), tok.endTag, isVoid())) {
            // The browser closes the removed element before this tag (<li>…<li>, <p>…<div>, </ul>, <p><video>
            // …</p>): the removal ends here, and the tag is read as any other.
            endDropBeforeTag(false);
            return true;
        }
        if (!same && own > 0 && dropEnds.followsOwnName()) {
            dropDepth += dropEnds.ownDepth() - own;
        }
        if (dropEnds.emptied()) {
            // the removed form's end tag came with elements open in it, and the last of them ends here
            dropDepth = 0;
            endDropAfterTag(tok.tagEnd);
            return true;
        }
        return false;
    }

    /**
     * {@link #dropTag} by the count of open elements of the dropped one's name ({@code same}: the tag has that name):
     * its start tag opens one, its end tag closes one, and the last ends the drop. A {@code </noscript>} while a
     * {@code <noscript>} is held ends the drop and is read as an end tag of the held block.
     */
    private void countTag(boolean same) throws IOException {
        if (same && tok.endTag) {
            if (--dropDepth == 0) {
                if (dropAfterOverflow) {
                    dropAfterOverflow = false;
                    tok.ps = keepDropEnd ? tok.tagStart : tok.tagEnd;
                    keepDropEnd = false;
                    engine.setMode(engine.baseMode());
                    tok.resetForeign(dropContext); // nothing was saved for it: what it started in goes on
                } else {
                    endDropAfterTag(keepDropEnd ? tok.tagStart : tok.tagEnd);
                }
            }
        } else if (same && !isVoid()) {
            dropDepth++;
        } else if (tok.endTag && engine.inNoscript && tok.nameId == ElementNames.NOSCRIPT
            && dropId != ElementNames.NOSCRIPT) {
            tok.ps = tok.tagStart;
            engine.setMode(RewriteEngine.DEFER);
            engine.endTag();
        }
    }

    /**
     * Whether the current end tag, read in SVG/MathML content opened inside the removed HTML element, closes it: an
     * HTML element's end tag that closes no SVG/MathML element open there ({@link #openForeign} has read it) reaches
     * the HTML rules ({@link #dropEnds}), unless an integration point open inside (a scope boundary) stops it.
     */
    private boolean endsInForeignContent() {
        String name = tok.nameString();
        if (tok.foreignDepth() <= dropForeignDepth || !HtmlElementKinds.holdsElements(name) || name.equals("a")
            || tok.integrationPointAbove(dropForeignDepth)) {
            return false;
        }
        int own = dropEnds.followsOwnName() ? dropEnds.ownDepth() : 0;
        if (dropEnds.closes(name, true, false)) {
            return true;
        }
        if (own > 0 && dropEnds.followsOwnName()) {
            dropDepth += dropEnds.ownDepth() - own; // it may have closed nested elements of the removed one's name
        }
        return false;
    }

    /** {@link #dropTag} for an SVG or MathML element: {@link ForeignEnds} says where the browser closes it. */
    private void foreignDropTag() throws IOException {
        int r = dropForeignEnds.read(tok, tok.nameString());
        if (r == ForeignEnds.ENDS_AFTER) {
            dropDepth = 0;
            endDropAfterTag(keepDropEnd ? tok.tagStart : tok.tagEnd);
        } else if (r == ForeignEnds.ENDS_BEFORE) {
            // The browser closes the element before this tag (</svg> after an unclosed <image>, a breakout <div>,
            // an ancestor's end tag): the tag is read as any other, where the output puts it.
            dropDepth = 0;
            endDropBeforeTag(true);
        } else if (tok.endTag && engine.inNoscript && tok.nameId == ElementNames.NOSCRIPT) {
            dropForeignEnds = null;
            tok.ps = tok.tagStart;
            engine.setMode(RewriteEngine.DEFER);
            engine.endTag();
        }
    }

    /**
     * Ends the removal with the current tag, its last tag: output resumes at {@code resume} (the tag's start when its
     * end tag stays, else its end), and the SVG/MathML context saved when the removal began returns after the tag.
     */
    private void endDropAfterTag(int resume) {
        dropEnds = null;
        dropForeignEnds = null;
        tok.ps = resume;
        keepDropEnd = false;
        engine.setMode(engine.baseMode());
        tok.restoreForeignContextAfterThisTag();
    }

    /**
     * Ends the removal before the current tag, which is then read as any other, where the output puts it. With
     * {@code rereadForeign} the tag is first read again in the SVG/MathML context saved when the removal began (the
     * SVG/MathML content the removed element opened goes with it); otherwise that context returns after the tag.
     */
    private void endDropBeforeTag(boolean rereadForeign) throws IOException {
        dropEnds = null;
        dropForeignEnds = null;
        tok.ps = tok.tagStart;
        keepDropEnd = false;
        engine.setMode(engine.baseMode());
        if (rereadForeign) {
            tok.rereadInSavedForeignContext();
        } else {
            tok.restoreForeignContextAfterThisTag();
        }
        if (tok.endTag) {
            engine.endTag();
        } else {
            rules.startTag();
        }
    }

    private OpenForeignElements openForeign() {
        if (openForeign == null) {
            openForeign = new OpenForeignElements();
        }
        return openForeign;
    }

    /** Whether the current tag has no content or end tag. */
    private boolean isVoid() {
        return tok.foreign || tok.mathMLInTextPoint() ? tok.selfClosing
            : ElementNames.isVoid(tok.nameId) || tok.xml && tok.selfClosing;
    }
}
