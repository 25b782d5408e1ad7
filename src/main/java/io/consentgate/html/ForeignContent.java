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
     * Deepest context tracked exactly (browsers nest far deeper than the 64 entries the stack starts with); deeper
     * ones are only counted, and read as SVG/MathML content until they are closed.
     */
    private static final int MAX = 4096;

    private int[] stack = new int[64];
    private int depth;
    /** Contexts opened beyond {@link #MAX}. */
    private int overflow;
    private int depthBeforeTag;
    private int overflowBeforeTag;
    private int[] saved;
    private int savedDepth;
    private int savedOverflow;
    private boolean restore;

    /** Whether no SVG/MathML element is open: the common case, HTML content. */
    boolean isEmpty() {
        return depth == 0;
    }

    /** Whether the current context is SVG or MathML content (not an HTML integration point inside it). */
    boolean inForeign() {
        if (depth == 0) {
            return false;
        }
        if (overflow > 0) {
            return true;
        }
        int top = stack[depth - 1];
        return top == ElementNames.SVG || top == ElementNames.MATH || top == ElementNames.MGLYPH
            || top == ElementNames.MALIGNMARK;
    }

    /**
     * Whether the current context is SVG content (where a {@code <script>} runs), not MathML (where it is an
     * element that runs nothing). Contexts deeper than the tracked depth count as SVG.
     */
    boolean inSvg() {
        return depth > 0 && (overflow > 0 || stack[depth - 1] == ElementNames.SVG);
    }

    /** The innermost open element's id, or {@link ElementNames#OTHER} when there is none. */
    int top() {
        return depth == 0 ? ElementNames.OTHER : stack[depth - 1];
    }

    /** Remembers the context before the current tag changes it (see {@link #saveBeforeTag}). */
    void beginTag() {
        depthBeforeTag = depth;
        overflowBeforeTag = overflow;
    }

    /** A tag that closes foreign content (a breakout) was read: every context up to the enclosing HTML one ends. */
    void breakOut() {
        overflow = 0;
        while (depth > 0 && inForeign()) {
            depth--;
        }
    }

    void push(int id) {
        if (depth == stack.length && depth < MAX) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
        }
        if (depth < MAX) {
            stack[depth++] = id;
        } else {
            overflow++;
        }
    }

    /** An end tag: closes the innermost open element of its name, if it is one this stack tracks. */
    void pop(int id) {
        if (depth == 0 || id != ElementNames.SVG && id != ElementNames.MATH && !(id >= ElementNames.FOREIGNOBJECT
            && id <= ElementNames.ANNOTATION_XML) && id != ElementNames.TITLE && id != ElementNames.MGLYPH
            && id != ElementNames.MALIGNMARK) {
            return;
        }
        if (overflow > 0) {
            overflow--; // beyond the tracked depth: an end tag closes the innermost context
            return;
        }
        for (int i = depth - 1; i >= 0; i--) {
            if (stack[i] == id) {
                depth = i;
                return;
            }
        }
    }

    /** The open SVG/MathML contexts, for {@link #reset}; null when there are none (the common case). */
    int[] snapshot() {
        return depth == 0 ? null : java.util.Arrays.copyOf(stack, depth);
    }

    /** Returns to the contexts of a {@link #snapshot}, once the current tag is handled. */
    void reset(int[] snapshot) {
        int d = snapshot == null ? 0 : snapshot.length;
        if (d > 0) {
            System.arraycopy(snapshot, 0, stack, 0, d);
        }
        depth = d;
        overflow = 0;
        restore = false;
    }

    /** How many SVG/MathML contexts are open, for {@link #closeTo}. */
    int depth() {
        return depth;
    }

    /**
     * An HTML element that was open at {@code openDepth} ends (its end tag closes the SVG/MathML elements opened
     * inside it, as a tree builder does): the contexts opened since then end with it.
     */
    void closeTo(int openDepth) {
        if (depth + overflow > openDepth) {
            depth = Math.min(depth, openDepth);
            overflow = 0;
        }
        restore = false;
    }

    /** Remembers the context from before the current start tag (a breakout by this tag is undone with it). */
    void saveBeforeTag() {
        save(depthBeforeTag, overflowBeforeTag);
    }

    /** Remembers the context as it is now, after the current tag's breakout. */
    void saveCurrent() {
        save(depth, overflow);
    }

    private void save(int d, int o) {
        if (saved == null || saved.length < d) {
            saved = new int[stack.length];
        }
        System.arraycopy(stack, 0, saved, 0, d);
        savedDepth = d;
        savedOverflow = o;
        restore = false;
    }

    /** Once the current tag is handled, the context returns to the one saved last. */
    void restoreAfterTag() {
        restore = saved != null;
    }

    /** Called when the current tag has been handled: applies {@link #restoreAfterTag}. */
    void endTag() {
        if (restore) {
            restore = false;
            System.arraycopy(saved, 0, stack, 0, savedDepth);
            depth = savedDepth;
            overflow = savedOverflow;
        }
    }
}
