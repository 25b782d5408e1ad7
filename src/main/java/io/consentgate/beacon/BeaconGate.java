package io.consentgate.beacon;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests that exist only to track with {@code 204 No Content}, without calling the application, when the
 * decision refuses what they feed.
 *
 * <p>A request is a <em>beacon</em> when
 * <ul>
 *   <li>its path is a first-party collection endpoint of the {@link TrackerCatalog} ({@code /g/collect},
 *       {@code /mp/collect}, {@code /matomo.php}, …; the generic ones such as {@code /collect} only with
 *       {@link BeaconSettings#includeGenericPaths()}) or an operator path ({@link BeaconSettings#extraPaths()}), and
 *       the decision refuses at least one of the categories it needs; or</li>
 *   <li>it is a <a href="https://html.spec.whatwg.org/multipage/links.html#hyperlink-auditing">hyperlink-auditing
 *       ping</a> ({@code Ping-To} or {@code Ping-From} header, or {@code Content-Type: text/ping}) and the decision
 *       refuses {@code analytics} <em>or</em> {@code marketing}: a ping reports which link a visitor followed to a
 *       third party of the page's choosing, so it is tracking of either kind, and its target is unknown. Reported with
 *       categories {@code [analytics, marketing]}.</li>
 * </ul>
 * Any method counts (collection endpoints take {@code GET} pixels as well as {@code POST} beacons). A refusal beats
 * an allow: when two rules match the same path, the request is gated if either needs a refused category.
 *
 * <p><b>Paths.</b> Both the container's view ({@code getServletPath() + getPathInfo()}) and an independent
 * normalization of {@code getRequestURI()} are matched ({@code ;jsessionid=…} stripped, {@code %2f} decoded,
 * {@code //} collapsed, {@code .}/{@code ..} resolved); the request is gated if either matches, so an encoding trick
 * that one router resolves and the other does not still cannot slip past. A trailing slash is ignored
 * ({@code /g/collect/} is gated like {@code /g/collect}: a proxy mapped to {@code /g/*} forwards it just the same).
 * Malformed percent-encoding makes that view match nothing; it never throws. Each view is also matched as a proxy
 * that appends it, decoded, to its upstream URL makes the upstream read it: a decoded {@code ?}, {@code #} or
 * {@code ;} ({@code %3F}, {@code %23}, {@code %3B}) ends the path or starts a path parameter, and a double-encoded
 * dot segment ({@code %252e%252e}) is one ({@code /g/collect%23x} and {@code /x/%252e%252e/g/collect} are gated).
 *
 * <p><b>Never reads the body.</b> {@link #match} looks at the method, the request line and headers only, and
 * {@link #answer} never calls {@code getInputStream()}, {@code getReader()} or {@code getParameter*()}, so a 10 MB or
 * trickling body costs nothing and no {@code 100 Continue} is asked for (Tomcat sends {@code 100} before the filter
 * runs unless its connector has {@code continueResponseTiming="onRead"}). A request that announces a body is answered
 * with {@code Connection: close} on HTTP/1.x, so the container does not drain it to reuse the connection.
 *
 * <p>Wiring (report-only logs instead of answering; {@link #gate} does exactly this):
 * <pre>{@code
 * BeaconMatch m = beaconGate.match(request, decision);
 * if (m != null) {
 *     beaconGate.answer(request, response, m);   // 204; do not call the chain
 *     return;
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; build one per policy.
 */
public final class BeaconGate {

    /** {@link BeaconMatch#trackerId()} of a hyperlink-auditing ping. */
    public static final String PING_TRACKER_ID = "hyperlink-auditing";
    /** {@link BeaconMatch#trackerId()} of an operator path from {@link BeaconSettings#extraPaths()}. */
    public static final String OPERATOR_TRACKER_ID = "operator-beacon-path";
    /** The {@code Allow} header of the answer to an {@code OPTIONS} request for a gated path. */
    public static final String ALLOW = "POST, GET, OPTIONS";

    private static final Logger LOG = LoggerFactory.getLogger(BeaconGate.class);
    private static final int MAX_REASON_PATH = 200;

    private final TrackerCatalog catalog;
    private final BeaconSettings settings;
    private final List<PathRule> extraRules;

    /**
     * @param catalog  the tracker catalog (with the policy's overrides applied)
     * @param settings what else counts as a beacon; see {@link BeaconSettings#defaults()}
     */
    public BeaconGate(TrackerCatalog catalog, BeaconSettings settings) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.settings = Objects.requireNonNull(settings, "settings");
        List<PathRule> rules = new ArrayList<>();
        for (String entry : settings.extraPaths()) {
            rules.add(PathRule.parse(entry));
        }
        this.extraRules = List.copyOf(rules);
    }

    /**
     * Classifies the request. Reads the method, the request URI, the servlet path and headers; never the body.
     *
     * @param request  the request, as the filter received it
     * @param decision the decision already taken for it
     *
     * @return {@code null} when the request is not a beacon or the decision allows everything it needs (continue
     *         with the chain); otherwise why it is a refused beacon
     */
    public BeaconMatch match(HttpServletRequest request, ConsentDecision decision) {
        if (decision.allowsEverything()) {
            return null;
        }
        if (settings.gatePings() && isPing(request)
                && !(decision.allows(Category.ANALYTICS) && decision.allows(Category.MARKETING))) {
            return new BeaconMatch(PING_TRACKER_ID, "Hyperlink auditing ping",
                    EnumSet.of(Category.ANALYTICS, Category.MARKETING), pingReason(request));
        }
        String container = BeaconPath.containerView(request);
        BeaconMatch m = container == null ? null : matchPath(container, decision);
        if (m != null) {
            return m;
        }
        String raw = BeaconPath.rawView(request);
        m = raw == null || raw.equals(container) ? null : matchPath(raw, decision);
        if (m != null) {
            return m;
        }
        String proxied = BeaconPath.proxiedView(container);
        m = proxied == null || proxied.equals(container) ? null : matchPath(proxied, decision);
        if (m != null) {
            return m;
        }
        String rawProxied = BeaconPath.proxiedView(raw);
        return rawProxied == null || rawProxied.equals(raw) || rawProxied.equals(proxied) ? null
                : matchPath(rawProxied, decision);
    }

    /** The first rule that matches {@code path} and needs a refused category, operator rules first. */
    BeaconMatch matchPath(String path, ConsentDecision decision) {
        boolean ignoreCase = settings.caseInsensitive();
        for (PathRule rule : extraRules) {
            if (!decision.allows(rule.category()) && rule.matches(path, ignoreCase)) {
                return new BeaconMatch(OPERATOR_TRACKER_ID, "Operator beacon path " + rule.pattern(),
                        EnumSet.of(rule.category()), "operator beacon path " + rule + " matched " + printable(path));
            }
        }
        TrackerMatch t = catalog.matchEndpoint(path, settings.includeGenericPaths());
        if (t == null && ignoreCase) {
            t = catalog.matchEndpoint(path.toLowerCase(Locale.ROOT), settings.includeGenericPaths());
        }
        if (t != null && !decision.allowsAll(t.categories())) {
            return new BeaconMatch(t.tracker().id(), t.tracker().name(), t.categories(),
                    "collection endpoint " + printable(path));
        }
        return null;
    }

    /**
     * Answers a refused beacon, if the response is not committed yet: {@code 204}, {@code Cache-Control: no-store},
     * no body, no {@code Content-Type}, no {@code Set-Cookie} (any set by earlier filters is removed, other headers
     * are kept). An {@code OPTIONS} request (a CORS preflight) gets the same with {@code Allow: POST, GET, OPTIONS}
     * and no {@code Access-Control-*} grant, so a cross-origin beacon never follows. The response is committed
     * before returning. Never reads the request body.
     *
     * @param request  the request {@link #match} classified
     * @param response the container's response, not yet written to
     * @param match    what {@link #match} returned (not {@code null})
     * @throws IOException when committing the response fails (the client went away)
     */
    public void answer(HttpServletRequest request, HttpServletResponse response, BeaconMatch match)
            throws IOException {
        if (response.isCommitted()) {
            LOG.debug("beacon {} not answered: response already committed", match.trackerId());
            return;
        }
        if (response.containsHeader("Set-Cookie")) {
            resetKeepingHeadersExceptCookies(response);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Cache-Control", "no-store");
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Allow", ALLOW);
        }
        if (announcesBody(request) && request.getProtocol() != null
                && request.getProtocol().startsWith("HTTP/1.")) {
            response.setHeader("Connection", "close");
        }
        response.flushBuffer();
        if (LOG.isDebugEnabled()) {
            LOG.debug("beacon answered 204 without calling the application: {} {} ({})", request.getMethod(),
                    match.reason(), match.trackerName());
        }
    }

    /**
     * Matches and, unless {@code reportOnly}, answers: the whole beacon step of the filter.
     *
     * @param request    the request
     * @param response   the container's response, not yet written to
     * @param decision   the decision already taken for the request
     * @param reportOnly log what would be answered instead of answering
     * @throws IOException when committing the response fails
     *
     * @return {@code true} when the request was answered and the chain must not be called; {@code false} to
     *         continue (not a refused beacon, or report-only, in which case the would-be answer is logged at INFO)
     */
    public boolean gate(HttpServletRequest request, HttpServletResponse response, ConsentDecision decision,
                        boolean reportOnly) throws IOException {
        BeaconMatch m = match(request, decision);
        if (m == null) {
            return false;
        }
        if (reportOnly) {
            LOG.info("report-only: would answer beacon {} with 204: {} ({}, {})", request.getMethod(), m.reason(),
                    m.trackerName(), m.categories());
            return false;
        }
        answer(request, response, m);
        return true;
    }

    /** Whether the request is a hyperlink-auditing ping; header presence alone counts, whatever the value. */
    static boolean isPing(HttpServletRequest request) {
        if (request.getHeader("Ping-To") != null || request.getHeader("Ping-From") != null) {
            return true;
        }
        String type = request.getHeader("Content-Type");
        if (type == null) {
            return false;
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().equalsIgnoreCase("text/ping");
    }

    private static String pingReason(HttpServletRequest request) {
        if (request.getHeader("Ping-To") != null) {
            return "hyperlink-auditing ping (Ping-To header)";
        }
        if (request.getHeader("Ping-From") != null) {
            return "hyperlink-auditing ping (Ping-From header)";
        }
        return "hyperlink-auditing ping (Content-Type: text/ping)";
    }

    private static boolean announcesBody(HttpServletRequest request) {
        String te = request.getHeader("Transfer-Encoding");
        if (te != null) {
            return true;
        }
        String cl = request.getHeader("Content-Length");
        return cl != null && !cl.strip().equals("0");
    }

    /** Removes every Set-Cookie an earlier filter added, keeping the other headers and the status. */
    private static void resetKeepingHeadersExceptCookies(HttpServletResponse response) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        Collection<String> names = response.getHeaderNames();
        for (String name : names) {
            if (!name.equalsIgnoreCase("Set-Cookie")) {
                kept.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        LOG.debug("beacon answer drops Set-Cookie set before the gate");
        response.reset();
        kept.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    }

    /** Printable ASCII only (no log injection), bounded length. */
    private static String printable(String s) {
        int n = Math.min(s.length(), MAX_REASON_PATH);
        StringBuilder b = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > n ? b.append("...").toString() : b.toString();
    }

    @Override
    public String toString() {
        return "BeaconGate[extraPaths=" + extraRules + ", genericPaths=" + settings.includeGenericPaths()
                + ", caseInsensitive=" + settings.caseInsensitive() + ", pings=" + settings.gatePings() + "]";
    }
}
