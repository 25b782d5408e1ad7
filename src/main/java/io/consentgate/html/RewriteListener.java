package io.consentgate.html;

/**
 * Receives one {@link TrackerEvent} per tracker element the rewriter found. Called synchronously on the thread that
 * writes to the {@link RewriteStream}; implementations must be quick and must not throw (an exception propagates to
 * the writer).
 */
@FunctionalInterface
public interface RewriteListener {

    /** Called once per tracker element, in document order of the element's start. */
    void onTracker(TrackerEvent event);
}
