package io.consentgate.response;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headers the application sets through a {@link ConsentResponse}, tracked as they are set: the one
 * per-response object of the wrapper.
 *
 * <ul>
 *   <li>{@code Content-Length}, however it is set (a header, an int header), goes to
 *       {@link ConsentResponse#setContentLengthLong}, which holds it here until the body is decided.</li>
 *   <li>{@code Set-Cookie} (as a header or a {@link Cookie}) passes the {@link CookieGate}; a refused one is dropped
 *       (logged instead in report-only mode).</li>
 *   <li>{@code Link} and {@code Refresh} pass the {@link UrlHeaderGate}: a resource hint to a refused tracker is
 *       taken out of the value, as it would otherwise reach the tracker from the final response or from
 *       {@code 103 Early Hints}, and a {@code Refresh} to one is dropped (logged instead in report-only mode).</li>
 *   <li>{@code Content-Type} as a header goes to {@link ConsentResponse#setContentType}, which keeps the writer's
 *       charset.</li>
 *   <li>{@code Content-Encoding} is noted: a body compressed inside ConsentGate is not rewritten. What tells whether
 *       the response depends on the decision (a cookie, a {@code Link} or {@code Refresh} the gate changes) and the
 *       application's own {@code Tk}, {@code Permissions-Policy} and {@code Vary} tokens, never overridden nor
 *       taken back, are noted by its {@link DecisionDependence}. Headers ConsentGate's own writers set, between
 *       {@link #writingOwnHeaders(boolean)} calls, are not the application's.</li>
 * </ul>
 * Everything else goes to the container unchanged. Not thread-safe, like the response.
 */
final class ApplicationHeaders {

    /** Logged under the wrapper's name, where operators route it. */
    private static final Logger LOG = LoggerFactory.getLogger(ConsentResponse.class);
    private static final String SET_COOKIE = "Set-Cookie";

    private final ConsentResponse response;
    private long heldContentLength = -1;
    /** Whether the application (or a filter inside ConsentGate) set {@code Content-Encoding}. */
    private boolean encodedInside;
    /** Whether ConsentGate's own header writers are running (their {@code Tk} is not the application's). */
    private boolean writingOwnHeaders;
    /** What the application's headers tell about the response's dependence on the decision. */
    private final DecisionDependence dependence;

    ApplicationHeaders(ConsentResponse response) {
        this.response = response;
        this.dependence = new DecisionDependence(response);
    }

    private HttpServletResponse container() {
        return response.container();
    }

    // ---- Content-Length, held until the body is decided --------------------------------------------------------

    /** Holds the application's {@code Content-Length} ({@code -1}: none) until the body is decided. */
    void holdContentLength(long len) {
        heldContentLength = len;
    }

    /**
     * The application's Content-Length, for the pass-through path; -1 when none, or when this is a {@code HEAD} whose
     * {@code GET} would be rewritten: a HEAD must not announce a length other than its GET's (RFC 9110, 8.6).
     */
    long heldContentLength() {
        return RewriteDecision.headOfRewrittenGet(response) ? -1 : heldContentLength;
    }

    /** Called when the body is to be rewritten: its length changes and a strong validator no longer holds. */
    void prepareForRewrite() {
        if (response.enforcement().reportOnly()) {
            // Report-only: the rewriter only reports, the body stays byte for byte; length and validator hold.
            if (heldContentLength >= 0) {
                container().setContentLengthLong(heldContentLength);
            }
            return;
        }
        heldContentLength = -1; // the ETag was made weak at commit (CommitTimeHeaders)
    }

    // ---- what the application set ----------------------------------------------------------------------------

    /**
     * Whether the body the application writes is already compressed: a {@code Content-Encoding} set inside
     * ConsentGate. One set by an outer filter before the chain means that filter compresses what ConsentGate sends.
     */
    boolean encodedInside() {
        String encoding = response.getHeader("Content-Encoding");
        return encodedInside && encoding != null && !encoding.isBlank()
                && !"identity".equalsIgnoreCase(encoding.strip());
    }

    /** Whether the application set {@code Tk} itself. */
    boolean tkFromApplication() {
        return dependence.tkFromApplication();
    }

    DecisionDependence dependence() {
        return dependence;
    }

    /** Brackets ConsentGate's own header writers: what they set is not the application's. */
    void writingOwnHeaders(boolean own) {
        writingOwnHeaders = own;
    }

    /** {@code reset()}: the application's headers are gone. */
    void reset() {
        heldContentLength = -1;
        encodedInside = false;
        dependence.reset();
    }

    // ---- header doors --------------------------------------------------------------------------------------------

    void setHeader(String name, String value) {
        if (name == null) {
            return;
        }
        noteApplicationHeader(name, value);
        if (isContentLength(name)) {
            response.setContentLengthLong(parseLength(value));
        } else if (isSetCookie(name)) {
            if (value == null || refuse(value)) {
                if (name.length() == SET_COOKIE.length()) {
                    removeSetCookies();
                } // else a padded name: the container keeps it apart from Set-Cookie, and nothing refused went out
            } else {
                container().setHeader(name, value);
            }
        } else if (isContentType(name) && value != null) {
            response.setContentType(value);
        } else if (isLink(name) && value != null) {
            String links = links(value);
            if (links != null) {
                container().setHeader(name, links);
            } else {
                remove(name); // setHeader replaces: the application's earlier links go too
            }
        } else if (isRefresh(name) && refusedRefresh(value)) {
            remove(name);
        } else {
            encodedInside |= isContentEncoding(name);
            container().setHeader(name, value);
        }
        afterChange(name);
    }

    void addHeader(String name, String value) {
        if (name == null) {
            return;
        }
        noteApplicationHeader(name, value);
        if (isContentLength(name)) {
            response.setContentLengthLong(parseLength(value));
        } else if (isSetCookie(name)) {
            if (value != null && !refuse(value)) {
                container().addHeader(name, value);
            }
            // An added cookie takes back nothing ConsentGate wrote: no reassert, as for addCookie. Each reassert reads
            // every Set-Cookie and header again, so many cookies added late would cost the square of their number.
            return;
        } else if (isContentType(name) && value != null) {
            response.setContentType(value);
        } else if (isLink(name) && value != null) {
            String links = links(value);
            if (links != null) {
                container().addHeader(name, links);
            }
        } else if (isRefresh(name) && refusedRefresh(value)) {
            return;
        } else {
            encodedInside |= isContentEncoding(name);
            container().addHeader(name, value);
        }
        afterChange(name);
    }

    void setIntHeader(String name, int value) {
        if (name != null && isContentLength(name)) {
            response.setContentLengthLong(value);
        } else {
            container().setIntHeader(name, value);
            afterChange(name);
        }
    }

    void addIntHeader(String name, int value) {
        if (name != null && isContentLength(name)) {
            response.setContentLengthLong(value);
        } else {
            container().addIntHeader(name, value);
            afterChange(name);
        }
    }

    /**
     * A header the application changed after ConsentGate wrote its commit-time headers, which it does when it decides
     * the body, before the container commits: they are asserted again (see {@link CommitTimeHeaders#reassert}).
     */
    private void afterChange(String name) {
        if (!writingOwnHeaders && response.wroteCommitTimeHeaders() && !container().isCommitted()) {
            CommitTimeHeaders.reassert(response, name != null && is(name, "ETag"));
        }
    }

    void addCookie(Cookie cookie) {
        if (cookie == null) {
            return;
        }
        dependence.fromNowOn();
        if (response.enforcement().cookieGate().refuses(cookie, response.decision())
                && enforcing("drop cookie " + cookie.getName())) {
            return;
        }
        container().addCookie(cookie);
    }

    /** Notes what a header the application sets tells ({@link DecisionDependence}). */
    private void noteApplicationHeader(String name, String value) {
        if (!writingOwnHeaders) {
            dependence.applicationHeader(name, value);
        }
    }

    private boolean refuse(String setCookie) {
        return response.enforcement().cookieGate().refuses(setCookie, response.decision())
                && enforcing("drop a Set-Cookie header");
    }

    /** The {@code Link} value without its hints to refused trackers; null when none is left. */
    private String links(String value) {
        UrlHeaderGate gate = response.enforcement().urlHeaders();
        String kept = gate == null ? value : gate.filterLink(value, response.decision());
        return kept == value || enforcing("drop a tracker's resource hint from a Link header") ? kept : value;
    }

    /** Whether a {@code Refresh} to a refused tracker must not go out. */
    private boolean refusedRefresh(String value) {
        UrlHeaderGate gate = response.enforcement().urlHeaders();
        return gate != null && gate.refusesRefresh(value, response.decision())
                && enforcing("drop a Refresh header to a tracker");
    }

    /**
     * Whether a refusal found at a header door is carried out: not in report-only mode, where what enforcing would
     * do is logged and the header goes out as the application set it.
     */
    private boolean enforcing(String wouldDo) {
        if (response.enforcement().reportOnly()) {
            LOG.info("report-only: would {}", wouldDo);
            return false;
        }
        return true;
    }

    /** {@code setHeader("Set-Cookie", refused)} replaces every cookie with nothing. */
    private void removeSetCookies() {
        remove(SET_COOKIE);
    }

    /**
     * Removes every header of that name: a null value does on Servlet 6.1 containers (Tomcat 11, Jetty 12). A
     * Servlet 6.0 container (Tomcat 10.1) ignores a null value and has no other way to remove a header: the value
     * becomes empty, which browsers ignore for every header removed so (RFC 6265 5.2: a set-cookie-string without
     * '=' is ignored entirely; a {@code Link} without links names nothing; an empty {@code Refresh} is no refresh).
     */
    private void remove(String name) {
        if (response.containsHeader(name)) {
            container().setHeader(name, null);
            if (response.containsHeader(name)) {
                container().setHeader(name, "");
            }
        }
    }

    /**
     * Whether a header name the application passed is {@code field}, in any case and with any whitespace or control
     * characters (DEL included) around it: containers send {@code "Set-Cookie "} as written, as {@code Set-Cookie :},
     * Tomcat sends a DEL as a space too, and Chromium takes that line as the header it names.
     */
    static boolean is(String name, String field) {
        int from = 0;
        int to = name.length();
        while (from < to && isPadding(name.charAt(from))) {
            from++;
        }
        while (to > from && isPadding(name.charAt(to - 1))) {
            to--;
        }
        return to - from == field.length() && name.regionMatches(true, from, field, 0, field.length());
    }

    private static boolean isPadding(char c) {
        return c <= ' ' || c == 0x7F;
    }

    private static boolean isContentLength(String name) {
        return is(name, "Content-Length");
    }

    private static boolean isSetCookie(String name) {
        return is(name, SET_COOKIE);
    }

    private static boolean isContentType(String name) {
        return is(name, "Content-Type");
    }

    private static boolean isLink(String name) {
        return is(name, "Link");
    }

    private static boolean isRefresh(String name) {
        return is(name, "Refresh");
    }

    private static boolean isContentEncoding(String name) {
        return is(name, "Content-Encoding");
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
