package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Keeps refused tracking cookies out of the browser.
 *
 * <ul>
 *   <li>{@link #refuses(String, ConsentDecision)}: whether a {@code Set-Cookie} value (or a {@link Cookie}) belongs to
 *       a category the decision refuses, matched on the catalog's cookie patterns (generic names only together with
 *       the vendor's {@code Domain}; a name a proxy servlet renamed, {@link #PROXY_SERVLET_MARK}, by the name it
 *       stands for). Everything else, including the container's session cookie, is never touched.
 *   </li>
 *   <li>{@link #expiries}: for refused tracking cookies the request still carries (consent withdrawn, or set by
 *       JavaScript earlier), {@code Set-Cookie} values that expire them: {@code Max-Age=0} host-only and for every
 *       parent domain of the request host up to the registrable one (none that is a public suffix), for each
 *       configured path; on HTTPS the same again with {@code Secure; Partitioned} for cookies set partitioned
 *       (CHIPS). They must fit beside the response's own headers ({@link #expiryRoom}): a proxy or container
 *       refuses a response whose headers pass its buffer (nginx answers {@code 502}, Tomcat {@code 500} without a
 *       body), and a visitor with many tracker cookies, or on a deep host name, would lose every page. When they do
 *       not all fit, each cookie's most likely copies go first (on {@code Path=/}, host-only and for each parent
 *       domain, unpartitioned), and the other lines take turns from one response to the next: a copy the browser
 *       still sends is reached by a later response, however many lines a cookie has.</li>
 * </ul>
 * Thread-safe; its only state is the counter that takes turns among the expiries that do not fit in one response.
 */
public final class CookieGate {

    private static final Logger LOG = LoggerFactory.getLogger(CookieGate.class);
    /** Budget for the expiry {@code Set-Cookie} lines of one response, counting {@code "Set-Cookie: "} and CRLF. */
    public static final int MAX_EXPIRY_BYTES = 4096;
    /**
     * The response headers a page is kept under when its own headers leave room: nginx reads a response's headers
     * into one {@code proxy_buffer_size} buffer, a memory page (4 KiB) by default, and answers {@code 502} past it.
     */
    public static final int PROXY_HEADER_LIMIT = 4096;
    /** The response header limit of Tomcat ({@code maxHttpResponseHeaderSize}) and Jetty by default. */
    public static final int CONTAINER_HEADER_LIMIT = 8192;
    /** Kept for the status line and what the container adds at commit: Date, Content-Type, Content-Length… */
    public static final int CONTAINER_RESERVE = 1024;

    /**
     * The mark MITRE's HTTP-Proxy-Servlet ({@code org.mitre.dsmiley.httpproxy.ProxyServlet}), with which Java sites
     * serve a server-side tagging container from their own origin, puts before each cookie of the server it proxies:
     * {@code "!Proxy!" + its servlet name + the cookie's name}, on the servlet's path, through {@code addCookie}
     * ({@code !Proxy!sgtmFPID}); it takes the mark and the servlet name off again before passing the request on.
     */
    static final String PROXY_SERVLET_MARK = "!Proxy!";
    /** Longer names are not read as proxied: a servlet name and a tracker's cookie name are short. */
    static final int MAX_PROXIED_NAME = 256;

    private final TrackerCatalog catalog;
    private final CookieExpiries cookieExpiries;

    /**
     * @param catalog the tracker catalog (bundled plus the operator's overrides)
     * @param paths   cookie paths to expire refused cookies on; usually {@code ["/"]}
     */
    public CookieGate(TrackerCatalog catalog, List<String> paths) {
        this.catalog = catalog;
        this.cookieExpiries = new CookieExpiries(catalog, paths);
    }

    /** Whether the {@code Set-Cookie} header value sets a cookie of a refused category. */
    public boolean refuses(String setCookie, ConsentDecision decision) {
        if (setCookie == null || decision.allowsEverything()) {
            return false;
        }
        int eq = setCookie.indexOf('=');
        int semi = setCookie.indexOf(';');
        if (eq <= 0 || (semi >= 0 && semi < eq)) {
            return false;
        }
        String name = cookieName(setCookie, eq);
        TrackerMatch m = refusedTracker(name, attribute(setCookie, "domain"), decision);
        if (m == null || deletes(setCookie)) {
            return false;
        }
        LOG.debug("cookie gate: dropping Set-Cookie {} ({}, {})", name, m.tracker().name(), m.categories());
        return true;
    }

    /**
     * Whether {@code cookie} belongs to a refused category. A cookie with a max age of 0 deletes the browser's copy:
     * never refused, like any {@code Set-Cookie} that deletes ({@link #deletes}).
     */
    public boolean refuses(Cookie cookie, ConsentDecision decision) {
        return cookie != null && !decision.allowsEverything() && cookie.getMaxAge() != 0
                && refused(cookie.getName(), cookie.getDomain(), decision);
    }

