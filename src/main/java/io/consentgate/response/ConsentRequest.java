package io.consentgate.response;

import io.consentgate.ConsentDecision;
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
import java.util.List;

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
 *       the browser got under the same decision.</li>
 * </ul>
 */
public final class ConsentRequest extends HttpServletRequestWrapper {

    private static final String IF_NONE_MATCH = "If-None-Match";

    private final ConsentResponse response;
    private final boolean stripCookies;
    /** The {@code If-None-Match} the application sees; null when it is the container's. */
    private final Validators.Translation ifNoneMatch;
    private ConsentAsyncContext asyncContext;

    public ConsentRequest(HttpServletRequest request, ConsentResponse response, boolean stripCookies) {
        super(request);
        this.response = response;
        // Report-only changes nothing the application sees.
        this.stripCookies = stripCookies && !response.enforcement().reportOnly();
        this.ifNoneMatch = response.validatorsFollowDecision()
                ? Validators.ifNoneMatch(lines(request.getHeaders(IF_NONE_MATCH)), response.decision())
                : null;
        if (ifNoneMatch != null) {
            response.revalidating(ifNoneMatch.matchedTag());
        }
        response.requestView(this);
    }

    private static List<String> lines(Enumeration<String> values) {
        return values == null ? List.of() : Collections.list(values);
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
        return d == null ? null : new ConsentDispatcher(d, this, response);
    }

    @Override
    public Cookie[] getCookies() {
        Cookie[] cookies = super.getCookies();
        if (!stripCookies || cookies == null) {
            return cookies;
        }
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
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (ifNoneMatch != null && IF_NONE_MATCH.equalsIgnoreCase(name)) {
            return Collections.enumeration(ifNoneMatch.lines());
        }
        Enumeration<String> values = super.getHeaders(name);
        if (!stripCookies || !"Cookie".equalsIgnoreCase(name) || values == null) {
            return values;
        }
        List<String> out = new ArrayList<>();
        while (values.hasMoreElements()) {
            String line = strip(values.nextElement());
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return Collections.enumeration(out);
    }

    /**
     * Without {@code Cookie} when stripping left no cookie, and without {@code If-None-Match} when only a tag this
     * library added was in it, so every listed name has a value.
     */
    @Override
    public Enumeration<String> getHeaderNames() {
        Enumeration<String> names = super.getHeaderNames();
        boolean noCookie = stripCookies && !getHeaders("Cookie").hasMoreElements();
        boolean noIfNoneMatch = ifNoneMatch != null && ifNoneMatch.lines().isEmpty();
        if (names == null || !noCookie && !noIfNoneMatch) {
            return names;
        }
        List<String> out = new ArrayList<>();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!(noCookie && "Cookie".equalsIgnoreCase(name) || noIfNoneMatch && IF_NONE_MATCH.equalsIgnoreCase(name))) {
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
