package io.consentgate.matrix;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /cookies?door=addCookie|addHeader|setHeader|unwrappedAddHeader|unwrappedAddCookie&name=N&domain=D}: sets
 * {@code session_id}, then the cookie {@code N} (with {@code Domain=D} when given) through the door (the
 * {@code unwrapped} ones on the container's response beneath every wrapper), then {@code pref}. With {@code door=setHeader} the
 * tracker cookie is set with {@code setHeader}, which replaces every {@code Set-Cookie} before it; {@code &pad=P}
 * names the header {@code P + "Set-Cookie" + P} on the header doors (containers send it as written). The body echoes the
 * request's {@code Cookie} header and {@code getCookies()} names (sorted), as the application sees them.
 */
final class CookieDoors {

    private CookieDoors() {
    }

    static void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String door = req.getParameter("door");
        if ("late".equals(door)) {
            lateHeaders(resp);
            return;
        }
        String name = req.getParameter("name");
        String domain = req.getParameter("domain");
        String pad = req.getParameter("pad") == null ? "" : req.getParameter("pad");
        String header = pad + "Set-Cookie" + pad;
        if (door != null) {
            resp.addHeader("Set-Cookie", "session_id=s3ss; Path=/; HttpOnly");
            String value = name + "=v1.2.3; Path=/; Max-Age=7776000" + (domain == null ? "" : "; Domain=" + domain);
            switch (door) {
                case "addCookie" -> {
                    Cookie c = new Cookie(name, "v1.2.3");
                    c.setPath("/");
                    c.setMaxAge(7776000);
                    if (domain != null) {
                        c.setDomain(domain);
                    }
                    resp.addCookie(c);
                }
                case "addHeader" -> resp.addHeader(header, value);
                case "setHeader" -> resp.setHeader(header, value);
                case "unwrappedAddHeader" -> unwrapped(resp).addHeader("Set-Cookie", value);
                case "unwrappedAddCookie" -> {
                    Cookie c = new Cookie(name, "v1.2.3");
                    c.setPath("/");
                    if (domain != null) {
                        c.setDomain(domain);
                    }
                    unwrapped(resp).addCookie(c);
                }
                default -> throw new IllegalArgumentException(door);
            }
            Cookie pref = new Cookie("pref", "light");
            pref.setPath("/");
            resp.addCookie(pref);
        }
        List<String> names = new ArrayList<>();
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                names.add(c.getName());
            }
        }
        names.sort(null); // Undertow hands them out sorted by name, Tomcat and Jetty as sent: compare as a set
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print("header=" + req.getHeader("Cookie") + "\nnames=" + names + "\n");
        if (req.getParameter("headerNames") != null) {
            resp.getWriter().print("listed=" + java.util.Collections.list(req.getHeaderNames()).stream()
                    .anyMatch("Cookie"::equalsIgnoreCase) + "\n");
        }
    }

    /** The container's response beneath every wrapper, as code that goes around filters reaches it. */
    private static HttpServletResponse unwrapped(HttpServletResponse resp) {
        jakarta.servlet.ServletResponse r = resp;
        while (r instanceof jakarta.servlet.ServletResponseWrapper w) {
            r = w.getResponse();
        }
        return (HttpServletResponse) r;
    }

    /**
     * {@code door=late}: an HTML page whose open inline script outgrows the response buffer, so ConsentGate decides
     * the body (and writes its commit-time headers) while the rewriter still holds the script and the container has
     * not committed; then the application replaces {@code Set-Cookie} and {@code Vary}, and ends the page.
     */
    private static void lateHeaders(HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        java.io.PrintWriter w = resp.getWriter();
        w.print("<!doctype html><title>late</title><script>var filler = '");
        w.print("x".repeat(3 * resp.getBufferSize()));
        if (resp.isCommitted()) {
            throw new IllegalStateException("the container committed: the scenario needs an uncommitted response");
        }
        resp.setHeader("Set-Cookie", "XSRF-TOKEN=replaced; Path=/");
        resp.setHeader("Vary", "Accept-Encoding");
        w.print("';</script><p>end</p>");
    }
}
