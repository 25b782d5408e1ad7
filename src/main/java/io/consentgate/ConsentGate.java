package io.consentgate;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Static entry points for application code: read the decision ConsentGate took for the current request.
 *
 * <pre>{@code
 * ConsentDecision d = ConsentGate.decision(request);
 * if (d.allows(Category.ANALYTICS)) { ... }
 * }</pre>
 *
 * <p>In a JSP or template the same value is the request attribute {@value #DECISION_ATTRIBUTE}; a consent form posts to
 * {@link #consentPath(HttpServletRequest)}, the configured {@code consent-path} (request attribute
 * {@value #CONSENT_PATH_ATTRIBUTE}, without the context path).
 */
public final class ConsentGate {

    /** Request attribute holding the {@link ConsentDecision} for the request. */
    public static final String DECISION_ATTRIBUTE = "io.consentgate.decision";

    /**
     * Request attribute holding the consent endpoint's path below the context path ({@code consent-path}, e.g.
     * {@code /consent}), absent when the endpoint is off. {@link #consentPath} gives the URL path to post to.
     */
    public static final String CONSENT_PATH_ATTRIBUTE = "io.consentgate.consentPath";

    private ConsentGate() {
    }

    /**
     * The URL path of the consent endpoint for {@code request} (context path included, e.g. {@code /shop/consent}),
     * for a consent form's {@code action}; null when the endpoint is off or ConsentGate did not run for the request.
     */
    public static String consentPath(HttpServletRequest request) {
        return request.getAttribute(CONSENT_PATH_ATTRIBUTE) instanceof String p ? request.getContextPath() + p : null;
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
