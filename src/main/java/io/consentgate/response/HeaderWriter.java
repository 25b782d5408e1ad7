package io.consentgate.response;

import io.consentgate.ConsentDecision;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds one decision-dependent header to a response. Implementations never override a header the application has
 * already set, and never throw.
 */
@FunctionalInterface
public interface HeaderWriter {

    void write(HttpServletResponse response, ConsentDecision decision);

    /**
     * Writes the header when the request enters, before the application runs, so application code can read (and
     * override) it; {@link #write} runs again when the response commits. A writer whose header would stop the
     * application from writing its own (one that only writes a header nobody set yet) waits for the commit instead.
     */
    default void writeEarly(HttpServletResponse response, ConsentDecision decision) {
        write(response, decision);
    }
}