    /**
     * Whether a {@code Set-Cookie} value deletes its cookie in every browser. RFC 6265 (5.2.1, 5.2.2 and 5.3) ignores an
     * attribute it cannot parse: the last valid {@code Max-Age} decides, zero or less deleting, or, without one, the
     * last {@code Expires} that parses as a cookie date ({@link CookieDate#parse}, any of the formats browsers read)
     * and has passed. Chromium and Firefox take the last attribute of each name whatever its value: when the last
     * {@code Max-Age} (or, without a {@code Max-Age} with a value, the last {@code Expires}) does not parse, they keep
     * the cookie for the session. Only a header that deletes under both readings deletes; such a header takes a
     * tracking cookie away (an application deleting it on withdrawal, on a path ConsentGate's own expiries do not
     * cover), so it is never dropped. One with a control character or a character beyond Latin-1 never deletes: a
     * container may send it as a space or as it is, and browsers read the two differently.
     */
    static boolean deletes(String setCookie) {
        if (setCookie.chars().anyMatch(c -> c != ' ' && c != '\t' && sentAsSpace((char) c))) {
            return false; // a space to Tomcat and Jetty, as written to Undertow: no one reading deletes in both
        }
        Boolean maxAgeDeletes = null;
        java.time.Instant expires = null;
        String lastMaxAge = null;
        String lastExpires = null;
        int i = setCookie.indexOf(';');
        while (i >= 0) {
            int next = setCookie.indexOf(';', i + 1);
            String attr = setCookie.substring(i + 1, next < 0 ? setCookie.length() : next);
            int eq = attr.indexOf('=');
            String name = trim(eq < 0 ? attr : attr.substring(0, eq));
            String value = eq < 0 ? "" : trim(attr.substring(eq + 1));
            if (name.equalsIgnoreCase("max-age")) {
                lastMaxAge = value;
                if (isDeltaSeconds(value)) {
                    maxAgeDeletes = deltaDeletes(value);
                }
            } else if (name.equalsIgnoreCase("expires")) {
                lastExpires = value;
                java.time.Instant date = CookieDate.parse(value);
                expires = date == null ? expires : date;
            }
            i = next;
        }
        java.time.Instant now = java.time.Instant.now();
        boolean rfc = maxAgeDeletes != null ? maxAgeDeletes : expires != null && !expires.isAfter(now);
        return rfc && lastAttributesDelete(lastMaxAge, lastExpires, now);
    }

    /**
     * Whether the last {@code Max-Age} and {@code Expires} attributes (null when absent, empty when without a value)
     * delete the cookie as Chromium and Firefox read them: a {@code Max-Age} with a value decides alone, and one that
     * does not parse makes a session cookie; an empty one leaves it to {@code Expires}, which must be a passed date as
     * RFC 6265 reads it and as Chromium does ({@link CookieDate#parseAsChromium}).
     */
    private static boolean lastAttributesDelete(String maxAge, String expires, java.time.Instant now) {
        if (maxAge != null && !maxAge.isEmpty()) {
            return isDeltaSeconds(maxAge) && deltaDeletes(maxAge);
        }
        if (expires == null) {
            return false;
        }
        java.time.Instant date = CookieDate.parse(expires);
        java.time.Instant chromium = CookieDate.parseAsChromium(expires);
        return date != null && !date.isAfter(now) && chromium != null && !chromium.isAfter(now);
    }

    private static boolean deltaDeletes(String deltaSeconds) {
        return deltaSeconds.charAt(0) == '-' || deltaSeconds.chars().allMatch(c -> c == '0');
    }

    /** Whether a request cookie called {@code name} (no domain known) belongs to a refused category. */
    public boolean refusesName(String name, ConsentDecision decision) {
        if (decision.allowsEverything()) {
            return false;
        }
        TrackerMatch m = matchCookie(catalog, name, null);
        return m != null && !decision.allowsAll(m.categories());
    }

    /**
     * The tracker a cookie called {@code name} belongs to, also when a proxy servlet renamed it
     * ({@link #PROXY_SERVLET_MARK}): the servlet's name is not known here, so each rest of the name after the mark is
     * tried, longest first ({@code !Proxy!sgtmFPID}: {@code sgtmFPID}, {@code gtmFPID}, … {@code FPID}).
     */
    static TrackerMatch matchCookie(TrackerCatalog catalog, String name, String domain) {
        TrackerMatch m = catalog.matchCookie(name, domain);
        if (m != null || name == null || !name.startsWith(PROXY_SERVLET_MARK) || name.length() > MAX_PROXIED_NAME) {
            return m;
        }
        for (int i = PROXY_SERVLET_MARK.length(); m == null && i < name.length(); i++) {
            m = catalog.matchCookie(name.substring(i), domain);
        }
        return m;
    }

    private boolean refused(String name, String domain, ConsentDecision decision) {
        TrackerMatch m = refusedTracker(name, domain, decision);
        if (m == null) {
            return false;
        }
        LOG.debug("cookie gate: dropping Set-Cookie {} ({}, {})", name, m.tracker().name(), m.categories());
        return true;
    }

