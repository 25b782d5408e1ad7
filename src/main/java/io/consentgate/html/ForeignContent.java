package io.consentgate.html;

/**
 * The part of HTML tree construction that decides how the tokenizer reads what follows a tag: the stack of SVG and
 * MathML elements that make their content foreign (where {@code <![CDATA[} opens a CDATA section, a
 * {@code <style>} is not raw text and a {@code <script>} is read as markup), with the integration points inside
 * them that are HTML again. HTML elements are not tracked.
 *
 * <p>When the rewriter cuts an element out, a browser reading the output never sees the tags that opened or closed
 * these contexts; {@link #save} and {@link #restoreAfterTag} return the stack to what it was, so that the rest of
 * the input is read as the browser reads the output.
 */
final class ForeignContent {

    /**
     * Deepest context tracked exactly (browsers nest far deeper); deeper ones are only counted, and read as SVG/MathML
     * content until they are closed.
     */
    private static final int MAX = 4096;

    /**
     * One open context and the ones around it: the stack is a chain of these, never changed once made, so that a
     * snapshot of it ({@link #snapshot}, {@link #save}) is the innermost one, whatever the depth. Copying the stack
     * for each script or removed element inside thousands of nested {@code <svg>} took work growing with the depth
     * times the count.
     */
    static final class Context {
        final int id;
        final Context parent;
        final int depth;
        /**
         * The context last opened inside this one, reused when the same element opens here again (a page of inline
         * SVG icons opens one {@code <svg>} after another at the same place). A cache only: a context's element,
         * parent and depth never change, and a stream is read by one thread at a time.
         */
        private Context lastChild;

        private Context(int id, Context parent) {
            this.id = id;
            this.parent = parent;
            this.depth = parent == null ? 1 : parent.depth + 1;
        }

        /** How many contexts {@code c} holds (0 for null, none open). */
        static int depthOf(Context c) {
            return c == null ? 0 : c.depth;
        }
    }

    /** The innermost open context, null when none is open. */
    private Context top;
    /** The outermost context last opened, reused as {@link Context#lastChild} is. */
    private Context lastRoot;
    /** Contexts opened beyond {@link #MAX}. */
    private int overflow;
    private Context topBeforeTag;
    private int overflowBeforeTag;
    private Context saved;
    private int savedOverflow;
    /** Whether {@link #saved} holds a context: none is restored before the first {@link #save}. */
    private boolean hasSaved;
    private boolean restore;

    /** Whether no SVG/MathML element is open: the common case, HTML content. */
    boolean isEmpty() {
        return top == null;
    }

    /** Whether the current context is SVG or MathML content (not an HTML integration point inside it). */
    boolean inForeign() {
        if (top == null) {
            return false;
        }
        if (overflow > 0) {
            return true;
        }
        return isForeign(top.id);
    }

    private static boolean isForeign(int id) {
        return id == ElementNames.SVG || id == ElementNames.MATH || id == ElementNames.MGLYPH
            || id == ElementNames.MALIGNMARK;
    }

    /**
     * Whether the current context is SVG content (where a {@code <script>} runs), not MathML (where it is an
     * element that runs nothing). Contexts deeper than the tracked depth count as SVG.
     */
    boolean inSvg() {
        return top != null && (overflow > 0 || top.id == ElementNames.SVG);
    }

    /** The innermost open element's id, or {@link ElementNames#OTHER} when there is none. */
    int top() {
        return top == null ? ElementNames.OTHER : top.id;
    }

    /** Remembers the context before the current tag changes it (see {@link #saveBeforeTag}). */
    void beginTag() {
        topBeforeTag = top;
        overflowBeforeTag = overflow;
    }

    /** A tag that closes foreign content (a breakout) was read: every context up to the enclosing HTML one ends. */
    void breakOut() {
        overflow = 0;
        while (top != null && isForeign(top.id)) {
            top = top.parent;
        }
    }

