package io.consentgate.response;

import io.consentgate.ConsentDecision;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The headers ConsentGate writes on a {@link ConsentResponse} itself, in this order: its {@link HeaderWriter}s
 * (through the wrapper's doors, so they never override the application's headers), {@code Tk: D} for a page that
 * passes unenforced, the {@code ETag} that names the decision ({@link Validators}), and the {@code Set-Cookie}
 * expiries of refused cookies the request still carries. Early, when the request enters, only the header writers
 * run. Stateless; the wrapper makes sure the commit-time headers are written once.
 */
final class CommitTimeHeaders {

    private static final Logger LOG = LoggerFactory.getLogger(CommitTimeHeaders.class);
    private CommitTimeHeaders() {
    }

    /**
     * Headers ConsentGate asserts when the request enters, before the application runs, so application code can read
     * (and override) them; they are asserted again when the response commits.
     */
    static void writeEarly(ConsentResponse response) {
        ApplicationHeaders headers = response.applicationHeaders();
        headers.writingOwnHeaders(true);
        try {
            response.enforcement().headers().writeEarly(response, response.decision());
        } finally {
            headers.writingOwnHeaders(false);
        }
    }

    /** Headers that depend on the final state of the response: Vary re-merged, cookie expiries. */
    static void write(ConsentResponse response) {
        write(response, true);
    }

    /**
     * After {@link #write}, when the application changes a header before the container commits (ConsentGate decided
     * the body first): the headers are asserted again, so that a late {@code setHeader("Set-Cookie", …)} or
     * {@code setHeader("Vary", …)} cannot take back the cookie expiries or the {@code Vary} a shared cache needs.
     * The {@code ETag} is translated again only when the application set a new one.
     */
    static void reassert(ConsentResponse response, boolean validatorChanged) {
        write(response, validatorChanged);
    }

    private static void write(ConsentResponse response, boolean validators) {
        Enforcement enforcement = response.enforcement();
        ConsentDecision decision = response.decision();
        ApplicationHeaders headers = response.applicationHeaders();
        headers.writingOwnHeaders(true);
        try {
            if (DecisionDependence.of(response)) {
                headers.dependence().withdrawn(false);
                enforcement.headers().write(response, decision);
                disclaimUnenforcedPage(response);
            } else {
                // The same for every visitor: what differs by decision (Vary, Tk, Permissions-Policy) is taken back.
                headers.dependence().withdrawn(enforcement.headers().withdraw(response, decision));
            }
        } finally {
            headers.writingOwnHeaders(false);
        }
        if (validators) {
            followDecisionInValidators(response);
        }
        if (!enforcement.reportOnly()) {
            dropCookiesSetPastTheWrapper(response, enforcement.cookieGate(), decision);
            // An error page is a second dispatch with a second wrapper; the first one's sendError already added them.
            Collection<String> present = response.getHeaders("Set-Cookie");
            for (String expiry : expiries(response, enforcement.cookieGate(), decision)) {
                if (!present.contains(expiry)) {
                    response.container().addHeader("Set-Cookie", expiry);
                }
            }
        }
    }

    /**
     * The expiries that fit in this response beside the headers already on it ({@link CookieGate#expiryRoom}): a
     * proxy answers {@code 502} to a response whose headers pass its buffer (nginx: 4 KiB by default), and Tomcat
     * {@code 500} without a body to one that passes its {@code maxHttpResponseHeaderSize} (8 KiB), so an application
     * that sends headers of its own (a long {@code Content-Security-Policy}, several cookies) would fail every page
     * for a visitor carrying refused cookies, and the expiries would never reach the browser. Expiries this response
     * already carries (written before, asserted again now) are not counted as the application's, so asserting them
     * again picks the same ones.
     */
    private static List<String> expiries(ConsentResponse response, CookieGate gate, ConsentDecision decision) {
        List<String> candidates = gate.expiries(response.request(), decision, Integer.MAX_VALUE);
        if (candidates.isEmpty()) {
            return candidates;
        }
        int room = CookieGate.expiryRoom(CookieGate.headerBytes(response.container(), new HashSet<>(candidates)));
        return gate.expiries(response.request(), decision, room);
    }

