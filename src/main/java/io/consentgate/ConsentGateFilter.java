package io.consentgate;

import io.consentgate.beacon.BeaconGate;
import io.consentgate.consent.ConsentEndpoint;
import io.consentgate.decision.DecisionEngine;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.log.ServletAccessLog;
import io.consentgate.response.CompositeHeaderWriter;
import io.consentgate.response.ConsentRequest;
import io.consentgate.response.ConsentResponse;
import io.consentgate.response.CookieGate;
import io.consentgate.response.Enforcement;
import io.consentgate.response.UrlHeaderGate;
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
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
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
 * an unknown or invalid one fails {@link #init} with a message naming it. An empty value is invalid, never "none":
 * write {@code none} (or {@code off} where documented).
 *
 * <h2>Init-params</h2>
 * Every parameter with its default (the same keys work in the policy file and as {@link Policy.Builder} methods):
 * <ul>
 *   <li>{@code policy-file} (default none): JSON or YAML file holding one object (a repeated key, text after it or a second YAML document is an error) with the same keys (init-params win) plus {@code klaro-services} and tracker overrides ({@code trackers}, a list of catalog entries): {@code none} for none, {@code classpath:NAME}, {@code file:PATH} or a webapp path like {@code /WEB-INF/consentgate.yaml} (with the leading {@code /}; any other form is an error, and a file not found is one that says where it was looked for; a webapp path outside {@code /WEB-INF/} and {@code /META-INF/}, which the container serves to anyone, may not hold the {@code consent-secret} itself, only {@code env:NAME} or {@code none}, nor may a {@code classpath:} one under {@code META-INF/resources/}, {@code static/}, {@code public/} or {@code resources/}, nor a {@code file:} path into the unpacked webapp's directory outside those two)</li>
 *   <li>{@code mode} (default {@code opt-in}): {@code opt-in} or {@code opt-out}: what a visitor with no signal and no consent gets</li>
 *   <li>{@code region-header} (default none): a <b>trusted</b> header with the visitor's region ({@code DE}, {@code US-CA}), e.g. a CDN country header; set it only if your edge overwrites it</li>
 *   <li>{@code opt-in-regions} (default none): comma list of regions whose default is opt-in ({@code US-CA} beats {@code US} beats {@code mode}); needs {@code region-header}, and a region in both lists is an error</li>
 *   <li>{@code opt-out-regions} (default none): comma list of regions whose default is opt-out; needs {@code region-header}</li>
 *   <li>{@code gpc-refuses} (default {@code marketing}): categories a {@code Sec-GPC: 1} signal refuses ({@code none} for none)</li>
 *   <li>{@code dnt-refuses} (default {@code analytics,marketing}): categories a {@code DNT: 1} signal refuses ({@code none} for none)</li>
 *   <li>{@code signals-override-consent} (default {@code true}): whether GPC/DNT refusals beat a stored consent</li>
 *   <li>{@code gpc-headers} (default {@code Sec-GPC}): request headers read as a GPC signal in addition to {@code Sec-GPC}, which is always read ({@code none}: {@code Sec-GPC} alone)</li>
 *   <li>{@code consent-cookie-name} (default {@code cg_consent}): name of the consent cookie; a name a catalog cookie pattern covers is an error</li>
 *   <li>{@code policy-revision} (default {@code 1}): revision of your privacy policy; raising it invalidates every ConsentGate consent cookie</li>
 *   <li>{@code consent-max-age-days} (default {@code 395}): lifetime of a consent (1–3650 days)</li>
 *   <li>{@code consent-secret} (default none): HMAC-SHA256 key (≥ 32 bytes) signing the cookie; {@code env:NAME} reads an environment variable; {@code none} for unsigned cookies</li>
 *   <li>{@code honour-cmps} (default none): other consent managers' cookies to honour: {@code cookiebot}, {@code onetrust}, {@code cookieconsent}, {@code klaro}, {@code tcf}, {@code usprivacy}</li>
 *   <li>{@code klaro-services} (default none): Klaro service name to category, {@code name=category,...}; merged over a policy file's mapping (the init-param wins per service), and {@code none} drops the file's mapping</li>
 *   <li>{@code consent-path} (default {@code /consent}): path of the consent endpoint, {@code off} to disable; not {@code /} and not a well-known resource the filter answers, and like every path parameter normalized (no {@code .}, {@code ..} or empty segment, no {@code ;})</li>
 *   <li>{@code consent-return} (default {@code /}): where a form post returns when it names no valid same-origin {@code return} path</li>
 *   <li>{@code tk-header} (default {@code true}): send the W3C {@code Tk} header (like {@code Vary} and {@code Permissions-Policy}, only on responses another decision would change: pages, responses with cookies…; a stylesheet or an image stays shareable by caches)</li>
 *   <li>{@code vary} (default {@code vary}): {@code vary} (add {@code Vary: DNT, Sec-GPC, Cookie}) or {@code private} ({@code Cache-Control: private}, replacing the application's {@code public} and {@code s-maxage})</li>
 *   <li>{@code permissions-policy} (default {@code browsing-topics=()}): sent to visitors who refuse marketing; {@code off} to disable</li>
 *   <li>{@code report-only} (default {@code false}): decide and log, change no response</li>
 *   <li>{@code gpc-json} (default {@code true}): serve {@code /.well-known/gpc.json}</li>
 *   <li>{@code gpc-last-update} (default none): {@code lastUpdate} date in gpc.json ({@code YYYY-MM-DD}); left out when not set</li>
 *   <li>{@code tracking-policy-url} (default none): {@code policy} link of the tracking status resource</li>
 *   <li>{@code tracking-controller} (default none): {@code controller} link of the tracking status resource</li>
 *   <li>{@code html-rewrite} (default {@code true}): remove refused trackers from {@code text/html} and {@code application/xhtml+xml} responses (and Jakarta Faces and Apache Wicket ajax responses)</li>
 *   <li>{@code html-mode} (default {@code remove}): {@code remove} refused tracker elements, or {@code neutralize} them ({@code type="text/plain"}, original URL and category kept in data attributes for a client-side consent manager)</li>
 *   <li>{@code html-max-held-bytes} (default {@code 262144}): most bytes of one undecided element (an inline script, a {@code &lt;noscript&gt;}) held per response</li>
 *   <li>{@code html-on-overflow} (default {@code fail-closed}): an element over that cap: {@code fail-closed} treats it as a refused tracker, {@code fail-open} passes it through</li>
 *   <li>{@code html-stub-globals} (default {@code true}): a tracker script removed in {@code remove} mode leaves an inert stand-in for the globals the page's own code calls ({@code gtag}, {@code fbq}, {@code dataLayer}…), so that those calls do not throw</li>
 *   <li>{@code consent-attribute} (default {@code data-consent}): attribute that gates any element by category: {@code &lt;div data-consent="marketing"&gt;}</li>
 *   <li>{@code cookie-expiry-paths} (default {@code /}): paths on which refused tracking cookies the browser still sends are expired</li>
 *   <li>{@code strip-request-cookies} (default {@code false}): remove refused tracking cookies from the request the application sees</li>
 *   <li>{@code access-log} (default {@code combined}): one line per request to the SLF4J logger {@code consentgate.access}: {@code combined} (NCSA), {@code json} (JSON lines) or {@code off}</li>
 *   <li>{@code access-log-ip-mask} (default {@code v4=24,v6=48}): bits of the client address kept ({@code v4=16,v6=32}; at most 24 and 64, so the address is always masked to a network), or Matomo-style {@code bytes=1}..{@code bytes=3} (bytes zeroed)</li>
 *   <li>{@code trusted-proxies} (default none): addresses or CIDR blocks of proxies whose forwarding header names the client; with none, forwarding headers are ignored</li>
 *   <li>{@code forwarded-header} (default {@code x-forwarded-for}): the forwarding header trusted proxies set: {@code x-forwarded-for} or {@code forwarded} (RFC 7239)</li>
 *   <li>{@code access-log-max-length} (default {@code 1024}): longest logged value; longer ones are cut and marked {@code ...[truncated]}</li>
 *   <li>{@code visitor-hash} (default {@code false}): add to {@code json} lines a keyed hash of (masked IP, User-Agent, day) with a daily in-memory salt, for unique-visitor counts that cannot be linked across days; only for visitors who allow analytics</li>
 *   <li>{@code beacon-paths} (default none): your own collection paths answered {@code 204} when their category is refused: {@code PATH=CATEGORY}, comma-separated, a trailing {@code /*} for a prefix ({@code /stats/*=analytics})</li>
 *   <li>{@code beacon-generic-paths} (default {@code false}): also gate the catalog's generic collection paths ({@code /collect}, {@code /tr}, {@code /api/event}), which an application might use for other things</li>
 *   <li>{@code beacon-case-insensitive} (default {@code false}): match beacon paths ignoring case</li>
 *   <li>{@code beacon-pings} (default {@code true}): answer hyperlink-auditing pings ({@code Ping-From}/{@code Ping-To}, {@code text/ping}) with {@code 204} when analytics or marketing is refused</li>
 *   <li>{@code clear-site-data} (default {@code false}): on withdrawal through the consent endpoint also send {@code Clear-Site-Data: "cookies"} (clears every cookie of the site, sessions and the consent cookie included; left out where that would allow more, as in opt-out mode)</li>
 * </ul>
 *
 * <h2>Embedded</h2>
 * {@code new ConsentGateFilter(Policy.builder()...build())}, or {@code io.consentgate.jetty.ConsentGateJetty}.
 *
 * <h2>Ordering — read this</h2>
 * <ul>
 *   <li>Map it <b>after</b> forwarded-header handling (Tomcat {@code RemoteIpValve}/{@code RemoteIpFilter}, Jetty
 *       {@code ForwardedRequestCustomizer}, Spring {@code ForwardedHeaderFilter}): the consent endpoint's same-origin
 *       check and {@code Secure} cookies depend on the public scheme and host.</li>
 *   <li>Compress <b>outside</b> it (Tomcat's connector {@code compression}, Jetty's {@code GzipHandler}, or a
 *       compression filter mapped <b>before</b> it), so it sees the uncompressed HTML it rewrites. A body the
 *       application sends compressed ({@code Content-Encoding} set inside it, a precompressed file included) passes
 *       through unchanged.</li>
 *   <li>Map it before application filters that set tracking cookies, so the cookie gate sees them.</li>
 *   <li>Map it to {@code /*}: a mapping that does not reach its own endpoints (the consent path,
 *       {@code /.well-known/gpc.json}, {@code /.well-known/dnt/}) leaves them to the application; {@link #init} logs
 *       one warning naming each such endpoint.</li>
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
    private AfterResponseLog accessLog;
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
        try {
            if (configured != null) {
                // Built in code and configured by the constructor: only what needs the servlet context is left.
                FilterStartup.requireUngatedSessionCookie(config == null ? null : config.getServletContext(), policy);
            } else {
                configure(FilterStartup.read(config));
            }
        } catch (InvalidPolicyException e) {
            LOG.error("{}", e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        FilterStartup.announce(policy, config);
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
        HtmlRewriter rewriter = !p.htmlRewrite() ? null : p.htmlRewriter().reportOnly(p.reportOnly()).build();
        this.accessLog = new AfterResponseLog(ServletAccessLog.builder()
                .format(p.accessLog())
                .ipMask(p.ipMask())
                .trustedProxies(p.trustedProxies())
                .maxValueLength(p.accessLogMaxLength())
                .visitorHash(p.visitorHash())
                .clock(clock)
                .build());
        // Tracker events cost line/column bookkeeping on every response: only ask for them when they are logged
        // (report-only mode always; per element at DEBUG, when that level is on at start-up).
        this.enforcement = new Enforcement(rewriter, cookieGate,
                new UrlHeaderGate(p.catalog()), CompositeHeaderWriter.forPolicy(p), p.reportOnly(),
                p.reportOnly() ? TrackerEventLog::logReportOnly : LOG.isDebugEnabled() ? TrackerEventLog::log : null);
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
        if (policy.consentPath() != null) {
            request.setAttribute(ConsentGate.CONSENT_PATH_ATTRIBUTE, policy.consentPath());
        }
        Answer answer = null;
        ConsentResponse wrapped = null;
        boolean failed = true;
        try {
            answer = answerItself(request, response, decision, signals);
            if (answer == null) {
                wrapped = new ConsentResponse(request, response, decision, enforcement);
                enforce(request, wrapped, chain);
            }
            failed = false;
        } finally {
            // An exception before the commit becomes the container's 500, not the status the response held, and the
            // body is the container's error page (size unknown); after the commit (the client went away mid-body)
            // the size is what had been passed to the container.
            boolean refusedBeacon = answer != null && answer.refusedBeacon();
            boolean failedBeforeCommit = failed && !response.isCommitted();
            accessLog.logAfterResponse(request, response,
                    refusedBeacon || isConsentWrite(request) ? ConsentDecision.refuseAll() : decision, start,
                    failedBeforeCommit ? null : wrapped, failedBeforeCommit);
        }
    }

    /**
     * How the filter answered a request itself.
     *
     * @param refusedBeacon whether it was a beacon of a refused category, answered {@code 204}: its access-log line
     *                      keeps nothing that needs consent, as its query and headers are what the visitor refused
     */
    private record Answer(boolean refusedBeacon) {
    }

    /**
     * A {@code POST} to the consent endpoint: it may withdraw what the request's decision allowed, so its own
     * access-log line keeps nothing that needs consent.
     */
    private boolean isConsentWrite(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && pathWithinApplication(request).equals(policy.consentPath());
    }

    /** Answers the request when the filter answers it itself; null when the application is to answer it. */
    private Answer answerItself(HttpServletRequest request, HttpServletResponse response, ConsentDecision decision,
                                Signals signals) throws IOException, ServletException {
        String path = pathWithinApplication(request);
        if (wellKnown.handles(path)) {
            wellKnown.serve(path, request, response, decision);
            return new Answer(false);
        }
        if (path.equals(policy.consentPath())) {
            consentEndpoint.serve(request, response, signals, decision);
            return new Answer(false);
        }
        if (beaconGate.gate(request, response, decision, policy.reportOnly())) {
            return new Answer(true);
        }
        if (policy.reportOnly() && !decision.allowsEverything() && LOG.isDebugEnabled()) {
            LOG.debug("report-only: would enforce refusal of {} on {}", decision.refused(), path);
        }
        return null;
    }

    /**
     * A request that already carries a decision: a forward, include, error or async dispatch, or the filter mapped
     * twice. The decision is never taken twice; the response is wrapped again only where the container handed over
     * its own unwrapped response (an ERROR dispatch after {@code sendError}), so error pages are enforced too.
     * A forward or async dispatch to a refused collection path is answered by the beacon gate.
     */
    private void redispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                            ConsentDecision decision) throws IOException, ServletException {
        ConsentResponse wrapped = ConsentResponse.find(response);
        DispatcherType dispatch = request.getDispatcherType();
        if ((dispatch == DispatcherType.FORWARD || dispatch == DispatcherType.ASYNC)
                && beaconGate.gate(request, response, decision, policy.reportOnly())) {
            // The application sent the request on to a collection path (a URL rewrite, a controller's forward):
            // a beacon as much as one sent there, as it would be had ConsentGate run only on this dispatch.
            if (wrapped != null) {
                wrapped.finish();
            }
            return;
        }
        if (wrapped == null && request.getDispatcherType() != DispatcherType.INCLUDE) {
            enforce(request, new ConsentResponse(request, response, decision, enforcement), chain);
            return;
        }
        if (wrapped != null && request.getDispatcherType() == DispatcherType.FORWARD) {
            // A forward through the container's own dispatcher (ServletContext.getRequestDispatcher): Jetty clears
            // only its buffer beneath the wrapper, so what the caller wrote is cleared here.
            wrapped.forwarding();
        }
        chain.doFilter(request, response);
        DispatcherType type = request.getDispatcherType();
        if (wrapped != null && (type == DispatcherType.FORWARD || type == DispatcherType.ASYNC
                || type == DispatcherType.ERROR) && !request.isAsyncStarted()) {
            if (type == DispatcherType.FORWARD && response != wrapped) {
                // Another wrapper stands between: a filter that buffers the body (Spring's ShallowEtagHeaderFilter)
                // writes it only when the outer chain returns, and the outer dispatch ends the body then. Send what
                // is decided now, as a container closing the response after the forward would otherwise lose it.
                wrapped.flushBuffer();
            } else {
                // The body ends with this dispatch (a forward commits and closes the response when it returns).
                wrapped.finish();
            }
        }
    }

    private void enforce(HttpServletRequest request, ConsentResponse wrapped, FilterChain chain)
            throws IOException, ServletException {
        // Written now so application code can read (and override) them; re-asserted when the response commits.
        wrapped.writeEarlyHeaders();
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
    }

    /** Reading signals never throws by contract; if it ever did, the visitor gets the refusing decision. */
    private Signals readSignals(HttpServletRequest request) {
        try {
            return signalReader.read(HeaderSource.of(request));
        } catch (RuntimeException e) {
            LOG.warn("ConsentGate could not read the request's signals; refusing all non-necessary categories", e);
            return unreadableSignals();
        }
    }

    /**
     * The signals of a request whose signals could not be read: a stored consent may have been sent
     * ({@code consentUnclear}), so nothing is allowed, not even by opt-out's default.
     */
    static Signals unreadableSignals() {
        return new Signals(false, Dnt.NONE, Optional.empty(), Optional.empty(), List.of("internal error"), false,
                true);
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