    void push(int id) {
        if (Context.depthOf(top) >= MAX) {
            overflow++;
            return;
        }
        Context parent = top;
        Context c = parent == null ? lastRoot : parent.lastChild;
        if (c == null || c.id != id) {
            c = new Context(id, parent);
            if (parent == null) {
                lastRoot = c;
            } else {
                parent.lastChild = c;
            }
        }
        top = c;
    }

    /** An end tag: closes the innermost open element of its name, if it is one this stack tracks. */
    void pop(int id) {
        if (top == null || id != ElementNames.SVG && id != ElementNames.MATH && !(id >= ElementNames.FOREIGNOBJECT
            && id <= ElementNames.ANNOTATION_XML) && id != ElementNames.TITLE && id != ElementNames.MGLYPH
            && id != ElementNames.MALIGNMARK) {
            return;
        }
        if (overflow > 0) {
            overflow--; // beyond the tracked depth: an end tag closes the innermost context
            return;
        }
        for (Context c = top; c != null; c = c.parent) {
            if (c.id == id) {
                top = c.parent;
                return;
            }
        }
    }

    /**
     * The current end tag, which {@link #breakOut} took for one that leaves SVG/MathML content, closes an SVG/MathML
     * element of its name instead: the contexts are those from before the tag again.
     */
    void undoBreakOut() {
        top = topBeforeTag;
        overflow = overflowBeforeTag;
    }

    /** The open SVG/MathML contexts, for {@link #reset}; null when there are none (the common case). */
    Context snapshot() {
        return top;
    }

    /** Returns to the contexts of a {@link #snapshot}, once the current tag is handled. */
    void reset(Context snapshot) {
        top = snapshot;
        overflow = 0;
        restore = false;
    }

    /** Whether an integration point ({@code <foreignObject>}, {@code <mi>}…) is open deeper than {@code depth}. */
    boolean integrationPointAbove(int depth) {
        if (overflow > 0) {
            return true; // not tracked: taken for one, whose end tags reach nothing past it
        }
        for (Context c = top; c != null && c.depth > depth; c = c.parent) {
            if (!isForeign(c.id)) {
                return true;
            }
        }
        return false;
    }

    /** How many SVG/MathML contexts are open, for {@link #closeTo}. */
    int depth() {
        return Context.depthOf(top);
    }

    /** How many SVG/MathML contexts were open before the current tag (before its breakout). */
    int depthBeforeTag() {
        return Context.depthOf(topBeforeTag);
    }

    /**
     * An HTML element that was open at {@code openDepth} ends (its end tag closes the SVG/MathML elements opened
     * inside it, as a tree builder does): the contexts opened since then end with it.
     */
    void closeTo(int openDepth) {
        if (depth() + overflow > openDepth) {
            while (top != null && top.depth > openDepth) {
                top = top.parent;
            }
            overflow = 0;
        }
        restore = false;
    }

    /** Remembers the context from before the current start tag (a breakout by this tag is undone with it). */
    void saveBeforeTag() {
        save(topBeforeTag, overflowBeforeTag);
    }

    /** Remembers the context as it is now, after the current tag's breakout. */
    void saveCurrent() {
        save(top, overflow);
    }

    private void save(Context c, int o) {
        saved = c;
        savedOverflow = o;
        hasSaved = true;
        restore = false;
    }

    /**
     * The context returns to the one saved last before the current tag is read again ({@link
     * Tokenizer#rereadInSavedForeignContext}).
     */
    void restoreBeforeTag() {
        if (hasSaved) {
            top = saved;
            overflow = savedOverflow;
        }
        topBeforeTag = top;
        overflowBeforeTag = overflow;
        restore = false;
    }

    /** Once the current tag is handled, the context returns to the one saved last. */
    void restoreAfterTag() {
        restore = hasSaved;
    }

    /** Called when the current tag has been handled: applies {@link #restoreAfterTag}. */
    void endTag() {
        if (restore) {
            restore = false;
            top = saved;
            overflow = savedOverflow;
        }
    }
}
