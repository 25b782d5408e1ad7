package io.consentgate.response;

import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.HtmlSniffer;
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
     * HTML ({@link HtmlSniffer#sniffsAsHtml}), as a browser sniffs such a body and renders it as a page.
     */
    static boolean isHtml(ConsentResponse response) {
        String type = response.getContentType();
        return HtmlSniffer.leftToSniffing(type) ? response.sniffedHtml()
                : isHtml(type) || partialResponseFormat(response) != null;
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
        String t = HtmlSniffer.mediaType(type);
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
        return HtmlSniffer.mediaType(contentType).equals("application/xhtml+xml");
    }

    /** Whether a content type is one the rewriter reads ({@link HtmlRewriter#isHtmlContentType}). */
    static boolean isHtml(String contentType) {
        return HtmlRewriter.isHtmlContentType(contentType);
    }
}
