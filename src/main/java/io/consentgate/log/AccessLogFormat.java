package io.consentgate.log;

import java.util.Locale;

/**
 * The access log line format, read from an init-param value.
 *
 * <ul>
 *   <li>{@link #COMBINED} (default): NCSA combined,
 *       {@code %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"}, readable unchanged by GoAccess
 *       ({@code --log-format=COMBINED}) and AWStats ({@code LogFormat=1}); fields the decision drops are
 *       {@code -}.</li>
 *   <li>{@link #JSON}: one JSON object per line (JSON lines); fields the decision drops are absent.</li>
 *   <li>{@link #OFF}: no access log line is written (request attributes are still set).</li>
 * </ul>
 */
public enum AccessLogFormat {
    /** NCSA combined log format. */
    COMBINED,
    /** JSON lines. */
    JSON,
    /** No access log. */
    OFF;

    /** The format used when the init-param is absent. */
    public static final AccessLogFormat DEFAULT = COMBINED;

    /**
     * Parses an init-param value: {@code combined}, {@code json} or {@code off}, case-insensitive, surrounding spaces
     * ignored; {@code null} (parameter absent) is {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException for any other value, including an empty one (configuration fails loudly)
     */
    public static AccessLogFormat parse(String value) {
        if (value == null) {
            return DEFAULT;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "combined" -> COMBINED;
            case "json" -> JSON;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException(
                    "unknown access log format '" + value + "' (expected combined, json or off)");
        };
    }

    /** The init-param spelling: {@code combined}, {@code json} or {@code off}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
