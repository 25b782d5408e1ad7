package io.consentgate.log;

/**
 * Names of the request attributes {@link ServletAccessLog} sets so that a container's own access log can print
 * the privacy-limited values instead of the raw ones, e.g. Tomcat's {@code AccessLogValve} pattern
 * {@code %{io.consentgate.log.ip}r - - %t "%r" %s %b "%{io.consentgate.log.referer}r"
 * "%{io.consentgate.log.userAgent}r"}.
 *
 * <p>Every value is a {@link String}: truncated and NCSA-escaped like the {@link AccessLogFormat#COMBINED} fields
 * (so it holds no control character), and {@code "-"} when absent or dropped by the decision.
 */
public final class AccessLogAttributes {

    /** The masked client address. */
    public static final String IP = "io.consentgate.log.ip";
    /** The User-Agent, or {@code -} when analytics is refused. */
    public static final String USER_AGENT = "io.consentgate.log.userAgent";
    /** The Referer, or {@code -} when analytics is refused. */
    public static final String REFERER = "io.consentgate.log.referer";
    /** The query string, or {@code -} when absent or analytics is refused. */
    public static final String QUERY = "io.consentgate.log.query";

    private AccessLogAttributes() {
    }
}
