package io.consentgate.html;

/**
 * What {@link HtmlRewriter} does with an element that loads a tracker the visitor refused.
 */
public enum RewriteMode {
    /**
     * Remove the element: a void element's tag, a non-void element through its end tag. Whitespace around it is
     * kept. The default.
     */
    REMOVE,
    /**
     * Keep the element but make it inert, so a client-side consent manager can activate it later: URL attributes
     * are renamed with a {@code data-} prefix ({@code src} to {@code data-src}, {@code srcset} to
     * {@code data-srcset}, {@code href} to {@code data-href}), scripts get {@code type="text/plain"} (an original
     * {@code type} is kept as {@code data-consent-type}), and the category is added as
     * {@code data-consent="marketing"} (the builder's category attribute). A CSP {@code nonce} and every other
     * attribute are kept byte for byte. Elements inside {@code <noscript>}, {@code ping} attributes and operator-tagged
     * elements that are neither scripts, images, frames, sources nor links are removed in this mode too.
     */
    NEUTRALIZE
}
