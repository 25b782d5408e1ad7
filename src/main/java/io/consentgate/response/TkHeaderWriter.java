package io.consentgate.response;

import io.consentgate.ConsentDecision;
import jakarta.servlet.http.HttpServletResponse;

/** Sets {@code Tk} (W3C Tracking Preference Expression) to the {@link TrackingStatus} of the decision. */
public final class TkHeaderWriter implements HeaderWriter {

    private final boolean reportOnly;

    public TkHeaderWriter(boolean reportOnly) {
        this.reportOnly = reportOnly;
    }

    @Override
    public void write(HttpServletResponse response, ConsentDecision decision) {
        if (!response.containsHeader("Tk")) {
            response.setHeader("Tk", TrackingStatus.of(decision, reportOnly));
        }
    }
}
