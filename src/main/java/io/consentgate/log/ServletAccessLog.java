package io.consentgate.log;

import io.consentgate.ConsentDecision;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The Servlet adapter of the access log: after the response, reads the request and response, resolves the client
 * address through the {@link TrustedProxies}, builds the decision-limited {@link AccessLogEntry}, sets the
 * {@link AccessLogAttributes} on the request and writes the line through an {@link AccessLogger}.
 *
 * <pre>{@code
 * ServletAccessLog accessLog = ServletAccessLog.builder()
 *         .format(AccessLogFormat.parse(config.getInitParameter("accessLog")))
 *         .ipMask(IpMask.parse("v4=24,v6=48"))
 *         .trustedProxies(TrustedProxies.parse("10.0.0.0/8").withHeader(ForwardingHeader.X_FORWARDED_FOR))
 *         .build();                                    // once, in init()
 * Instant start = Instant.now();
 * chain.doFilter(request, response);
 * accessLog.log(request, response, decision, start, bytesWritten);   // in a finally block
 * }</pre>
 *
 * <p>Reads only {@code getRemoteAddr}, {@code getMethod}, {@code getRequestURI}, {@code getQueryString},
 * {@code getProtocol}, {@code getStatus}, the {@code X-Forwarded-For}, {@code Forwarded}, {@code Referer} and
 * {@code User-Agent} headers, and the name the container gives the session id path parameter (the context's session
 * cookie name and one init-param); never cookies, sessions, the remote user or {@code Authorization}. Attributes are set
 * even when the format is {@link AccessLogFormat#OFF}. {@link #log} never throws.
 *
 * <p>WARNING: call {@link #log} once the response is complete: in a {@code finally} after {@code chain.doFilter}
 * for a synchronous request, from {@code AsyncListener.onComplete} when the request went async (otherwise status
 * and bytes are not final yet). If the container already resolves forwarding headers ({@code RemoteIpValve},
 * {@code RemoteIpFilter}, Jetty's {@code ForwardedRequestCustomizer}), leave {@link Builder#trustedProxies} empty.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServletAccessLog {

    /** Jetty's context init-param naming the session id path parameter. */
    private static final String JETTY_SESSION_PARAMETER = "org.eclipse.jetty.session.SessionIdPathParameterName";

    private final IpMask mask;
    private final TrustedProxies trusted;
    private final AccessLogger logger;
    private final VisitorHash visitorHash;
    private final Clock clock;

    private ServletAccessLog(Builder b) {
        this.mask = b.mask;
        this.trusted = b.trusted;
        AccessLogLine line = AccessLogLine.compile(b.format, b.maxValueLength);
        this.logger = b.sink == null ? new AccessLogger(line) : new AccessLogger(line, b.sink);
        this.clock = b.clock;
        this.visitorHash = b.visitorHash ? new VisitorHash(b.clock, new SecureRandom()) : null;
    }

    /** A builder with the defaults: IP mask v4=24,v6=48, no trusted proxy, combined format, 1024 chars, no hash. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Logs one request; never throws.
     *
     * @param start        when the request started (for the timestamp and the duration)
     * @param bytesWritten response body bytes written, negative when unknown
     */
    public void log(HttpServletRequest request, HttpServletResponse response, ConsentDecision decision,
            Instant start, long bytesWritten) {
        log(request, response, decision, start, bytesWritten, false);
    }

    /**
     * Logs one request; never throws.
     *
     * @param failed whether an exception left the application before the response was committed: the container then
     *               answers {@code 500}, which is logged instead of the status the response held
     */
    public void log(HttpServletRequest request, HttpServletResponse response, ConsentDecision decision,
            Instant start, long bytesWritten, boolean failed) {
        try {
            AccessLogEntry entry = entry(request, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                    : response.getStatus(), decision, start, bytesWritten);
            int max = logger.line().maxValueLength();
            request.setAttribute(AccessLogAttributes.IP, entry.clientIp());
            request.setAttribute(AccessLogAttributes.PATH, LogText.ncsa(entry.path(), max, true));
            request.setAttribute(AccessLogAttributes.USER_AGENT, LogText.ncsa(entry.userAgent(), max));
            request.setAttribute(AccessLogAttributes.REFERER, LogText.ncsa(entry.referer(), max));
            request.setAttribute(AccessLogAttributes.QUERY, LogText.ncsa(entry.query(), max));
            logger.log(entry);
        } catch (RuntimeException e) {
            logger.failed(e);
        }
    }

    /** The entry {@link #log} writes. */
    AccessLogEntry entry(HttpServletRequest request, int status, ConsentDecision decision, Instant start,
            long bytesWritten) {
        String client = ClientAddress.resolve(request.getRemoteAddr(), headers(request, "X-Forwarded-For"),
                headers(request, "Forwarded"), trusted);
        long millis = Math.max(0, Duration.between(start, clock.instant()).toMillis());
        RequestView view = new RequestView(start, client, request.getMethod(), withoutSessionId(request),
                request.getQueryString(), request.getProtocol(), status, bytesWritten,
                request.getHeader("Referer"), request.getHeader("User-Agent"), millis);
        return AccessLogEntry.of(view, decision, mask, visitorHash);
    }

    /**
     * The request URI without the session id path parameter under the name the container gives it when the webapp
     * renames it: Tomcat and Undertow use the session cookie name ({@code <cookie-config><name>}), Jetty the context init-param
     * {@value #JETTY_SESSION_PARAMETER}. {@code ;jsessionid=} itself is removed by {@link AccessLogEntry}.
     */
    private static String withoutSessionId(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri == null || uri.indexOf(';') < 0) {
            return uri;
        }
        ServletContext context = request.getServletContext();
        if (context == null) {
            return uri;
        }
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        for (String name : new String[] {cookie == null ? null : cookie.getName(),
                context.getInitParameter(JETTY_SESSION_PARAMETER)}) {
            if (name != null && !name.isBlank()) {
                uri = AccessLogEntry.withoutPathParameter(uri, name.strip());
            }
        }
        return uri;
    }

    /** The logger, for its failure count. */
    public AccessLogger logger() {
        return logger;
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /** Builds a {@link ServletAccessLog}; every option has the default stated on it. */
    public static final class Builder {
        private IpMask mask = IpMask.defaults();
        private TrustedProxies trusted = TrustedProxies.none();
        private AccessLogFormat format = AccessLogFormat.DEFAULT;
        private int maxValueLength = AccessLogLine.DEFAULT_MAX_VALUE_LENGTH;
        private boolean visitorHash;
        private Clock clock = Clock.systemUTC();
        private Logger sink;

        private Builder() {
        }

        /** The IP mask. Default: {@link IpMask#defaults()} (v4=24,v6=48). */
        public Builder ipMask(IpMask value) {
            this.mask = Objects.requireNonNull(value, "ipMask");
            return this;
        }

        /** Proxies whose forwarding headers are believed. Default: {@link TrustedProxies#none()}. */
        public Builder trustedProxies(TrustedProxies value) {
            this.trusted = Objects.requireNonNull(value, "trustedProxies");
            return this;
        }

        /** The line format. Default: {@link AccessLogFormat#COMBINED}. */
        public Builder format(AccessLogFormat value) {
            this.format = Objects.requireNonNull(value, "format");
            return this;
        }

        /** Maximum chars of one value before truncation, at least 1. Default: 1024. */
        public Builder maxValueLength(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maximum value length must be at least 1, got " + value);
            }
            this.maxValueLength = value;
            return this;
        }

        /** Whether to add the daily {@link VisitorHash} (JSON format only). Default: {@code false}. */
        public Builder visitorHash(boolean value) {
            this.visitorHash = value;
            return this;
        }

        /** The clock for durations and the visitor hash day. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        Builder sink(Logger value) {
            this.sink = value;
            return this;
        }

        /** Builds the access log; the format is compiled here, once. */
        public ServletAccessLog build() {
            return new ServletAccessLog(this);
        }
    }
}
