package io.consentgate;

/**
 * A configuration value is unknown or invalid. The message always names the parameter (and the file, when the value
 * came from a policy file), because ConsentGate is a privacy control: it never silently falls back to a default.
 */
public final class InvalidPolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String detail;

    public InvalidPolicyException(String parameter, String message) {
        super("ConsentGate: invalid configuration '" + parameter + "': " + message);
        this.parameter = parameter;
        this.detail = message;
    }

    public InvalidPolicyException(String parameter, String message, Throwable cause) {
        super("ConsentGate: invalid configuration '" + parameter + "': " + message, cause);
        this.parameter = parameter;
        this.detail = message;
    }

    /** The same error for a value read from the policy file {@code file}, which the message then names. */
    InvalidPolicyException in(String file) {
        String message = detail + " (in " + file + ")";
        return getCause() == null ? new InvalidPolicyException(parameter, message)
                : new InvalidPolicyException(parameter, message, getCause());
    }

    /** The init-param or policy-file key that was rejected. */
    public String parameter() {
        return parameter;
    }
}
