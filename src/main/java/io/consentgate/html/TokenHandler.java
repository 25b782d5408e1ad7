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
     * An attribute of a start tag streamed after {@link Tokenizer#streamAttributes}: its name is
     * {@code [nameStart, nameEnd)} of {@link Tokenizer#buf}, and {@code [valueStart, prefixEnd)} the first bytes of its
     * value (at most {@link Tokenizer#STREAMED_VALUE_PREFIX}; {@code valueStart} -1 when it has none). Returns whether
     * it is sent; if not, it is skipped as it streams.
     */
    default boolean keepStreamedAttribute(int nameStart, int nameEnd, int valueStart, int prefixEnd) {
        return true;
    }

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
