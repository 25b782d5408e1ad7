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

    /**
     * At commit, instead of {@link #write}, for a response that no other decision would change (a stylesheet, an
     * image): takes back what {@link #writeEarly} wrote, leaving what the application set, so that a shared cache
     * can keep one copy for every visitor. Returns whether nothing of this writer's is left on the response; the
     * default takes nothing back and returns false, and the response then gets every writer's header as any other.
     */
    default boolean withdraw(HttpServletResponse response, ConsentDecision decision) {
        return false;
    }
}
