/**
 * Streaming removal of refused trackers from HTML: {@link io.consentgate.html.HtmlRewriter} (configuration, built
 * once), {@link io.consentgate.html.RewriteStream} (one response), {@link io.consentgate.html.TrackerEvent} (what was
 * found and done) and {@link io.consentgate.html.EncodingSniffer} (which encoding a response is in).
 *
 * <p>The rewriter tokenizes bytes, never re-serializes: every byte it does not remove or rewrite reaches the sink
 * unchanged, and when the decision refuses nothing the output is the input, byte for byte. Memory is bounded by
 * {@link io.consentgate.html.HtmlRewriter.Builder#maxHeldBytes(int)} per stream whatever the document size.
 */
package io.consentgate.html;