    /** The tracker a cookie called {@code name} (with that {@code Domain}) belongs to, when it is refused; else null. */
    private TrackerMatch refusedTracker(String name, String domain, ConsentDecision decision) {
        TrackerMatch m = matchCookie(catalog, name, domain);
        return m == null || decision.allowsAll(m.categories()) ? null : m;
    }

    /** {@code Set-Cookie} values expiring the refused tracking cookies that {@code request} carries. */
    public List<String> expiries(HttpServletRequest request, ConsentDecision decision) {
        return expiries(request, decision, MAX_EXPIRY_BYTES);
    }

    /**
     * The bytes of expiry lines a response whose own header lines take {@code headerBytes} (names, values, {@code ": "}
     * and CRLF) has room for. Under {@value #PROXY_HEADER_LIMIT} bytes in all where those headers leave room, so that
     * a page behind a proxy with its default buffer keeps working; past that the site's headers alone need a larger
     * buffer, and the container's {@value #CONTAINER_HEADER_LIMIT} bytes are the limit. {@value #CONTAINER_RESERVE}
     * bytes are kept for the status line and the container's own headers; never more than {@value #MAX_EXPIRY_BYTES}.
     */
    public static int expiryRoom(int headerBytes) {
        return CookieExpiries.expiryRoom(headerBytes);
    }

    /**
     * The size of the header lines on {@code response} ({@code Name: value} and CRLF), but for the {@code Set-Cookie}
     * values in {@code except}.
     */
    public static int headerBytes(HttpServletResponse response, Set<String> except) {
        return CookieExpiries.headerBytes(response, except);
    }

    /**
     * {@code Set-Cookie} values expiring the refused tracking cookies that {@code request} carries, at most
     * {@code budget} bytes of them (counting {@code "Set-Cookie: "} and CRLF; {@link #expiryRoom}). When they do not
     * all fit, first each cookie's copies on {@code Path=/} (host-only and each parent domain, unpartitioned), where
     * sites and their scripts set tracking cookies, a whole cookie at a time; then, as far as they fit, the other
     * lines, from a place that moves on with every request by as many lines as surely fit (the same for every call
     * within one request), so that the following responses reach the copies this one leaves out.
     */
    public List<String> expiries(HttpServletRequest request, ConsentDecision decision, int budget) {
        return cookieExpiries.expiries(request, decision, budget);
    }

    /**
     * When {@code request} carries cookie {@code name} more than once, {@code Set-Cookie} values that expire every copy
     * it may be other than the host-only one on {@code Path=/}, which the caller sets in the same response: the host
     * and each parent domain ({@link CookieExpiries#parentDomains}) on {@code Path=/}, and host-only and those
     * domains on each directory of the request path (the only other paths whose cookies reach it), on HTTPS the
     * partitioned ones too (host-only on {@code Path=/} included: a different cookie). At most {@code budget} bytes of
     * them (counting {@code "Set-Cookie: "} and CRLF), broadest first. Empty when the name appears at most once.
     */
    public List<String> duplicateExpiries(HttpServletRequest request, String name, int budget) {
        return cookieExpiries.duplicateExpiries(request, name, budget);
    }

    /**
     * The name of a {@code Set-Cookie} value (the text before its first {@code =}, at {@code eq}) as a browser stores
     * it. Browsers trim spaces and tabs around it, and containers send a control character or a character beyond
     * Latin-1 as a space (Tomcat, Jetty) or as a byte browsers refuse the cookie for: {@code _ga} after a U+0001 or
     * a U+FEFF arrives as {@code _ga}, so such characters are trimmed too.
     */
    private static String cookieName(String setCookie, int eq) {
        return trim(setCookie.substring(0, eq));
    }

    /** {@code s} without what a browser trims around a name or a value once the container has sent it. */
    private static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && sentAsSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && sentAsSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** A space or tab, or a character containers send as a space (or as a byte browsers refuse the cookie for). */
    private static boolean sentAsSpace(char c) {
        return c <= ' ' || c == 0x7F || c > 0xFF;
    }

    /** A {@code Max-Age} browsers apply: digits, after an optional {@code -} (RFC 6265, 5.2.2); else it is ignored. */
    private static boolean isDeltaSeconds(String v) {
        int from = v.startsWith("-") ? 1 : 0;
        if (v.length() == from) {
            return false;
        }
        for (int i = from; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of the last attribute called {@code name} (any case), the one browsers apply (an empty last
     * {@code Domain} makes a host-only cookie in Chromium and Firefox); null if none. Names and values are trimmed as
     * browsers trim them once the container has sent them ({@link #sentAsSpace}).
     */
    private static String attribute(String setCookie, String name) {
        String value = null;
        int i = setCookie.indexOf(';');
        while (i >= 0) {
            int next = setCookie.indexOf(';', i + 1);
            String attr = setCookie.substring(i + 1, next < 0 ? setCookie.length() : next);
            int eq = attr.indexOf('=');
            if (eq >= 0 && trim(attr.substring(0, eq)).equalsIgnoreCase(name)) {
                value = trim(attr.substring(eq + 1));
            }
            i = next;
        }
        return value;
    }
}
