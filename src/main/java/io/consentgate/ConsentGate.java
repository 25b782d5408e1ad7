package io.consentgate;

import jakarta.servlet.ServletRequest;

/**
 * Static entry points for application code: read the decision ConsentGate took for the current request.
 *
 * <pre>{@code
 * ConsentDecision d = ConsentGate.decision(request);
 * if (d.allows(Category.ANALYTICS)) { ... }
 * }</pre>
 *
 * <p>In a JSP or template the same value is the request attribute {@value #DECISION_ATTRIBUTE}.
 */
public final class ConsentGate {

    /** Request attribute holding the {@link ConsentDecision} for the request. */
    public static final String DECISION_ATTRIBUTE = "io.consentgate.decision";

    private ConsentGate() {
    }

    /**
     * The decision for {@code request}. When ConsentGate did not run for this request (filter not mapped to this
     * path or dispatch type), the answer is {@link ConsentDecision#refuseAll()}: application code that asks must never
     * be told "allowed" by accident.
     */
    public static ConsentDecision decision(ServletRequest request) {
        Object d = request.getAttribute(DECISION_ATTRIBUTE);
        return d instanceof ConsentDecision cd ? cd : ConsentDecision.refuseAll();
    }
}
