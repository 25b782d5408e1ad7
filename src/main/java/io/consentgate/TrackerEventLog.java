package io.consentgate;

import io.consentgate.html.TrackerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter's log line for each tracker element the HTML rewriter acts on: in report-only mode what enforcing would
 * do (at INFO), otherwise what was done (at DEBUG). {@link ConsentGateFilter} chooses once, when it is configured,
 * which of the two it hands to the rewriter, if either. The lines go to the filter's logger, whose name operators
 * configure.
 */
final class TrackerEventLog {

    /** The filter's logger: these lines keep the logger name they always had. */
    private static final Logger LOG = LoggerFactory.getLogger(ConsentGateFilter.class);

    private TrackerEventLog() {
    }

    static void log(TrackerEvent e) {
        LOG.debug("{} <{}> at {}:{} ({}, {})", e.action(), e.element(), e.line(), e.column(), e.trackerName(),
                e.categories());
    }

    /** Report-only: what enforcing would do to each element, in the words of the CLI's {@code scan}. */
    static void logReportOnly(TrackerEvent e) {
        String what = switch (e.action()) {
            case REMOVED -> "remove";
            case NEUTRALIZED -> "neutralize";
            case PING_REMOVED -> "remove the ping of";
            default -> null;
        };
        if (what == null) {
            log(e);
        } else if (e.trackerName() == null) {
            LOG.info("report-only: would {} <{}> at {}:{} (over html-max-held-bytes)", what, e.element(), e.line(),
                    e.column());
        } else {
            LOG.info("report-only: would {} <{}> at {}:{} ({}, {})", what, e.element(), e.line(), e.column(),
                    e.trackerName(), e.categories());
        }
    }
}
