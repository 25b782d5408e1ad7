package io.consentgate.log;

/**
 * Names of the request attributes {@link ServletAccessLog} sets so that a container's own access log can print
 * the privacy-limited values instead of the raw ones, e.g. Tomcat's {@code AccessLogValve} pattern
 * {@code %{io.consentgate.log.ip}r - - %t "%m %{io.consentgate.log.path}r %H" %s %b
 * "%{io.consentgate.log.referer}r" "%{io.consentgate.log.userAgent}r"} ({@code %r} would print the raw query
 * string and session id).
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
    /**
     * The request path without the query string and without {@code ;jsessionid=} (a session credential), without
     * any path parameter when analytics is refused and without the click-id ones ({@code ;gclid=}) when marketing
     * is, a space written {@code \x20} so it fits inside {@code "%m PATH %H"}; print it instead of Tomcat's
     * {@code %U} or Jetty's {@code %U}, which keep the session id.
     */
    public static final String PATH = "io.consentgate.log.path";
    /** The query string, or {@code -} when absent or analytics is refused. */
    public static final String QUERY = "io.consentgate.log.query";

    private AccessLogAttributes() {
    }
}
