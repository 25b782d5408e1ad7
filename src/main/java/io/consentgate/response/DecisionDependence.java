package io.consentgate.response;

import io.consentgate.ConsentDecision;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a {@link ConsentResponse} could go out differently under another visitor's decision, asked when it commits
 * ({@link #of}): only such a response needs {@code Vary} (or {@code Cache-Control: private}), {@code Tk} and
 * {@code Permissions-Policy}; from any other ConsentGate takes back what it wrote when the request entered
 * ({@link HeaderWriter#withdraw}), leaving what the application set. The answer never depends on this visitor's own
 * decision (a page that passes whole for a visitor who allows everything is rewritten for the next one). A response
 * depends on the decision when
 * <ul>
 *   <li>its body is HTML to a browser ({@link RewriteDecision#isHtml}), whatever its status, or may still be (no
 *       content type, headers flushed before the first byte), or it is a {@code 304}
 *       that confirms an HTML page (a tag naming the decision, or a URI that may name a page, as for ranges:
 *       {@link ConsentRequest#mayBeAPage});</li>
 *   <li>the container's error page follows ({@code sendError}): it is not written yet when the headers are;</li>
 *   <li>the application set a cookie (any door, refused or not), a cookie is on the response however it got there,
 *       or ConsentGate adds expiries of refused cookies the request carries;</li>
 *   <li>the application set a {@code Link} or {@code Refresh} that the {@link UrlHeaderGate} changes for a visitor
 *       who refuses everything, the strictest decision;</li>
 *   <li>the application read the decision (the request attribute), or read the request's cookies while
 *       {@code strip-request-cookies} hides the refused ones: what it wrote may follow the decision.</li>
 * </ul>
 * Everything else (a stylesheet, an image, a script, a JSON document that set no cookie) is the same for every
 * visitor, and a shared cache may keep one copy of it. One per response, fed by its doors; not thread-safe, like the
 * response.
 */
final class DecisionDependence {

    private final ConsentResponse response;
    /** Whether something the application did makes the response depend on the decision. */
    private boolean noted;
    /** Whether ConsentGate took back its decision-dependent headers when the response was decided. */
    private boolean withdrawn;
    /** Whether the application set {@code Tk} itself: it is never overridden nor taken back. */
    private boolean tkFromApplication;
    /** Whether the application set {@code Permissions-Policy} itself. */
    private boolean permissionsPolicyFromApplication;
    /** The {@code Vary} tokens the application (or a filter before ConsentGate) set, in lower case; null: none. */
    private Set<String> varyFromApplication;

    DecisionDependence(ConsentResponse response) {
        this.response = response;
    }

    /** Whether {@code response} depends on the decision; asked when it commits. */
    static boolean of(ConsentResponse response) {
        if (response.applicationHeaders().dependence().noted || response.errorPageFollows()
                || RewriteDecision.isHtml(response) || response.containsHeader("Set-Cookie")) {
            return true;
        }
        if (response.getStatus() == HttpServletResponse.SC_NOT_MODIFIED) {
            String uri = response.request().getRequestURI();
            if (response.revalidated() != null || uri == null || ConsentRequest.mayBeAPage(response.request(), uri)) {
                return true;
            }
        }
        Enforcement enforcement = response.enforcement();
        return !enforcement.reportOnly() && !enforcement.cookieGate()
                .expiries(response.request(), response.decision(), CookieGate.MAX_EXPIRY_BYTES).isEmpty();
    }

    /**
     * The response depends on the decision: when ConsentGate took its headers back already (the body was decided, the
     * container has not committed), they are asserted again, as a cookie set now must not go out without them.
     */
    void fromNowOn() {
        if (noted) {
            return;
        }
        noted = true;
        if (withdrawn && response.wroteCommitTimeHeaders() && !response.container().isCommitted()) {
            CommitTimeHeaders.reassert(response, false);
        }
    }

    /** Whether ConsentGate's decision-dependent headers were taken back ({@link CommitTimeHeaders}). */
    void withdrawn(boolean ownHeadersWithdrawn) {
        withdrawn = ownHeadersWithdrawn;
    }

    /**
     * Notes what a header the application sets tells: its own {@code Tk}, {@code Permissions-Policy} and {@code Vary}
     * tokens, and whether the response depends on the decision (a cookie; a {@code Link} or {@code Refresh} the gate
     * changes for a visitor who refuses everything).
     */
    void applicationHeader(String name, String value) {
        tkFromApplication |= ApplicationHeaders.is(name, "Tk");
        permissionsPolicyFromApplication |= ApplicationHeaders.is(name, "Permissions-Policy");
        if (value == null) {
            return;
        }
        if (ApplicationHeaders.is(name, "Vary")) {
            varyFromApplication(List.of(value));
        } else if (ApplicationHeaders.is(name, "Set-Cookie")) {
            fromNowOn();
        } else if (!noted) {
            boolean link = ApplicationHeaders.is(name, "Link");
            UrlHeaderGate gate = response.enforcement().urlHeaders();
            ConsentDecision strictest = ConsentDecision.refuseAll();
            if (gate != null && (link ? !value.equals(gate.filterLink(value, strictest))
                    : ApplicationHeaders.is(name, "Refresh") && gate.refusesRefresh(value, strictest))) {
                fromNowOn();
            }
        }
    }

    /** Notes {@code Vary} lines as the application's. */
    void varyFromApplication(Collection<String> lines) {
        for (String line : lines) {
            if (line != null) {
                if (varyFromApplication == null) {
                    varyFromApplication = new HashSet<>();
                }
                for (String token : line.split(",")) {
                    varyFromApplication.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** Whether the application (or a filter before ConsentGate) set this {@code Vary} token, in any case. */
    boolean varyFromApplication(String token) {
        return varyFromApplication != null && varyFromApplication.contains(token.strip().toLowerCase(Locale.ROOT));
    }

    boolean tkFromApplication() {
        return tkFromApplication;
    }

    boolean permissionsPolicyFromApplication() {
        return permissionsPolicyFromApplication;
    }

    /**
     * {@code reset()}: the application's headers are gone. Whether it read the decision is not (what it writes next
     * may still follow it), and its {@code Vary} tokens are kept, which can only keep a token.
     */
    void reset() {
        tkFromApplication = false;
        permissionsPolicyFromApplication = false;
        withdrawn = false;
    }

    /**
     * Removes every {@code name} header ConsentGate wrote; whether none is left. A null value removes a header on
     * Tomcat 11, Jetty 12 and Undertow; Tomcat 10.1 (Servlet 6.0) ignores it and has no other way, so it stays there.
     */
    static boolean remove(HttpServletResponse response, String name) {
        if (response.containsHeader(name)) {
            response.setHeader(name, null);
        }
        return !response.containsHeader(name);
    }
}
