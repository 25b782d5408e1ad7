package io.consentgate;

import io.consentgate.beacon.BeaconGate;
import io.consentgate.consent.ConsentEndpoint;
import io.consentgate.decision.DecisionEngine;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.TrackerEvent;
import io.consentgate.log.ServletAccessLog;
import io.consentgate.response.CompositeHeaderWriter;
import io.consentgate.response.ConsentRequest;
import io.consentgate.response.ConsentResponse;
import io.consentgate.response.CookieGate;
import io.consentgate.response.Enforcement;
import io.consentgate.signal.Dnt;
import io.consentgate.signal.HeaderSource;
import io.consentgate.signal.SignalReader;
import io.consentgate.signal.SignalSettings;
import io.consentgate.signal.Signals;
import io.consentgate.wellknown.WellKnownResources;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ConsentGate servlet filter: reads the visitor's privacy signals (GPC, DNT, consent cookies), decides which
 * {@link Category categories} are allowed, and enforces that decision on the server.
 *
 * <h2>web.xml</h2>
 * <pre>{@code
 * <filter>
 *   <filter-name>consentgate</filter-name>
 *   <filter-class>io.consentgate.ConsentGateFilter</filter-class>
 *   <async-supported>true</async-supported>
 * </filter>
 * <filter-mapping>
 *   <filter-name>consentgate</filter-name>
 *   <url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher>
 *   <dispatcher>FORWARD</dispatcher>
 *   <dispatcher>ERROR</dispatcher>
 *   <dispatcher>ASYNC</dispatcher>
 * </filter-mapping>
 * }</pre>
 * With no init-params the filter is already safe: opt-in, so every non-necessary category is refused until the
 * visitor consents. Every init-param, with its default, is listed in {@link PolicyReader#PARAMETERS} and the README;
 * an unknown or invalid one fails {@link #init} with a message naming it.
 *
 * <h2>Embedded</h2>
 * {@code new ConsentGateFilter(Policy.builder()...build())}, or {@code io.consentgate.jetty.ConsentGateJetty}.
 *
 * <h2>Ordering — read this</h2>
 * <ul>
 *   <li>Map it <b>after</b> forwarded-header handling (Tomcat {@code RemoteIpValve}/{@code RemoteIpFilter}, Jetty
 *       {@code ForwardedRequestCustomizer}, Spring {@code ForwardedHeaderFilter}): the consent endpoint's same-origin
 *       check and {@code Secure} cookies depend on the public scheme and host.</li>
 *   <li>Map it <b>outside</b> (before) any compression filter, so it sees the uncompressed HTML it rewrites.</li>
 *   <li>Map it before application filters that set tracking cookies, so the cookie gate sees them.</li>
 * </ul>
 *
 * <p>Per request it puts the {@link ConsentDecision} on the request as {@value ConsentGate#DECISION_ATTRIBUTE}
 * (read it with {@link ConsentGate#decision}); a request that already carries one (a forward, include, error or async
 * dispatch, or the filter mapped twice) is passed on untouched, so the filter never acts twice.
 *
 * <p>Thread-safe once initialised.
 */
public final class ConsentGateFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentGateFilter.class);

    private final Policy configured;
    private final Clock clock;
    private Policy policy;
    private SignalReader signalReader;
    private DecisionEngine engine;
    private ConsentEndpoint consentEndpoint;
    private WellKnownResources wellKnown;
    private Enforcement enforcement;
    private ServletAccessLog accessLog;
    private BeaconGate beaconGate;

    /** For {@code web.xml}: the policy is read from init-params in {@link #init}. */
    public ConsentGateFilter() {
        this(null, Clock.systemUTC());
    }

    /** For embedded servers: init-params are ignored, {@code policy} is used as is. */
    public ConsentGateFilter(Policy policy) {
        this(java.util.Objects.requireNonNull(policy, "policy"), Clock.systemUTC());
    }

    ConsentGateFilter(Policy policy, Clock clock) {
        this.configured = policy;
        this.clock = clock;
        if (policy != null) {
            configure(policy);
        }
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (configured != null) {
            LOG.info("ConsentGate enforcing {}", policy);
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Enumeration<String> names = config.getInitParameterNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            params.put(name, config.getInitParameter(name));
        }
        ServletContext ctx = config.getServletContext();
        try {
            configure(PolicyReader.read(params, ctx::getResourceAsStream));
        } catch (InvalidPolicyException e) {
            LOG.error("{}", e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        LOG.info("ConsentGate enforcing {}", policy);
    }

    private void configure(Policy p) {
        this.policy = p;
        this.signalReader = new SignalReader(new SignalSettings(p.gpcHeaders(), p.consentCookieName(),
                p.policyRevision(), p.consentMaxAge(), p.consentSecret(), p.honouredCmps(), p.regionHeader(),
                p.klaroServices()), clock);
        this.engine = new DecisionEngine(p);
        CookieGate cookieGate = new CookieGate(p.catalog(), p.cookieExpiryPaths());
        this.consentEndpoint = new ConsentEndpoint(p, engine, cookieGate, clock);
        this.wellKnown = new WellKnownResources(p);
        this.beaconGate = new BeaconGate(p.catalog(), p.beacons());
        HtmlRewriter rewriter = !p.htmlRewrite() ? null : HtmlRewriter.builder(p.catalog())
                .mode(p.htmlMode())
                .maxHeldBytes(p.htmlMaxHeldBytes())
                .overflow(p.htmlOnOverflow())
                .categoryAttribute(p.consentAttribute())
                .reportOnly(p.reportOnly())
                .build();
        this.accessLog = ServletAccessLog.builder()
                .format(p.accessLog())
                .ipMask(p.ipMask())
                .trustedProxies(p.trustedProxies())
                .maxValueLength(p.accessLogMaxLength())
                .visitorHash(p.visitorHash())
                .clock(clock)
                .build();
        // Tracker events cost line/column bookkeeping on every response: only ask for them when they are logged
        // (report-only mode always; per element at DEBUG, when that level is on at start-up).
        boolean events = p.reportOnly() || LOG.isDebugEnabled();
        this.enforcement = new Enforcement(rewriter, cookieGate, CompositeHeaderWriter.forPolicy(p), p.reportOnly(),
                events ? ConsentGateFilter::log : null);
    }

    private static void log(TrackerEvent e) {
        if (e.action() == TrackerEvent.Action.WOULD_REMOVE) {
            LOG.info("report-only: would remove <{}> at {}:{} ({}, {})", e.element(), e.line(), e.column(),
                    e.trackerName(), e.categories());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} <{}> at {}:{} ({}, {})", e.action(), e.element(), e.line(), e.column(), e.trackerName(),
                    e.categories());
        }
    }

    /** The policy in force (after {@link #init}). */
    public Policy policy() {
        return policy;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (policy == null) {
            throw new ServletException("ConsentGateFilter used before init()");
        }
        if (req.getAttribute(ConsentGate.DECISION_ATTRIBUTE) instanceof ConsentDecision decided) {
            redispatch(request, response, chain, decided);
            return;
        }
        java.time.Instant start = clock.instant();
        Signals signals = readSignals(request);
        ConsentDecision decision = decide(signals);
        request.setAttribute(ConsentGate.DECISION_ATTRIBUTE, decision);
        ConsentResponse wrapped = null;
        try {
            wrapped = answer(request, response, chain, signals, decision);
        } finally {
            logAfterResponse(request, response, decision, start, wrapped);
        }
    }

    /** Answers the request; returns the enforcing wrapper, or null when the filter answered it itself. */
    private ConsentResponse answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                   Signals signals, ConsentDecision decision) throws IOException, ServletException {
        String path = pathWithinApplication(request);
        if (wellKnown.handles(path)) {
            wellKnown.serve(path, request, response, decision);
            return null;
        }
        if (path.equals(policy.consentPath())) {
            consentEndpoint.serve(request, response, signals, decision);
            return null;
        }
        if (beaconGate.gate(request, response, decision, policy.reportOnly())) {
            return null;
        }
        if (policy.reportOnly() && !decision.allowsEverything() && LOG.isDebugEnabled()) {
            LOG.debug("report-only: would enforce refusal of {} on {}", decision.refused(), path);
        }
        return enforce(request, response, chain, decision);
    }

    /** One access-log line per request, after the response (for async requests, when the async cycle ends). */
    private void logAfterResponse(HttpServletRequest request, HttpServletResponse response, ConsentDecision decision,
                                  java.time.Instant start, ConsentResponse wrapped) {
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new jakarta.servlet.AsyncListener() {
                @Override
                public void onComplete(jakarta.servlet.AsyncEvent event) {
                    accessLog.log(request, response, decision, start, bytes(wrapped));
                }

                @Override
                public void onTimeout(jakarta.servlet.AsyncEvent event) {
                    // onComplete follows and logs.
                }

                @Override
                public void onError(jakarta.servlet.AsyncEvent event) {
                    // onComplete follows and logs.
                }

                @Override
                public void onStartAsync(jakarta.servlet.AsyncEvent event) {
                    event.getAsyncContext().addListener(this);
                }
            });
        } else {
            accessLog.log(request, response, decision, start, bytes(wrapped));
        }
    }

    /** The body size for the access log; unknown (-1) when the filter answered without the wrapper. */
    private static long bytes(ConsentResponse wrapped) {
        return wrapped == null ? -1 : wrapped.bytesWritten();
    }

    /**
     * A request that already carries a decision: a forward, include, error or async dispatch, or the filter mapped
     * twice. The decision is never taken twice; the response is wrapped again only where the container handed over
     * its own unwrapped response (an ERROR dispatch after {@code sendError}), so error pages are enforced too.
     */
    private void redispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                            ConsentDecision decision) throws IOException, ServletException {
        ConsentResponse wrapped = ConsentResponse.find(response);
        if (wrapped == null && request.getDispatcherType() != DispatcherType.INCLUDE) {
            enforce(request, response, chain, decision);
            return;
        }
        chain.doFilter(request, response);
        DispatcherType type = request.getDispatcherType();
        if (wrapped != null && (type == DispatcherType.FORWARD || type == DispatcherType.ASYNC
                || type == DispatcherType.ERROR) && !request.isAsyncStarted()) {
            // The body ends with this dispatch (a forward commits and closes the response when it returns).
            wrapped.finish();
        }
    }

    private ConsentResponse enforce(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                    ConsentDecision decision) throws IOException, ServletException {
        ConsentResponse wrapped = new ConsentResponse(request, response, decision, enforcement);
        // Written now so application code can read (and override) them; re-asserted when the response commits.
        enforcement.headers().write(wrapped, decision);
        ConsentRequest wrappedRequest = new ConsentRequest(request, wrapped, policy.stripRequestCookies());
        boolean completed = false;
        try {
            chain.doFilter(wrappedRequest, wrapped);
            completed = true;
        } finally {
            if (!wrappedRequest.startedAsync() && (completed || wrapped.isCommitted())) {
                // Emit what the rewriter holds. After an exception only when the response is already committed:
                // otherwise the container replaces it with an error page, and that page is enforced on its own.
                wrapped.finish();
            }
        }
        return wrapped;
    }

    /** Reading signals never throws by contract; if it ever did, the visitor gets the refusing decision. */
    private Signals readSignals(HttpServletRequest request) {
        try {
            return signalReader.read(HeaderSource.of(request));
        } catch (RuntimeException e) {
            LOG.warn("ConsentGate could not read the request's signals; refusing all non-necessary categories", e);
            return new Signals(false, Dnt.NONE, Optional.empty(), Optional.empty(), List.of("internal error"));
        }
    }

    private ConsentDecision decide(Signals signals) {
        try {
            return engine.decide(signals);
        } catch (RuntimeException e) {
            LOG.warn("ConsentGate could not decide; refusing all non-necessary categories", e);
            return ConsentDecision.refuseAll();
        }
    }

    /** The container-normalized, decoded path below the context path. */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String p = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return p.isEmpty() ? "/" : p;
    }

    @Override
    public void destroy() {
        // Nothing to release: the filter holds no threads, files or connections.
    }
}
