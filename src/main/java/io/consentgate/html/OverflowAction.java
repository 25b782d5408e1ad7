package io.consentgate.html;

/**
 * What {@link HtmlRewriter} does when it cannot decide an element within its memory cap
 * ({@link HtmlRewriter.Builder#maxHeldBytes(int)}): an inline script, a {@code <noscript>} block or a single tag
 * larger than the cap, or a document in an encoding the byte tokenizer cannot read safely (UTF-7, ISO-2022-*, HZ).
 * Both actions log one warning per stream.
 */
public enum OverflowAction {
    /**
     * Privacy first (the default): treat the element as a refused tracker and remove it (or neutralize it in
     * {@link RewriteMode#NEUTRALIZE} mode). An inline HTML script is the exception, as a page's own state script
     * ({@code window.__INITIAL_STATE__ = {…}}) is often that long: it is sent as it streams and read on the way, and
     * if it names a refused tracker, text that makes it a syntax error goes out before its end tag, so none of it
     * runs (a browser compiles an inline script whole, once its end tag is read). A start tag of an element that loads
     * nothing but through its attributes (a {@code <div>}, an {@code <input>}, an {@code <img>}…) is kept too, with
     * only the attributes that load, run or gate nothing (see {@code StreamedTag}): a page's own long attribute (a
     * Faces view state saved on the client, page props, an inline image) stays. For an unreadable encoding the document is transcoded through the JDK's
     * charset (bytes may change where nothing was removed), or, when the JDK cannot transcode it, the body is
     * suppressed.
     */
    FAIL_CLOSED,
    /** Availability first: pass the element (or the whole document of an unreadable encoding) through unchanged. */
    FAIL_OPEN
}
