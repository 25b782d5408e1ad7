package io.consentgate.response;

import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.RewriteListener;

/**
 * What the response wrapper enforces, built once per filter.
 *
 * @param rewriter   the HTML rewriter, or null when HTML rewriting is off
 * @param cookieGate the cookie gate
 * @param urlHeaders the gate for {@code Link} resource hints and {@code Refresh}; null to pass them unread
 * @param headers    headers (re)asserted when the response commits
 * @param reportOnly log what would change, change nothing
 * @param listener   receives every tracker the rewriter finds (logging); may be null
 */
public record Enforcement(HtmlRewriter rewriter, CookieGate cookieGate, UrlHeaderGate urlHeaders,
                          HeaderWriter headers, boolean reportOnly,
                          RewriteListener listener) {
}
