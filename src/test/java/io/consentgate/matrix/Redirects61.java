package io.consentgate.matrix;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;

/**
 * {@code /redirect61?form=…&body=stream|writer}: an application compiled against Servlet 6.1 that writes part of a
 * page (with a tracker pixel), sets a refused cookie and then redirects with one of the 6.1 forms. The call goes
 * through the {@link HttpServletResponse} interface, as such an application's bytecode does; the test sources are
 * compiled against the 6.0 API, so it is looked up at run time ({@link Servlet61RedirectTest} runs only where the
 * 6.1 API is on the class path).
 */
final class Redirects61 {

    static final String PAGE = "<!doctype html><html><head><title>Moved</title>"
            + "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-R3D1R3CT\"></script></head>"
            + "<body><p>This product moved.</p><img src=\"https://bat.bing.com/action/0?ti=5\" alt=\"\">"
            + "<a href=\"/moved/here\">Go</a></body></html>";

    private Redirects61() {
    }

    /** About 7,900 bytes of Bing pixels: under Tomcat's 8 KiB buffer, over it once neutralized. */
    static final String PIXELS = pixels();

    private static String pixels() {
        StringBuilder sb = new StringBuilder("<!doctype html><p>Redirecting</p>");
        for (int i = 0; sb.length() < 7900 - 60; i++) {
            sb.append("<img src=\"https://bat.bing.com/action/0?ti=").append(1000 + i).append("\" alt=\"\">\n");
        }
        return sb.toString();
    }

    static void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String form = req.getParameter("form");
        if ("committed".equals(form)) {
            committed(resp);
            return;
        }
        if ("big-keep".equals(form)) {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getOutputStream().write(PIXELS.getBytes(StandardCharsets.UTF_8));
            invoke(resp, "/moved/here", 303, false);
            return;
        }
        resp.setContentType("text/html;charset=UTF-8");
        resp.addCookie(new Cookie("_ga", "GA1.2.3.4"));
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        boolean writer = "writer".equals(req.getParameter("body"));
        OutputStream out = writer ? null : resp.getOutputStream();
        if (writer) {
            resp.getWriter().print(PAGE);
        } else {
            out.write(page);
        }
        try {
            switch (form) {
                case "sc-keep" -> handle("sendRedirect", String.class, int.class, boolean.class)
                        .invoke(resp, "/moved/here", 303, false);
                case "sc-clear" -> handle("sendRedirect", String.class, int.class, boolean.class)
                        .invoke(resp, "/moved/here", 307, true);
                case "sc" -> handle("sendRedirect", String.class, int.class).invoke(resp, "/moved/here", 301);
                case "keep" -> handle("sendRedirect", String.class, boolean.class).invoke(resp, "/moved/here", false);
                default -> throw new IllegalArgumentException("form=" + form);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
        // Written after the redirect: the container drops it, with or without the filter.
        try {
            if (writer) {
                resp.getWriter().print("<p>AFTER</p>");
                resp.getWriter().flush();
            } else {
                out.write("<p>AFTER</p>".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException refused) {
            // the wrapper refuses writes after the redirect; the container would drop them: either way not sent
        }
    }

    /** The page, a commit, then a redirect that must throw and change nothing, then more page. */
    private static void committed(HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        OutputStream out = resp.getOutputStream();
        out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        resp.flushBuffer();
        try {
            invoke(resp, "/moved/here", 303, false);
            out.write("<p>NOT THROWN</p>".getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException expected) {
            out.write("<p>after</p>".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void invoke(HttpServletResponse resp, String location, int sc, boolean clear) throws IOException {
        try {
            handle("sendRedirect", String.class, int.class, boolean.class).invoke(resp, location, sc, clear);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    private static MethodHandle handle(String name, Class<?>... params) throws ReflectiveOperationException {
        return MethodHandles.publicLookup().findVirtual(HttpServletResponse.class, name,
                MethodType.methodType(void.class, params));
    }
}
