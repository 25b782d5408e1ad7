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
 *       the browser got under the same decision. With only other decisions' tags in it, {@code If-Modified-Since}
 *       is hidden, so an application that validates by date alone does not confirm such a copy either.</li>
 * </ul>
 */
public final class ConsentRequest extends HttpServletRequestWrapper {

    private static final String IF_NONE_MATCH = "If-None-Match";
    private static final String IF_MODIFIED_SINCE = "If-Modified-Since";

    private final ConsentResponse response;
    private final boolean stripCookies;
    /** The {@code If-None-Match} the application sees; null when it is the container's. */
    private final Validators.Translation ifNoneMatch;
    /** Whether {@code If-Modified-Since} is hidden: {@code If-None-Match} names only other decisions' copies. */
    private final boolean hideModifiedSince;
    private ConsentAsyncContext asyncContext;

    public ConsentRequest(HttpServletRequest request, ConsentResponse response, boolean stripCookies) {
        super(request);
        this.response = response;
        // Report-only changes nothing the application sees.
        this.stripCookies = stripCookies && !response.enforcement().reportOnly();
        List<String> tags = response.validatorsFollowDecision() ? lines(request.getHeaders(IF_NONE_MATCH)) : List.of();
        this.ifNoneMatch = Validators.ifNoneMatch(tags, response.decision());
        this.hideModifiedSince = Validators.hidesModifiedSince(tags, response.decision());
        if (ifNoneMatch != null) {
            response.revalidating(ifNoneMatch);
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
        if (hidesModifiedSince(name)) {
            return null;
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (ifNoneMatch != null && IF_NONE_MATCH.equalsIgnoreCase(name)) {
            return Collections.enumeration(ifNoneMatch.lines());
        }
        if (hidesModifiedSince(name)) {
            return Collections.emptyEnumeration();
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

    /** {@code -1} for an {@code If-Modified-Since} hidden because of another decision's tag ({@link Validators}). */
    @Override
    public long getDateHeader(String name) {
        return hidesModifiedSince(name) ? -1 : super.getDateHeader(name);
    }

    private boolean hidesModifiedSince(String name) {
        return hideModifiedSince && IF_MODIFIED_SINCE.equalsIgnoreCase(name);
    }

    /**
     * Without {@code Cookie} when stripping left no cookie, without {@code If-None-Match} when only a tag this
     * library added was in it, and without a hidden {@code If-Modified-Since}, so every listed name has a value.
     */
    @Override
    public Enumeration<String> getHeaderNames() {
        Enumeration<String> names = super.getHeaderNames();
        boolean noCookie = stripCookies && !getHeaders("Cookie").hasMoreElements();
        boolean noIfNoneMatch = ifNoneMatch != null && ifNoneMatch.lines().isEmpty();
        boolean noIfModifiedSince = hideModifiedSince;
        if (names == null || !noCookie && !noIfNoneMatch && !noIfModifiedSince) {
            return names;
        }
        List<String> out = new ArrayList<>();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!(noCookie && "Cookie".equalsIgnoreCase(name) || noIfNoneMatch && IF_NONE_MATCH.equalsIgnoreCase(name)
                    || noIfModifiedSince && IF_MODIFIED_SINCE.equalsIgnoreCase(name))) {
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
