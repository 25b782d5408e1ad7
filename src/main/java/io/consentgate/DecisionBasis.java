package io.consentgate;

/**
 * Which signal or rule settled a category in a {@link ConsentDecision}. It is reported by the consent endpoint
 * ({@code "basis"}), in report-only logs and in the {@code Tk} header choice, so visitors and operators can see
 * <em>why</em> something was refused.
 */
public enum DecisionBasis {
    /** The category is {@link Category#NECESSARY}: always allowed. */
    ALWAYS("always"),
    /** The visitor's stored consent (ConsentGate's cookie or a translated consent-manager cookie). */
    CONSENT("consent"),
    /** A Global Privacy Control signal ({@code Sec-GPC: 1}). */
    GPC("gpc"),
    /** A Do Not Track signal ({@code DNT: 1}). */
    DNT("dnt"),
    /** No signal and no consent: the policy's default mode (opt-in refuses, opt-out allows). */
    DEFAULT("default"),
    /**
     * A stored consent could not be read unambiguously (a consent cookie sent twice, ConsentGate's own sent but
     * unreadable, or a {@code Cookie} header past the read caps): a withdrawal may be among what was not read, so
     * opt-out's default does not allow.
     */
    UNCLEAR("unclear"),
    /** The policy forces this category regardless of signals (e.g. a category disabled site-wide). */
    POLICY("policy");

    private final String id;

    DecisionBasis(String id) {
        this.id = id;
    }

    /** The lower-case name used in JSON and logs. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
