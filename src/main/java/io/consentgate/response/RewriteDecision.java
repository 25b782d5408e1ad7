package io.consentgate.response;

import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.PartialResponseFormat;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Whether the body of a {@link ConsentResponse} is rewritten, asked when the response commits, from its final
 * status, content type and {@code Content-Encoding}: HTML ({@code text/html}, {@code application/xhtml+xml}, or no
 * type and a body a browser sniffs as HTML, or the XML answer to a Faces or Wicket ajax request) with a status that
 * carries a body, not compressed inside ConsentGate, under a decision that refuses something, with HTML rewriting on.
 * A {@code HEAD} is answered as its {@code GET} would be. Stateless.
 */
final class RewriteDecision {

    /** Logged under the wrapper's name, where operators route it. */
    private static final Logger LOG = LoggerFactory.getLogger(ConsentResponse.class);
    private static volatile boolean warnedCompressed;
    /** The tags that make a body of unknown type HTML when it starts with one (WHATWG MIME Sniffing, 7.1). */
    private static final byte[][] HTML_STARTS = {
        ascii("<!doctype html"), ascii("<html"), ascii("<head"), ascii("<script"), ascii("<iframe"), ascii("<h1"),
        ascii("<div"), ascii("<font"), ascii("<table"), ascii("<a"), ascii("<style"), ascii("<title"), ascii("<b"),
        ascii("<body"), ascii("<br"), ascii("<p"),
    };

    private RewriteDecision() {
    }

    /** Whether the body is to be rewritten; asked once, when the response commits. */
    static boolean shouldRewrite(ConsentResponse response) {
        Enforcement enforcement = response.enforcement();
        if (enforcement.rewriter() == null || response.decision().allowsEverything()) {
            return false;
        }
        HttpServletRequest request = response.request();
        if (!statusHasBody(response)) {
            LOG.debug("not rewriting {}: status {}", request.getRequestURI(), response.getStatus());
            return false;
        }
        if (!isHtml(response)) {
            return false;
        }
        if (response.applicationHeaders().encodedInside()) {
            if (!warnedCompressed) {
                warnedCompressed = true;
                LOG.warn("ConsentGate cannot rewrite {}: the application sent it {}-compressed. Compress outside "
                        + "ConsentGate (the connector, Jetty's GzipHandler, or a filter mapped before it) so it sees "
                        + "plain HTML; such responses pass through unchanged", request.getRequestURI(),
                        response.getHeader("Content-Encoding"));
            }
            return false;
        }
        return true;
    }

    /** Whether this is a {@code HEAD} for a page whose {@code GET} would be rewritten. */
    static boolean headOfRewrittenGet(ConsentResponse response) {
        Enforcement enforcement = response.enforcement();
        return "HEAD".equals(response.request().getMethod()) && !enforcement.reportOnly()
                && enforcement.rewriter() != null && !response.decision().allowsEverything()
                && statusHasBody(response) && isHtml(response)
                && !response.applicationHeaders().encodedInside();
    }

    /** Whether the status may carry a body (not 1xx, 204 or 304). */
    static boolean statusHasBody(ConsentResponse response) {
        int status = response.getStatus();
        return !((status >= 100 && status < 200) || status == 204 || status == 304);
    }

    /**
     * Whether the body is HTML to the browser: its content type says so, or it has none (or one that tells nothing:
     * {@code unknown/unknown}, {@code application/unknown}, <code>*&#47;*</code>) and its first bytes are sniffed as
     * HTML ({@link #sniffsAsHtml}), as a browser sniffs such a body and renders it as a page.
     */
    static boolean isHtml(ConsentResponse response) {
        String type = response.getContentType();
        return leftToSniffing(type) ? response.sniffedHtml() : isHtml(type) || partialResponseFormat(response) != null;
    }

    /**
     * The partial response format when the response answers an ajax framework's request with XML, else null: a
     * Jakarta Faces partial response to {@code Faces-Request: partial/ajax} (sent by {@code jsf.js}/{@code faces.js}
     * and PrimeFaces), an Apache Wicket ajax response to {@code Wicket-Ajax: true}. Their CDATA sections carry HTML
     * the page inserts ({@link io.consentgate.html.HtmlRewriter#openPartialResponse}).
     */
    static PartialResponseFormat partialResponseFormat(ConsentResponse response) {
        String type = response.getContentType();
        if (type == null) {
            return null;
        }
        String t = HtmlRewriter.mediaType(type);
        if (!t.equals("text/xml") && !t.equals("application/xml")) {
            return null;
        }
        HttpServletRequest request = response.request();
        if ("partial/ajax".equalsIgnoreCase(request.getHeader("Faces-Request"))) {
            return PartialResponseFormat.FACES;
        }
        return "true".equalsIgnoreCase(request.getHeader("Wicket-Ajax")) ? PartialResponseFormat.WICKET : null;
    }

    /** Whether a body of this content type is XHTML, which browsers read with an XML parser. */
    static boolean isXhtml(String contentType) {
        return HtmlRewriter.mediaType(contentType).equals("application/xhtml+xml");
    }

    /** Whether a browser decides the type of a body with this content type by sniffing its bytes. */
    static boolean leftToSniffing(String contentType) {
        if (contentType == null) {
            return true;
        }
        String essence = HtmlRewriter.mediaType(contentType);
        // A type without a '/' is no MIME type: Chromium sniffs such a body too.
        return essence.indexOf('/') < 0 || essence.equals("unknown/unknown") || essence.equals("application/unknown")
                || essence.equals("*/*");
    }

    /**
     * Whether a body of unknown type starts as HTML to a browser: after white space (and a UTF-8 byte order mark),
     * one of {@link #HTML_STARTS} or a comment ({@code <!--}), in any case. The WHATWG rules want a space or
     * {@code >} after the name; Chromium does not ({@code <pre>} passes as {@code <p}, {@code <html\n} as
     * {@code <html}), and what Chromium renders as a page is what must be rewritten. Reads at most the bytes given;
     * where they end before they tell (white space only, or a start cut short), the body counts as HTML, so a page
     * flushed early is not let through for want of bytes. No bytes at all is no HTML.
     */
    static boolean sniffsAsHtml(byte[] b, int off, int len) {
        int p = off;
        int end = off + len;
        if (len >= 3 && (b[p] & 0xff) == 0xEF && (b[p + 1] & 0xff) == 0xBB && (b[p + 2] & 0xff) == 0xBF) {
            p += 3;
        }
        while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r' || b[p] == '\f')) {
            p++;
        }
        if (p >= end) {
            return len > 0;
        }
        if (b[p] != '<') {
            return false;
        }
        if (startsWith(b, p, end, ascii("<!--"))) {
            return true;
        }
        for (byte[] tag : HTML_STARTS) {
            if (startsWith(b, p, end, tag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code b[p..end)} starts with the lower-case ASCII {@code s}, in any case; true if cut short. */
    private static boolean startsWith(byte[] b, int p, int end, byte[] s) {
        for (int i = 0; i < s.length; i++) {
            if (p + i >= end) {
                return true; // what there is matches: the end of what was written came first
            }
            byte c = b[p + i];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != s[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Whether a content type is one the rewriter reads ({@link HtmlRewriter#isHtmlContentType}). */
    static boolean isHtml(String contentType) {
        return HtmlRewriter.isHtmlContentType(contentType);
    }
}
