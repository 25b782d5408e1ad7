package io.consentgate.response;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Whether the body of a {@link ConsentResponse} is rewritten, asked when the response commits, from its final
 * status, content type and {@code Content-Encoding}: HTML ({@code text/html}, {@code application/xhtml+xml}) with a
 * status that carries a body, not compressed inside ConsentGate, under a decision that refuses something, with HTML
 * rewriting on. A {@code HEAD} is answered as its {@code GET} would be. Stateless.
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
        if (!isHtml(response.getContentType())) {
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
                && statusHasBody(response) && isHtml(response.getContentType())
                && !response.applicationHeaders().encodedInside();
    }

    /** Whether the status may carry a body (not 1xx, 204 or 304). */
    static boolean statusHasBody(ConsentResponse response) {
        int status = response.getStatus();
        return !((status >= 100 && status < 200) || status == 204 || status == 304);
    }

    /** Whether a content type is one the rewriter reads: {@code text/html} or {@code application/xhtml+xml}. */
    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("text/html") || t.startsWith("application/xhtml+xml");
    }
}
