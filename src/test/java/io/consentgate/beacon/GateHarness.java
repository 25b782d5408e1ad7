package io.consentgate.beacon;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentGate;
import io.consentgate.ConsentMode;
import io.consentgate.catalog.TrackerCatalog;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The filters and servlet deployed in both containers for the in-container beacon tests. */
final class GateHarness {

    /** Operator paths configured in the container tests. */
    static final BeaconSettings SETTINGS = new BeaconSettings(List.of("/analytics/*=analytics"), false, false, true);

    private GateHarness() {
    }

    /**
     * Stands in for the decision step: {@code X-Test-Consent: all} allows everything, {@code analytics} allows
     * analytics only, anything else (or nothing) refuses all.
     */
    static final class DecisionFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            String consent = ((HttpServletRequest) req).getHeader("X-Test-Consent");
            ConsentDecision d = "all".equals(consent) ? ConsentDecision.allowAll()
                    : "analytics".equals(consent)
                    ? ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN)
                    : ConsentDecision.refuseAll();
            req.setAttribute(ConsentGate.DECISION_ATTRIBUTE, d);
            if (((HttpServletRequest) req).getHeader("X-Test-Outer-Cookie") != null) {
                // An outer filter that sets a cookie and a security header before ConsentGate runs.
                HttpServletResponse response = (HttpServletResponse) res;
                response.addCookie(new jakarta.servlet.http.Cookie("_fbp", "fb.1.1731834512.42"));
                response.setHeader("X-Frame-Options", "DENY");
            }
            chain.doFilter(req, res);
        }
    }

    /** Calls the gate exactly as ConsentGateFilter does: after the decision, before enforcement. */
    static final class BeaconFilter implements Filter {
        private final BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(), SETTINGS);

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            if (request.getHeader("X-Test-Report-Only") != null) {
                if (!gate.gate(request, (HttpServletResponse) res, ConsentGate.decision(request), true)) {
                    chain.doFilter(req, res);
                }
                return;
            }
            BeaconMatch m = gate.match(request, ConsentGate.decision(request));
            if (m != null) {
                gate.answer(request, (HttpServletResponse) res, m);
                return;
            }
            chain.doFilter(req, res);
        }
    }

    /** The application: counts its calls, reads the whole body (as a collector would) and says how much it read. */
    static final class CountingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        final transient AtomicInteger calls = new AtomicInteger();

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            calls.incrementAndGet();
            long n = 0;
            try (InputStream in = req.getInputStream()) {
                byte[] buf = new byte[8192];
                for (int r; (r = in.read(buf)) >= 0; ) {
                    n += r;
                }
            }
            resp.setContentType("text/plain;charset=UTF-8");
            resp.addHeader("Set-Cookie", "_ga=GA1.1.1.1; Path=/");
            resp.getWriter().print("app read " + n + " bytes");
        }
    }
}
