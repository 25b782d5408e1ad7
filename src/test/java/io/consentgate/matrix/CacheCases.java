package io.consentgate.matrix;

import io.consentgate.Category;
import io.consentgate.ConsentGate;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /cache?ct=TYPE&cc=LINE&vary=LINE&cookie=NAME=VALUE&link=VALUE}: a response with the caching headers of an
 * application: each {@code cc} and {@code vary} added as a header line, each {@code cookie} added with
 * {@code addCookie}, each {@code link} as a {@code Link} line; with {@code read}, the application reads the decision
 * and writes what it allows; with {@code sc=304}, a {@code 304} with only the {@code Vary} lines; with {@code flushfirst}, the page without a content type, flushed
 * before its first byte. The body is a page with the GA4 loader for an HTML type, a line of CSS otherwise.
 */
final class CacheCases {

    static final String PAGE = "<html><head><script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\">"
            + "</script></head><body>hello</body></html>";

    private CacheCases() {
    }

    static void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = req.getParameter("ct");
        resp.setContentType(type);
        if (req.getParameter("sc") != null) {
            resp.setStatus(Integer.parseInt(req.getParameter("sc"))); // 304: no body
            add(resp, "Vary", req.getParameterValues("vary"));
            return;
        }
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
        if (req.getParameter("flushfirst") != null) {
            // no content type, headers flushed before any byte: the browser sniffs the page that follows
            resp.flushBuffer();
            resp.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String body = type != null && type.startsWith("text/html") ? PAGE : "body{color:#333}\n";
        if (req.getParameter("read") != null) {
            body += "/* analytics: " + ConsentGate.decision(req).allows(Category.ANALYTICS) + " */\n";
        }
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