    /**
     * Refused cookies set on the container's response itself: by code that unwrapped ConsentGate's wrapper (walking
     * {@code ServletResponseWrapper.getResponse()}) or used the container's own API. The doors of the wrapper never
     * see them, so the {@code Set-Cookie} headers the response holds are read again here and the refused ones taken
     * out; the others keep their order. A cookie set that way after this point is out of ConsentGate's reach.
     */
    private static void dropCookiesSetPastTheWrapper(ConsentResponse response, CookieGate gate,
                                                     ConsentDecision decision) {
        if (decision.allowsEverything()) {
            return;
        }
        HttpServletResponse container = response.container();
        Collection<String> present = container.getHeaders("Set-Cookie");
        List<String> kept = new ArrayList<>(present.size());
        for (String c : present) {
            if (!gate.refuses(c, decision)) {
                kept.add(c);
            }
        }
        if (kept.size() == present.size()) {
            return;
        }
        LOG.debug("cookie gate: {} refused Set-Cookie set past ConsentGate's wrapper, dropped",
            present.size() - kept.size());
        container.setHeader("Set-Cookie", null);
        int from = 0;
        if (container.containsHeader("Set-Cookie")) {
            // A Servlet 6.0 container (Tomcat 10.1) cannot remove a header: overwrite with the first one kept, or
            // with an empty Set-Cookie, which browsers ignore (see ApplicationHeaders).
            container.setHeader("Set-Cookie", kept.isEmpty() ? "" : kept.get(0));
            from = 1;
        }
        for (String c : kept.subList(Math.min(from, kept.size()), kept.size())) {
            container.addHeader("Set-Cookie", c);
        }
    }

    /**
     * A page the application sent compressed passes with its trackers although something is refused: the
     * {@code Tk} ConsentGate wrote (not one the application set) says {@code D}, disregarding, not {@code N} or
     * {@code C}, which would tell the visitor their refusal was honoured.
     */
    private static void disclaimUnenforcedPage(ConsentResponse response) {
        ConsentDecision decision = response.decision();
        ApplicationHeaders headers = response.applicationHeaders();
        if (!headers.tkFromApplication() && response.containsHeader("Tk") && !decision.allowsEverything()
                && RewriteDecision.statusHasBody(response) && RewriteDecision.isHtml(response)
                && headers.encodedInside() && response.enforcement().rewriter() != null) {
            response.container().setHeader("Tk", TrackingStatus.of(decision, true));
        }
    }

    /** Whether {@code ETag}s of HTML pages carry the decision ({@link Validators}): when pages are rewritten. */
    static boolean validatorsFollowDecision(Enforcement enforcement) {
        return enforcement.rewriter() != null && !enforcement.reportOnly();
    }

    /** At commit: the {@code ETag} of an HTML page (or of a {@code 304} for one) names the decision. */
    private static void followDecisionInValidators(ConsentResponse response) {
        if (!validatorsFollowDecision(response.enforcement())) {
            return;
        }
        HttpServletResponse container = response.container();
        if (response.getStatus() == HttpServletResponse.SC_NOT_MODIFIED) {
            Validators.Translation revalidated = response.revalidated();
            String tag = revalidated == null ? null : revalidated.tagFor304(response.getHeader("ETag"));
            if (tag != null) {
                container.setHeader("ETag", tag);
            }
            return;
        }
        if (!RewriteDecision.statusHasBody(response) || !RewriteDecision.isHtml(response)
                || response.applicationHeaders().encodedInside()) {
            return;
        }
        ConsentDecision decision = response.decision();
        String tag = Validators.tag(response.getHeader("ETag"), response.containsHeader("Last-Modified"), decision,
                !decision.allowsEverything());
        if (tag != null) {
            container.setHeader("ETag", tag);
        }
    }
}
