package io.consentgate.html;

import java.nio.charset.Charset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's encoding declared in a {@code <meta>} ({@code charset}, or {@code http-equiv} with a
 * {@code content} that names one), read as the browser's prescan reads it while the page's encoding is still for the
 * page to declare ({@link RewriteEngine#charsetFromPage}): once it is declared, stand-ins may be written, and an
 * encoding that makes the browser read the whole page again is warned about. {@link ElementRules} calls it only for a
 * {@code <meta>} that may declare one. Owned by one {@link ElementRules}; answers about the tag the tokenizer holds.
 */
final class MetaCharset {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlRewriter.class);

    private final RewriteEngine engine;
    private final Tokenizer t;

    MetaCharset(RewriteEngine engine) {
        this.engine = engine;
        this.t = engine.tok;
    }

    /** Reads the current {@code <meta>} tag for the encoding it declares, as the browser's prescan does. */
    void prescan() {
        Charset declared = EncodingSniffer.prescan(t.buf, t.tagStart, t.tagEnd - t.tagStart);
        if (declared != null) {
            // the page declared it, as the browser's prescan reads this meta (one without a charset, or with a label
            // no browser knows, does not end the prescan): later stand-ins cannot push it out
            engine.charsetFromPage = false;
            warnIfRereadIn(declared);
        }
    }

    /**
     * A page read as bytes that declares ISO-2022-JP (or UTF-7) past the bytes the encoding was decided on: a browser
     * reads the whole page again in that encoding, where bytes that are text here may be tags and tags text, so what
     * follows is not read as the browser reads it. Said once per page, with what to do.
     */
    private void warnIfRereadIn(Charset declared) {
        if (!EncodingSniffer.isAsciiCompatible(declared) && declared != EncodingLabels.REPLACEMENT) {
            LOG.warn("ConsentGate: the page declares {} in a <meta> past the bytes its encoding was decided on; "
                + "browsers read it again in that encoding, which the rewriter cannot follow: declare the charset in "
                + "the Content-Type header or within the page's first {} bytes, so that its trackers are found",
                declared.name(), EncodingSniffer.PRESCAN_BYTES);
        }
    }
}
