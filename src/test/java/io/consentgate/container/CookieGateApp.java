package io.consentgate.container;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * An operator's application as the cookie gate meets it, for {@link CookieGateApplicationContainerTest}:
 * <ul>
 *   <li>{@code /csp?size=N}: a page with a {@code Content-Security-Policy} of about N bytes and a session cookie.</li>
 *   <li>{@code /set?sc=V&sc=W…}: adds each {@code sc} as a {@code Set-Cookie} header, then a {@code keep=1} cookie.</li>
 * </ul>
 */
public class CookieGateApp extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.startsWith("/csp")) {
            StringBuilder csp = new StringBuilder("default-src 'self'; script-src 'self'");
            int size = Integer.parseInt(req.getParameter("size"));
            for (int i = 0; csp.length() < size; i++) {
                csp.append(" 'sha256-").append(String.format("%043d", i)).append("='");
            }
            resp.setHeader("Content-Security-Policy", csp.toString());
            resp.addCookie(new Cookie("session_id", "s3ss"));
        } else if (path.startsWith("/set")) {
            for (String v : req.getParameterValues("sc")) {
                resp.addHeader("Set-Cookie", v);
            }
            resp.addCookie(new Cookie("keep", "1"));
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print("page end");
    }
}
