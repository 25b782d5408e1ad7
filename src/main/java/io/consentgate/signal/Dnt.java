package io.consentgate.signal;

/**
 * The Do Not Track signal of a request, as defined by the W3C Tracking Preference Expression
 * (<a href="https://www.w3.org/TR/tracking-dnt/#dnt-header-field">TPE §5.2</a>):
 * {@code DNT-field-value = ( "0" / "1" ) *DNT-extension}.
 */
public enum Dnt {
    /** {@code DNT: 1}: the visitor does not want to be tracked. */
    TRACKING_OFF,
    /** {@code DNT: 0}: the visitor granted a tracking exception (user agents send this only on an explicit choice). */
    TRACKING_ALLOWED,
    /** No {@code DNT} header, or a value that is neither of the above. */
    NONE
}
