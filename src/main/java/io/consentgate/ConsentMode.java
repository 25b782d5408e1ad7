package io.consentgate;

/**
 * What happens to a non-necessary category when the visitor sent no signal and gave no consent.
 */
public enum ConsentMode {
    /** Refused until the visitor grants it (GDPR/ePrivacy style). The default. */
    OPT_IN("opt-in"),
    /** Allowed until the visitor refuses it or sends a refusing signal (CCPA/CPRA style). */
    OPT_OUT("opt-out");

    private final String id;

    ConsentMode(String id) {
        this.id = id;
    }

    /** The name used in configuration and JSON. */
    public String id() {
        return id;
    }

    /** Parses {@code opt-in} or {@code opt-out} (case-insensitive); {@code null} for anything else. */
    public static ConsentMode fromId(String s) {
        if (s == null) {
            return null;
        }
        for (ConsentMode m : values()) {
            if (m.id.equalsIgnoreCase(s.strip())) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
