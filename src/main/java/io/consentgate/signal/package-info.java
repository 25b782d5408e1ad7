/**
 * Request signals: everything ConsentGate reads from a request before it decides, and nothing else.
 *
 * <p>{@link io.consentgate.signal.SignalReader} turns request headers into an immutable
 * {@link io.consentgate.signal.Signals} value: Global Privacy Control ({@code Sec-GPC}), Do Not Track ({@code DNT}),
 * the stored consent from ConsentGate's own cookie ({@link io.consentgate.signal.ConsentCookie}) or, when the
 * operator opts in, from another consent manager's cookie, and an optional region from a trusted header.
 *
 * <p>Everything here reads headers only (never the body, never {@code getCookies()}), never throws on visitor
 * input, and fails closed: anything malformed, ambiguous or oversized is "no consent", with a reason in
 * {@link io.consentgate.signal.Signals#problems()}.
 */
package io.consentgate.signal;
