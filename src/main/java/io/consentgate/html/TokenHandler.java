package io.consentgate.html;

import java.io.IOException;

/**
 * Receives the tokenizer's decisions. Between calls the handler owns {@link Tokenizer#ps}: the start of the bytes
 * of the current buffer it has not yet written or dropped.
 */
interface TokenHandler {

    /** A complete start or end tag; its fields are readable on the tokenizer until the next call. */
    void onTag() throws IOException;

    /** The tag being read from {@link Tokenizer#tagStart} outgrew the cap; it is no longer held. */
    void onTagOverflow() throws IOException;

    /** The tag announced by {@link #onTagOverflow()} ended at {@link Tokenizer#tagEnd}. */
    void onOverflowedTagEnd() throws IOException;

    /**
     * A CDATA section in SVG or MathML content, {@code [start, end)} of the current buffer from its {@code <![CDATA[}
     * through its {@code ]]>} (or the end of the input), held whole when it fits the cap. The parser reads it as
     * text; Chromium's preload scanner reads {@code <![CDATA[} as a bogus comment that ends at the first {@code >},
     * and what follows as markup that it fetches from.
     */
    default void onCdata(int start, int end) throws IOException {
        // passed on as text (the next flushTo writes it)
    }

    /** Everything of the current buffer before {@code to} is decided: write or drop {@code [ps, to)}. */
    void flushTo(int to) throws IOException;

    /** End of input: write or drop {@code [ps, limit)} and every held element. */
    void onEof(int limit) throws IOException;
}
