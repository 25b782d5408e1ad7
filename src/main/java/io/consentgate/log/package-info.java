/**
 * Privacy-preserving access log: one line per request holding only what the visitor's
 * {@link io.consentgate.ConsentDecision} allows, with the client address always masked and every value escaped.
 *
 * <p>The pieces, each usable alone:
 * <ul>
 *   <li>{@link io.consentgate.log.ClientAddress} + {@link io.consentgate.log.TrustedProxies}: the client address
 *       behind reverse proxies, believing {@code X-Forwarded-For} / {@code Forwarded} only from trusted peers.</li>
 *   <li>{@link io.consentgate.log.IpMask}: DNS-free masking to a prefix (default IPv4 /24, IPv6 /48).</li>
 *   <li>{@link io.consentgate.log.RequestView} to {@link io.consentgate.log.AccessLogEntry}: the decision-limited
 *       field set (no User-Agent, Referer or query string without analytics consent; never cookies, session ids or
 *       credentials), optionally with a {@link io.consentgate.log.VisitorHash}.</li>
 *   <li>{@link io.consentgate.log.AccessLogLine}: the format ({@link io.consentgate.log.AccessLogFormat}), compiled
 *       once: NCSA combined for GoAccess/AWStats or JSON lines.</li>
 *   <li>{@link io.consentgate.log.AccessLogger}: the SLF4J sink, logger {@code consentgate.access}.</li>
 *   <li>{@link io.consentgate.log.ServletAccessLog}: the only class that touches the Servlet API; it also sets the
 *       {@link io.consentgate.log.AccessLogAttributes} for the container's own access log.</li>
 * </ul>
 *
 * <p>Example logback route for a GoAccess-readable file:
 * <pre>{@code
 * <appender name="ACCESS" class="ch.qos.logback.core.FileAppender">
 *   <file>access.log</file>
 *   <encoder><pattern>%msg%n</pattern></encoder>
 * </appender>
 * <logger name="consentgate.access" level="INFO" additivity="false"><appender-ref ref="ACCESS"/></logger>
 * }</pre>
 * then {@code goaccess access.log --log-format=COMBINED}. Lines whose client is unknown carry {@code -} as host;
 * GoAccess counts those as failed unless it runs with {@code --no-ip-validation}.
 */
package io.consentgate.log;
