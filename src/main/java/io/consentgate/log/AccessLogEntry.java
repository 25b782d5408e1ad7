package io.consentgate.log;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One access log record holding only what the visitor's decision allows. Values are not yet truncated or escaped;
 * {@link AccessLogLine} does that for every value.
 *
 * <p>Field rules applied by {@link #of(RequestView, ConsentDecision, IpMask, VisitorHash)}:
 * <ul>
 *   <li>A {@code null} decision is treated as a refusal of everything (fail closed).</li>
 *   <li>The client address is always masked with the {@link IpMask}; {@code "-"} when it is not an IP address.</li>
 *   <li>When {@link Category#ANALYTICS} is refused, User-Agent, Referer, query string, every path parameter
 *       ({@code ;gclid=…}) and the visitor id are dropped.</li>
 *   <li>When {@link Category#MARKETING} is refused, the ad click ids ({@link ClickIds}: {@code gclid},
 *       {@code _gl}, {@code fbclid}, {@code msclkid}…) are removed from the query string, the path parameters
 *       ({@code ;gclid=…}) and the Referer's, the name compared decoded and ignoring case.</li>
 *   <li>Always: the {@code ;jsessionid=} path parameter (a session credential) is removed from the path; no
 *       remote user, {@code Authorization}, {@code Cookie} or {@code Set-Cookie} value ever enters an entry (there
 *       is no field for them).</li>
 *   <li>The visitor id is present only when a {@link VisitorHash} is configured (off by default) and analytics is
 *       allowed: a keyed hash of masked IP, User-Agent and day under a daily discarded key, which cannot be linked
 *       across days nor reversed to the User-Agent. It still links one day's requests by their User-Agent, so a
 *       visitor who refused analytics gets none.</li>
 * </ul>
 *
 * @param time           when the request started
 * @param clientIp       the masked client address, or {@code "-"}
 * @param method         the request method, or {@code null}
 * @param path           the request path without query and session id (without any path parameter when
 *                       analytics is refused, without the click-id ones when marketing is), or {@code null}
 * @param query          the query string, or {@code null} when absent or dropped
 * @param protocol       the protocol, or {@code null}
 * @param status         the response status code
 * @param bytes          body bytes sent, negative when unknown
 * @param referer        the Referer, or {@code null} when absent or dropped
 * @param userAgent      the User-Agent, or {@code null} when absent or dropped
 * @param durationMillis time taken, negative when unknown
 * @param visitorId      the daily visitor hash, or {@code null} when not configured
 */
public record AccessLogEntry(
        Instant time,
        String clientIp,
        String method,
        String path,
        String query,
        String protocol,
        int status,
        long bytes,
        String referer,
        String userAgent,
        long durationMillis,
        String visitorId) {

    // Requires time and clientIp; everything else may be absent.
    public AccessLogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(clientIp, "clientIp");
    }

    /** {@link #of(RequestView, ConsentDecision, IpMask, VisitorHash)} without a visitor hash. */
    public static AccessLogEntry of(RequestView view, ConsentDecision decision, IpMask mask) {
        return of(view, decision, mask, null);
    }

    /**
     * Applies the field rules above to a request.
     *
     * @param visitorHash the daily visitor hash, or {@code null} for none
     */
    public static AccessLogEntry of(RequestView view, ConsentDecision decision, IpMask mask,
            VisitorHash visitorHash) {
        boolean analytics = decision != null && decision.allows(Category.ANALYTICS);
        boolean marketing = analytics && decision.allows(Category.MARKETING);
        String ip = mask.mask(view.clientAddress());
        String visitor = visitorHash == null || !analytics ? null : visitorHash.of(ip, view.userAgent());
        String path = !analytics ? withoutPathParameters(view.requestUri())
                : marketing ? withoutSessionId(view.requestUri())
                : ClickIds.removedFromPath(withoutSessionId(view.requestUri()));
        String query = !analytics ? null : marketing ? view.queryString() : ClickIds.removed(view.queryString());
        String referer = !analytics ? null : marketing ? view.referer() : ClickIds.removedFromUrl(view.referer());
        return new AccessLogEntry(
                view.time(),
                ip,
                view.method(),
                path,
                query,
                view.protocol(),
                view.status(),
                view.bytes(),
                referer,
                analytics ? view.userAgent() : null,
                view.durationMillis(),
                visitor);
    }

    /**
     * Removes every path parameter ({@code ;name=value} up to the next {@code /}), as the query is dropped: they carry
     * the same kind of identifiers ({@code ;gclid=}, {@code ;email=}, session ids).
     */
    static String withoutPathParameters(String path) {
        if (path == null || path.indexOf(';') < 0) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length());
        boolean inParameters = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ';') {
                inParameters = true;
            } else if (c == '/') {
                inParameters = false;
            }
            if (!inParameters) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Removes every {@code ;jsessionid=...} path parameter (up to the next {@code ;} or {@code /}). */
    static String withoutSessionId(String path) {
        return withoutPathParameter(path, "jsessionid");
    }

    /**
     * Removes every {@code ;name=...} path parameter (up to the next {@code ;} or {@code /}), the name matched
     * ignoring case.
     */
    static String withoutPathParameter(String path, String name) {
        return withoutPathParameters(path, p -> p.regionMatches(true, 0, name, 0, name.length())
                && p.length() > name.length() && p.charAt(name.length()) == '=');
    }

    /**
     * Removes the path parameters that {@code drop} accepts: each {@code ;…} up to the next {@code ;} or {@code /},
     * given to {@code drop} without its {@code ;}. Every other character stays.
     */
    static String withoutPathParameters(String path, java.util.function.Predicate<String> drop) {
        if (path == null || path.indexOf(';') < 0) {
            return path;
        }
        StringBuilder kept = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            int semicolon = path.indexOf(';', i);
            if (semicolon < 0) {
                kept.append(path, i, path.length());
                break;
            }
            kept.append(path, i, semicolon);
            int end = semicolon + 1;
            while (end < path.length() && path.charAt(end) != ';' && path.charAt(end) != '/') {
                end++;
            }
            if (!drop.test(path.substring(semicolon + 1, end))) {
                kept.append(path, semicolon, end);
            }
            i = end;
        }
        return kept.toString();
    }
}
