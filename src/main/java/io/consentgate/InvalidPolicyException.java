package io.consentgate;

/**
 * A configuration value is unknown or invalid. The message always names the parameter (and the file, when the value
 * came from a policy file), because ConsentGate is a privacy control: it never silently falls back to a default.
 */
public final class InvalidPolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidPolicyException(String parameter, String message) {
        super("ConsentGate: invalid configuration '" + parameter + "': " + message);
        this.parameter = parameter;
    }

    public InvalidPolicyException(String parameter, String message, Throwable cause) {
        super("ConsentGate: invalid configuration '" + parameter + "': " + message, cause);
        this.parameter = parameter;
    }

    /** The init-param or policy-file key that was rejected. */
    public String parameter() {
        return parameter;
    }
}
