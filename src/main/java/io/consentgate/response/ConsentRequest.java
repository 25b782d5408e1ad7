package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.ConsentGate;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request the application sees behind ConsentGate.
 *
 * <ul>
 *   <li>{@link #startAsync()} hands the application this request and the {@link ConsentResponse} (not the
 *       container's originals), so asynchronous writes are enforced too, and completing the async context finishes
 *       the rewritten body first.</li>
 *   <li>With request-side stripping on (and not report-only), refused tracking cookies are removed from
 *       {@link #getCookies()} and the {@code Cookie} header, so the application never sees them.</li>
 *   <li>An {@code If-None-Match} tag that carries the current decision's suffix is handed on as the application
 *       wrote it ({@link Validators}), so its own conditional-request handling answers {@code 304} only for a copy
 *       the browser got under the same decision. With only other decisions' tags in it, {@code If-Modified-Since}
 *       is hidden, so an application that validates by date alone does not confirm such a copy either. A page
 *       request whose validators name no decision at all revalidates a copy cached before ConsentGate enforced:
 *       for a visitor who refuses something both fields are hidden.</li>
 *   <li>A strong {@code If-Match} or {@code If-Range} tag with the current decision's suffix (a page sent as
 *       written) is handed on as the application wrote it; weak ones and other decisions' match nothing.</li>
 *   <li>{@code Range} and {@code If-Range} are hidden for an HTML document whose body is rewritten under the
 *       decision (requested, or forwarded to through this request's dispatcher), and for a document request to a
 *       URI of no known type: their byte offsets address the page as written.</li>
 * </ul>
 */
public final class ConsentRequest extends HttpServletRequestWrapper {

    private static final String IF_NONE_MATCH = "If-None-Match";
    /** {@code Sec-Fetch-Dest} values whose response a browser may render as a page. */
    private static final Set<String> DOCUMENT_DESTINATIONS = Set.of("document", "iframe", "frame", "embed", "object");
    /** Media ranges that cover {@code text/html} or {@code application/xhtml+xml}. */
    private static final Set<String> HTML_RANGES = Set.of("text/html", "application/xhtml+xml", "text/*",
            "application/*", "*/*");

    private final ConsentResponse response;
    private final boolean stripCookies;
    /** The {@code If-None-Match} the application sees; null when it is the container's. */
    private final Validators.Translation ifNoneMatch;
    /**
     * Request headers the application does not see (lower case): {@code If-Modified-Since} when {@code If-None-Match}
     * names only other decisions' copies; {@code Range} and {@code If-Range} for a page whose body is rewritten.
     */
    private final Set<String> hidden;
    /** {@code If-Match} and {@code If-Range} as the application sees them (lower-case names), when they differ. */
    private final Map<String, List<String>> strongPreconditions;
    /** Whether a forward to an HTML document hides {@code Range} and {@code If-Range} from here on. */
    private boolean rangesHiddenByForward;
    private ConsentAsyncContext asyncContext;

    public ConsentRequest(HttpServletRequest request, ConsentResponse response, boolean stripCookies) {
        super(request);
        this.response = response;
        // Report-only changes nothing the application sees.
        this.stripCookies = stripCookies && !response.enforcement().reportOnly();
        boolean follow = response.validatorsFollowDecision();
        List<String> tags = follow ? lines(request.getHeaders(IF_NONE_MATCH)) : List.of();
        this.ifNoneMatch = Validators.ifNoneMatch(tags, response.decision());
        this.hidden = hiddenHeaders(request, response, tags);
        this.strongPreconditions = follow ? strongPreconditions(request, response) : Map.of();
        if (ifNoneMatch != null) {
            response.revalidating(ifNoneMatch);
        }
        response.requestView(this);
    }

    /**
     * Whether the request revalidates a copy of a page the browser cached before ConsentGate enforced here (before it
     * was installed, or in report-only mode, or with {@code html-rewrite} off), for a visitor whose decision refuses
     * something: its {@code If-None-Match} names no decision ({@link Validators#namesNoDecision}), where every page
     * sent under enforcement with a validator carries a tag that does, or it has only {@code If-Modified-Since}. That
     * copy is the page as written, trackers included, and an application's {@code 304} would have the browser show
     * it again. Only for a URI that may name a page (as for ranges, {@link #mayBeAPage}); a stylesheet or an image
     * keeps its validators. The cost is one full response per such copy, which then carries a tag of its own.
     */
    private static boolean revalidatesACopyFromBeforeEnforcement(HttpServletRequest request, ConsentResponse response,
                                                               List<String> tags) {
        if (!response.validatorsFollowDecision() || response.decision().allowsEverything()
                || tags.isEmpty() && request.getHeader("If-Modified-Since") == null
                || !Validators.namesNoDecision(tags)) {
            return false;
        }
        return mayBeAPage(request, request.getRequestURI());
    }

    /**
     * Whether a {@code Range} may address bytes of a page as written, which is not what this visitor gets: the
     * decision has pages rewritten and the URI names an HTML document (by the container's MIME mapping, or a
     * directory, served by its welcome file), or names no known type (an extension-less URI, which a servlet, or a
     * forward through the {@code ServletContext}'s dispatchers that this wrapper does not see, may answer with a
     * page) and the request is one for a document ({@link #mayRenderAsDocument}). A default servlet or a servlet
     * that implements ranges itself would send a slice of the page as written (a multi-range one passes every
     * tracker); without the header it sends the whole page, which is rewritten, as RFC 9110 14.2 allows. Resources
     * of a known other type (media, PDFs, scripts, downloads), and media or {@code fetch} requests for unknown
     * types, keep their ranges.
     */
    private static boolean rangesAddressThePageAsWritten(HttpServletRequest request, ConsentResponse response,
                                                         String path) {
        if (path == null || !response.validatorsFollowDecision() || response.decision().allowsEverything()
                || request.getHeader("Range") == null) {
            return false;
        }
        return mayBeAPage(request, path);
    }

    /**
     * Whether {@code path} may name an HTML page: by the container's MIME mapping, or a directory (served by its
     * welcome file), or no known type and a request for a document ({@link #mayRenderAsDocument}).
     */
    static boolean mayBeAPage(HttpServletRequest request, String path) {
        if (path == null) {
            return false;
        }
        int query = path.indexOf('?');
        String p = query < 0 ? path : path.substring(0, query);
        if (p.endsWith("/")) {
            return true;
        }
        String type = request.getServletContext().getMimeType(p);
        return type != null ? RewriteDecision.isHtml(type) : mayRenderAsDocument(request);
    }

    /**
     * Whether the response may be rendered as a page: {@code Sec-Fetch-Dest} names a document, frame or embedded
     * object; without it (plain HTTP, where browsers send no {@code Sec-Fetch-*}, and other clients) an
     * {@code Accept} that admits HTML, or none. A {@code video}, {@code audio} or {@code fetch} ({@code empty})
     * destination, or an {@code Accept} of media types only, is not.
     */
    static boolean mayRenderAsDocument(HttpServletRequest request) {
        String dest = request.getHeader("Sec-Fetch-Dest");
        if (dest != null) {
            return DOCUMENT_DESTINATIONS.contains(dest.strip().toLowerCase(Locale.ROOT));
        }
        String accept = request.getHeader("Accept");
        return accept == null || acceptsHtml(accept);
    }

    /** Whether an {@code Accept} value admits HTML: a media range covering it with a q-value above 0. */
    static boolean acceptsHtml(String accept) {
        for (String range : accept.split(",")) {
            String[] params = range.split(";");
            String type = params[0].strip().toLowerCase(Locale.ROOT);
            if (HTML_RANGES.contains(type) && !refused(params)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a media range's parameters carry {@code q=0}. */
    private static boolean refused(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String param = params[i].strip().toLowerCase(Locale.ROOT);
            if (param.startsWith("q=")) {
                try {
                    return Double.parseDouble(param.substring(2).strip()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * A forward through this request's dispatcher to {@code path} is starting: when that is an HTML document, its
     * ranges would address the page as written, as for a request for it ({@link #rangesAddressThePageAsWritten}).
     */
    void forwarding(String path) {
        rangesHiddenByForward |= rangesAddressThePageAsWritten((HttpServletRequest) getRequest(), response, path);
    }

    /** The field's lines; an empty list, allocating nothing, when the request has none (the common case). */
    private static List<String> lines(Enumeration<String> values) {
        return values == null || !values.hasMoreElements() ? List.of() : Collections.list(values);
    }

    /**
     * The request headers the application does not see (lower case): {@code If-Modified-Since} when
     * {@code If-None-Match} names only other decisions' copies; {@code Range} and {@code If-Range} for a page whose
     * body is rewritten.
     */
    private static Set<String> hiddenHeaders(HttpServletRequest request, ConsentResponse response, List<String> tags) {
        boolean beforeEnforcement = revalidatesACopyFromBeforeEnforcement(request, response, tags);
        boolean modifiedSince = beforeEnforcement
                || !tags.isEmpty() && Validators.hidesModifiedSince(tags, response.decision());
        boolean ranges = rangesAddressThePageAsWritten(request, response, request.getRequestURI());
        if (!modifiedSince && !ranges) {
            return Set.of();
        }
        Set<String> hide = new HashSet<>();
        if (modifiedSince) {
            hide.add("if-modified-since");
        }
        if (beforeEnforcement) {
            hide.add("if-none-match");
        }
        if (ranges) {
            hide.add("range");
            hide.add("if-range");
        }
        return Set.copyOf(hide);
    }

    /** {@code If-Match} and {@code If-Range} translated back to the application's tags, where they differ. */
    private static Map<String, List<String>> strongPreconditions(HttpServletRequest request,
                                                                 ConsentResponse response) {
        Map<String, List<String>> strong = null;
        for (String name : List.of("if-match", "if-range")) {
            List<String> lines = lines(request.getHeaders(name));
            List<String> translated = lines.isEmpty() ? null
                    : Validators.strongPrecondition(lines, response.decision());
            if (translated != null) {
                strong = strong == null ? new HashMap<>() : strong;
                strong.put(name, translated);
            }
        }
        return strong == null ? Map.of() : Map.copyOf(strong);
    }

    @Override
    public AsyncContext startAsync() {
        asyncContext = new ConsentAsyncContext(super.startAsync(this, response), response);
        return asyncContext;
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse servletResponse) {
        asyncContext = new ConsentAsyncContext(super.startAsync(request, servletResponse), response);
        return asyncContext;
    }

    /**
     * Whether the application started async processing through this request (rather than the request counting as
     * async-started because an earlier dispatch did): only then does completing the async context end the body.
     */
    public boolean startedAsync() {
        return asyncContext != null;
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext container = super.getAsyncContext();
        return asyncContext != null ? asyncContext : container;
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        RequestDispatcher d = super.getRequestDispatcher(path);
        return d == null ? null : new ConsentDispatcher(d, this, response, path);
    }

    /**
     * The decision, read by application code ({@code ConsentGate.decision}, a template's request attribute): what the
     * application writes may follow it, so the response depends on the decision ({@link DecisionDependence}).
     */
    @Override
    public Object getAttribute(String name) {
        if (ConsentGate.DECISION_ATTRIBUTE.equals(name)) {
            response.applicationHeaders().dependence().fromNowOn();
        }
        return super.getAttribute(name);
    }

    @Override
    public Cookie[] getCookies() {
        Cookie[] cookies = super.getCookies();
        if (!stripCookies || cookies == null) {
            return cookies;
        }
        // What the application reads now depends on the decision, for this visitor or the next one with these cookies
        response.applicationHeaders().dependence().fromNowOn();
        List<Cookie> kept = new ArrayList<>(cookies.length);
        for (Cookie c : cookies) {
            if (!refused(c.getName())) {
                kept.add(c);
            }
        }
        return kept.size() == cookies.length ? cookies : kept.toArray(Cookie[]::new);
    }

    @Override
    public String getHeader(String name) {
        if (stripCookies && "Cookie".equalsIgnoreCase(name)) {
            Enumeration<String> all = getHeaders(name);
            return all.hasMoreElements() ? all.nextElement() : null;
        }
        if (ifNoneMatch != null && IF_NONE_MATCH.equalsIgnoreCase(name)) {
            return ifNoneMatch.lines().isEmpty() ? null : ifNoneMatch.lines().get(0);
        }
        if (hides(name)) {
            return null;
        }
        List<String> strong = strongPrecondition(name);
        if (strong != null) {
            return strong.get(0);
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (ifNoneMatch != null && IF_NONE_MATCH.equalsIgnoreCase(name)) {
            return Collections.enumeration(ifNoneMatch.lines());
        }
        if (hides(name)) {
            return Collections.emptyEnumeration();
        }
        List<String> strong = strongPrecondition(name);
        if (strong != null) {
            return Collections.enumeration(strong);
        }
        Enumeration<String> values = super.getHeaders(name);
        if (!stripCookies || !"Cookie".equalsIgnoreCase(name) || values == null) {
            return values;
        }
        List<String> out = new ArrayList<>();
        if (values.hasMoreElements()) {
            // What the application reads now depends on the decision (see getCookies)
            response.applicationHeaders().dependence().fromNowOn();
        }
        while (values.hasMoreElements()) {
            String line = strip(values.nextElement());
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return Collections.enumeration(out);
    }

    /** {@code -1} for a hidden header ({@code If-Modified-Since}, {@code If-Range}). */
    @Override
    public long getDateHeader(String name) {
        return hides(name) ? -1 : super.getDateHeader(name);
    }

    private List<String> strongPrecondition(String name) {
        return name == null || strongPreconditions.isEmpty() ? null
                : strongPreconditions.get(name.toLowerCase(Locale.ROOT));
    }

    private boolean hides(String name) {
        if (name == null) {
            return false;
        }
        if (rangesHiddenByForward && ("Range".equalsIgnoreCase(name) || "If-Range".equalsIgnoreCase(name))) {
            return true;
        }
        return !hidden.isEmpty() && hidden.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Without {@code Cookie} when stripping left no cookie, without {@code If-None-Match} when only a tag this
     * library added was in it, and without hidden headers, so every listed name has a value.
     */
    @Override
    public Enumeration<String> getHeaderNames() {
        Enumeration<String> names = super.getHeaderNames();
        boolean noCookie = stripCookies && !getHeaders("Cookie").hasMoreElements();
        boolean noIfNoneMatch = ifNoneMatch != null && ifNoneMatch.lines().isEmpty();
        if (names == null || !noCookie && !noIfNoneMatch && hidden.isEmpty() && !rangesHiddenByForward) {
            return names;
        }
        List<String> out = new ArrayList<>();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!(noCookie && "Cookie".equalsIgnoreCase(name) || noIfNoneMatch && IF_NONE_MATCH.equalsIgnoreCase(name)
                    || hides(name))) {
                out.add(name);
            }
        }
        return Collections.enumeration(out);
    }

    /** {@code cookieLine} without its refused cookies; the line itself when none is refused. */
    private String strip(String cookieLine) {
        StringBuilder sb = new StringBuilder(cookieLine.length());
        boolean removed = false;
        for (String pair : cookieLine.split(";")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).strip();
            if (p.isEmpty() || refused(name)) {
                removed |= !p.isEmpty();
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(p);
        }
        return removed ? sb.toString() : cookieLine;
    }

    private boolean refused(String name) {
        ConsentDecision d = response.decision();
        return response.enforcement().cookieGate().refusesName(name, d);
    }
}
