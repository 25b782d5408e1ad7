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
}
