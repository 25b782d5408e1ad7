package io.consentgate.matrix;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /cache?ct=TYPE&cc=LINE&vary=LINE&cookie=NAME=VALUE&link=VALUE}: a response with the caching headers of an
 * application: each {@code cc} and {@code vary} added as a header line, each {@code cookie} added with
 * {@code addCookie}, each {@code link} as a {@code Link} line. The body is a page with the GA4 loader for an HTML
 * type, a line of text otherwise.
 */
final class CacheCases {

    static final String PAGE = "<html><head><script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\">"
            + "</script></head><body>hello</body></html>";

    private CacheCases() {
    }

    static void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = req.getParameter("ct");
        resp.setContentType(type);
        add(resp, "Cache-Control", req.getParameterValues("cc"));
        add(resp, "Vary", req.getParameterValues("vary"));
        add(resp, "Link", req.getParameterValues("link"));
        String[] cookies = req.getParameterValues("cookie");
        if (cookies != null) {
            for (String c : cookies) {
                int eq = c.indexOf('=');
                resp.addCookie(new Cookie(c.substring(0, eq), c.substring(eq + 1)));
            }
        }
        String body = type != null && type.startsWith("text/html") ? PAGE : "body{color:#333}\n";
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void add(HttpServletResponse resp, String name, String[] lines) {
        if (lines != null) {
            for (String line : lines) {
                resp.addHeader(name, line);
            }
        }
    }
}
