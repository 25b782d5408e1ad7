package io.consentgate.response;

import io.consentgate.ConsentDecision;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sets {@code Tk} (W3C Tracking Preference Expression) to the {@link TrackingStatus} of the decision. A page whose
 * body passes unenforced although the policy enforces (the application compressed it) is told {@code D} by
 * {@link ConsentResponse} when it commits.
 */
public final class TkHeaderWriter implements HeaderWriter {

    private final boolean unenforced;

    /** {@code unenforced}: refused trackers are not removed from pages (report-only, or HTML rewriting off). */
    public TkHeaderWriter(boolean unenforced) {
        this.unenforced = unenforced;
    }

    @Override
    public void write(HttpServletResponse response, ConsentDecision decision) {
        if (!response.containsHeader("Tk")) {
            response.setHeader("Tk", TrackingStatus.of(decision, unenforced));
        }
    }

    /** Takes back the {@code Tk} written early; one the application set stays. */
    @Override
    public boolean withdraw(HttpServletResponse response, ConsentDecision decision) {
        ConsentResponse wrapper = ConsentResponse.find(response);
        if (wrapper == null) {
            return false;
        }
        return wrapper.applicationHeaders().dependence().tkFromApplication() || DecisionDependence.remove(response, "Tk");
    }
}
