package io.consentgate.log;

import java.util.Locale;

/**
 * The header the trusted proxies write the forwarding chain into. Only that header is read: the other one passes
 * through the proxy untouched and is therefore written by the client, so reading it would let anyone choose the
 * logged address.
 */
public enum ForwardingHeader {
    /** {@code X-Forwarded-For} (nginx, HAProxy, Apache httpd, most cloud load balancers): the default. */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** RFC 7239 {@code Forwarded}, its {@code for=} parameters. */
    FORWARDED("Forwarded");

    private final String headerName;

    ForwardingHeader(String headerName) {
        this.headerName = headerName;
    }

    /** The HTTP header name. */
    public String headerName() {
        return headerName;
    }

    /**
     * Parses a configuration value, the header name case-insensitively ({@code X-Forwarded-For} or
     * {@code Forwarded}); {@code null} is {@link #X_FORWARDED_FOR}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static ForwardingHeader parse(String value) {
        if (value == null) {
            return X_FORWARDED_FOR;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (ForwardingHeader h : values()) {
            if (h.headerName.toLowerCase(Locale.ROOT).equals(v)) {
                return h;
            }
        }
        throw new IllegalArgumentException(
                "unknown forwarding header '" + value + "' (expected X-Forwarded-For or Forwarded)");
    }
}
