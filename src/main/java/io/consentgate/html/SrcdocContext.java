package io.consentgate.html;

/**
 * Where a stream reads an {@code iframe srcdoc} document: how deep it is nested (0: the page) and the base URL it
 * inherits from its parent document (a srcdoc document resolves relative URLs against its parent's base URL).
 *
 * @param depth         0 for the page, 1 for a srcdoc in it, ...
 * @param base          the parent's base URL, or {@code null}
 * @param baseCandidate whether a relative URL against that base could reach a tracker
 */
record SrcdocContext(int depth, String base, boolean baseCandidate) {

    /** The page itself. */
    static final SrcdocContext PAGE = new SrcdocContext(0, null, false);
}
