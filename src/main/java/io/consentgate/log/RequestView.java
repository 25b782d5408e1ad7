package io.consentgate.log;

import java.time.Instant;
import java.util.Objects;

/**
 * What the server saw of one request and its response, before any privacy limit is applied. This is raw input:
 * it is never logged as such, only turned into an {@link AccessLogEntry} by
 * {@link AccessLogEntry#of(RequestView, io.consentgate.ConsentDecision, IpMask, VisitorHash)}.
 *
 * <p>Containers other than the Servlet API (a Jetty {@code RequestLog}, a test) build it directly.
 *
 * @param time           when the request started
 * @param clientAddress  the unmasked client address ({@link ClientAddress#resolve}), any text, may be {@code null}
 * @param method         the request method, may be {@code null}
 * @param requestUri     the request target's path as sent, without the query string, may be {@code null}
 * @param queryString    the query string without {@code ?}, {@code null} when absent
 * @param protocol       e.g. {@code HTTP/1.1}, may be {@code null}
 * @param status         the response status code
 * @param bytes          body bytes sent, negative when unknown
 * @param referer        the {@code Referer} header, {@code null} when absent
 * @param userAgent      the {@code User-Agent} header, {@code null} when absent
 * @param durationMillis time taken to serve the request, negative when unknown
 */
public record RequestView(
        Instant time,
        String clientAddress,
        String method,
        String requestUri,
        String queryString,
        String protocol,
        int status,
        long bytes,
        String referer,
        String userAgent,
        long durationMillis) {

    // Requires a time; every other component may be absent.
    public RequestView {
        Objects.requireNonNull(time, "time");
    }
}
